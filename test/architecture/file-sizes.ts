import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * File sizes: a source file longer than MAX_LINES says why in its header, the first comment block of the file
 * (before or after the imports), with a line that starts `Long file:` followed by the reason, e.g.
 * `Long file: one playbook's content, written as data; splitting it would scatter one text.`
 * Specs are not counted.
 */

export const MAX_LINES = 400;
/** A reason shorter than this is not a reason ("Long file: ok"). */
export const MIN_REASON_CHARS = 12;

export interface SizedSource {
  /** Path relative to the repository, with forward slashes. */
  file: string;
  text: string;
}

export interface Offender {
  file: string;
  lines: number;
}

/** Lines as `wc -l` counts them (a last line without a newline still counts). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/**
 * The first comment block of a TypeScript file: the first comment the scanner meets (so `//` inside a string
 * is not one) and, when it is a `//` comment, the `//` comments on the lines right below it. Its lines are
 * returned without the comment marks (`/**`, `*`, `//`).
 */
export function headerComment(file: string, text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, languageOf(file), text);
  const block: string[] = [];
  let newlines = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.WhitespaceTrivia) continue;
    if (token === ts.SyntaxKind.NewLineTrivia) {
      newlines++;
      continue;
    }
    if (token === ts.SyntaxKind.MultiLineCommentTrivia) {
      if (block.length === 0) block.push(scanner.getTokenText());
      break;
    }
    if (token === ts.SyntaxKind.SingleLineCommentTrivia) {
      // A run of `//` lines: a blank line or code ends it.
      if (block.length > 0 && newlines > 1) break;
      block.push(scanner.getTokenText());
      newlines = 0;
      continue;
    }
    if (block.length > 0) break;
    newlines = 0;
  }
  return block.flatMap((comment) =>
    comment
      .replace(/^\/\*\*?/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((line) => line.replace(/^\s*(?:\/\/+|\*)?/, '').trim()),
  );
}

/** The reason a long file gives in its header, or undefined when it gives none. */
export function longFileReason(file: string, text: string): string | undefined {
  for (const line of headerComment(file, text)) {
    const m = /^Long file:\s*(.*)$/.exec(line);
    if (m && m[1].trim().length >= MIN_REASON_CHARS) return m[1].trim();
  }
  return undefined;
}

/** Every file over `max` lines whose header gives no `Long file:` reason, longest first. */
export function findOffenders(sources: SizedSource[], max = MAX_LINES): Offender[] {
  return sources
    .filter((s) => !/\.spec\.tsx?$/.test(s.file))
    .map((s) => ({ file: s.file, lines: lineCount(s.text), text: s.text }))
    .filter((s) => s.lines > max && longFileReason(s.file, s.text) === undefined)
    .map(({ file, lines }) => ({ file, lines }))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

/** The `.ts` (and, with `tsx`, `.tsx`) files under `dir` of the repository at `root`. */
export function readSizedSources(root: string, dir: string, tsx = false): SizedSource[] {
  const out: SizedSource[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') || (tsx && entry.name.endsWith('.tsx'))) {
        out.push({ file: relative(root, child).split(sep).join('/'), text: readFileSync(child, 'utf8') });
      }
    }
  };
  walk(join(root, dir));
  return out;
}

function languageOf(file: string): ts.LanguageVariant {
  return file.endsWith('.tsx') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
}
