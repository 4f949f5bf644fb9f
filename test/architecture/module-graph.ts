import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The modules of src/ (one folder each) and, for each, the other modules its non-test files import. */
export function moduleGraph(root: string): Map<string, Set<string>> {
  const src = join(root, 'src');
  const graph = new Map<string, Set<string>>();
  for (const module of readdirSync(src).filter((d) => statSync(join(src, d)).isDirectory())) {
    const uses = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/from '((?:\.\.\/)+)([a-z-]+)\//g)) {
            const depth = m[1].length / 3;
            const level = relative(join(src, module), dir).split('/').filter(Boolean).length + 1;
            if (depth === level && m[2] !== module) uses.add(m[2]);
          }
        }
      }
    };
    walk(join(src, module));
    graph.set(module, uses);
  }
  return graph;
}

/** The graph written in src/README.md: lines `| \`module\` | … | a, b, c |` of the module table. */
export function documentedGraph(readme: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of readme.matchAll(/^\| `([a-z-]+)` +\|[^|]*\| *([^|]*?) *\|$/gm)) {
    out.set(m[1], new Set(m[2] === '—' ? [] : m[2].split(',').map((s) => s.trim())));
  }
  return out;
}
