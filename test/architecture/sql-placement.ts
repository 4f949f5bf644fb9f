import ts from 'typescript';
import type { SqlSource } from './sql-ownership.js';

/**
 * SQL placement: SQL lives only in `*.repository.ts` files. A site is a call of `.query(…)` / `.query<…>(…)` or
 * `createQueryBuilder(…)`, or a string that reads as SQL (SELECT … FROM, INSERT INTO, UPDATE … SET, DELETE FROM)
 * outside such a call. Seeding, the database bootstrap and migrations write SQL by design; the strings of a
 * `sql-fragments.ts` (pieces that repositories embed in their queries, run by nothing else) are not sites.
 */

/** Folders under `src/` whose files may hold SQL anywhere. */
export const SQL_ANYWHERE = ['src/database/', 'src/bootstrap/', 'src/demo/'];

export interface SqlSite {
  file: string;
  /** The enclosing function, `Class.method`, `function` or `(top level)`. */
  where: string;
  line: number;
  kind: 'query' | 'createQueryBuilder' | 'sql string';
}

/** Whether the file must hold no SQL. */
export function isChecked(file: string): boolean {
  return (
    file.startsWith('src/') &&
    file.endsWith('.ts') &&
    !file.endsWith('.repository.ts') &&
    !file.endsWith('.spec.ts') &&
    !/\/migrations\//.test(file) &&
    !SQL_ANYWHERE.some((dir) => file.startsWith(dir))
  );
}

const SQL_SHAPES = [
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\s+"?[a-z_][a-z0-9_]*"?\s+(?:[a-z_]+\s+)?SET\b/,
  /\bDELETE\s+FROM\b/,
];

/** Whether a string reads as SQL (keywords in capitals, as the project writes its SQL; prose does not match). */
export function looksLikeSql(text: string): boolean {
  return SQL_SHAPES.some((re) => re.test(text));
}

function nameOf(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) {
    return name.text;
  }
  return undefined;
}

/** `Class.method`, `function`, `Class.property` (an arrow held in a field), or `(top level)`. */
function enclosing(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (
      ts.isMethodDeclaration(n) ||
      ts.isFunctionDeclaration(n) ||
      ts.isPropertyDeclaration(n) ||
      ts.isGetAccessorDeclaration(n) ||
      ts.isClassDeclaration(n)
    ) {
      const name = nameOf(n);
      if (name) names.unshift(name);
    } else if (ts.isConstructorDeclaration(n)) names.unshift('constructor');
    else if (ts.isVariableDeclaration(n) && ts.isSourceFile(n.parent.parent.parent)) {
      const name = nameOf(n);
      if (name) names.unshift(name);
    }
  }
  return names.length ? names.join('.') : '(top level)';
}

function calledName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  return undefined;
}

/** The SQL sites of one file (whatever its name: `findMisplaced` decides which files count). */
export function sqlSitesIn(file: string, text: string): SqlSite[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: SqlSite[] = [];
  const site = (node: ts.Node, kind: SqlSite['kind']) =>
    out.push({
      file,
      where: enclosing(node),
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      kind,
    });
  // A file of SQL fragments (`sql-fragments.ts`) holds pieces that repositories embed in their queries: its
  // strings are not sites, a query it ran would be.
  const fragments = file.endsWith('/sql-fragments.ts');
  const visit = (node: ts.Node, insideQuery: boolean) => {
    if (ts.isCallExpression(node)) {
      const name = calledName(node);
      if (name === 'query' && ts.isPropertyAccessExpression(node.expression)) {
        site(node, 'query');
        ts.forEachChild(node, (c) => visit(c, true));
        return;
      }
      if (name === 'createQueryBuilder') {
        site(node, 'createQueryBuilder');
        ts.forEachChild(node, (c) => visit(c, true));
        return;
      }
    }
    if (!insideQuery && !fragments) {
      let str: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) str = node.text;
      else if (ts.isTemplateExpression(node)) {
        str = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      }
      if (str !== undefined && looksLikeSql(str)) {
        site(node, 'sql string');
        return;
      }
    }
    ts.forEachChild(node, (c) => visit(c, insideQuery));
  };
  visit(sf, false);
  return out;
}

/** Every SQL site in a file that is not a repository, as `file: where` (one line per site, sorted). */
export function findMisplaced(sources: SqlSource[]): string[] {
  return sources
    .filter((s) => isChecked(s.file))
    .flatMap((s) => sqlSitesIn(s.file, s.text))
    .map((s) => `${s.file}: ${s.where}`)
    .sort();
}

/** What `found` holds beyond `known`, and what `known` holds beyond `found` (both counted with repeats). */
export function compareSites(found: string[], known: string[]): { new: string[]; gone: string[] } {
  const left = new Map<string, number>();
  for (const k of known) left.set(k, (left.get(k) ?? 0) + 1);
  const added: string[] = [];
  for (const f of found) {
    const n = left.get(f) ?? 0;
    if (n > 0) left.set(f, n - 1);
    else added.push(f);
  }
  const gone = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { new: added, gone };
}
