import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Table ownership: a module's SQL names only its own tables. The owner of a table is the module whose
 * `entities/` folder declares it (`@Entity('table')` or `@Entity({ name: 'table', … })`); a module is the first folder under `src/`.
 */

/** Modules whose SQL may name any table: the permission layer and the reports read model. */
export const READ_MODELS = new Set(['access', 'reports']);
/** Modules that are not domain modules: seeding and the database bootstrap write every table by design. */
export const SEEDERS = new Set(['demo', 'bootstrap', 'database']);

export interface SqlSource {
  /** Path relative to the repository, with forward slashes. */
  file: string;
  text: string;
}

export interface Violation {
  file: string;
  module: string;
  table: string;
  owner: string;
}

/** `src/<module>/…` → module. */
export function moduleOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : '';
}

/** table → owning module, from the `@Entity('table')` decorators of each module's entities. */
export function ownerMap(sources: SqlSource[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const s of sources) {
    if (!/\/entities\//.test(s.file)) continue;
    for (const m of s.text.matchAll(/@Entity\(\s*(?:\{\s*name:\s*)?['"]([a-z_][a-z0-9_]*)['"]/g))
      owners.set(m[1], moduleOf(s.file));
  }
  return owners;
}

/** The text of every string and template literal of a TypeScript file (template parts joined by a space). */
export function stringsOf(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const TABLE_AFTER_KEYWORD = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Tables an SQL string names after FROM / JOIN / INTO / UPDATE / TABLE / USING. */
export function tablesIn(sql: string): string[] {
  if (!/\b(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql)) return [];
  return [...sql.matchAll(TABLE_AFTER_KEYWORD)].map((m) => m[1].toLowerCase());
}

/** Every (file, foreign table) pair: SQL in a module that names a table another module owns. */
export function findViolations(sources: SqlSource[], owners = ownerMap(sources)): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const s of sources) {
    const module = moduleOf(s.file);
    if (!module || READ_MODELS.has(module) || SEEDERS.has(module) || /\.spec\.ts$/.test(s.file)) continue;
    for (const str of stringsOf(s.file, s.text)) {
      for (const table of tablesIn(str)) {
        const owner = owners.get(table);
        if (!owner || owner === module) continue;
        const key = `${s.file}: ${table}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ file: s.file, module, table, owner });
      }
    }
  }
  return out.sort((a, b) => `${a.file}: ${a.table}`.localeCompare(`${b.file}: ${b.table}`));
}

/** The TypeScript sources under `src/` of the repository at `root`. */
export function readSources(root: string): SqlSource[] {
  const out: SqlSource[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        out.push({ file: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(join(root, 'src'));
  return out;
}
