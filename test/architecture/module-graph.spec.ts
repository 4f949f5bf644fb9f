import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedGraph, moduleGraph } from './module-graph.js';

const sorted = (g: Map<string, Set<string>>) =>
  Object.fromEntries([...g].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));

describe('module graph (src/README.md)', () => {
  it('is the graph of the actual imports: every module, every arrow, nothing more', () => {
    const actual = moduleGraph(process.cwd());
    const documented = documentedGraph(readFileSync(join(process.cwd(), 'src/README.md'), 'utf8'));
    expect(sorted(documented)).toEqual(sorted(actual));
  });

  it('the reader of the table fails on a missing arrow', () => {
    const readme = '| `signals` | sources | auth, common |\n| `common` | helpers | — |\n';
    expect(sorted(documentedGraph(readme))).toEqual({ common: [], signals: ['auth', 'common'] });
    const actual = new Map([
      ['common', new Set<string>()],
      ['signals', new Set(['auth', 'common', 'incidents'])],
    ]);
    expect(sorted(documentedGraph(readme))).not.toEqual(sorted(actual));
  });
});
