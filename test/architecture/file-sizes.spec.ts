import {
  findOffenders,
  headerComment,
  lineCount,
  longFileReason,
  MAX_LINES,
  readSizedSources,
} from './file-sizes.js';
import type { SizedSource } from './file-sizes.js';

/**
 * src/ files over the limit without a reason in their header. The list is empty: every long file is split or says
 * why in its header, so a new long file without a reason fails. Keep it empty.
 */
const KNOWN_LONG: string[] = [];

/**
 * web/src/ files over the limit without a reason in their header. The list is empty: the console's long files are
 * split or say why in their header, so a new long file without a reason fails. Keep it empty.
 */
const KNOWN_LONG_WEB: string[] = [];

describe(`file sizes: no file over ${MAX_LINES} lines without a reason in its header`, () => {
  /** Offenders not in `known`, and entries of `known` that no longer offend (so the lists only shrink). */
  const compare = (dir: string, known: string[], tsx = false) => {
    const found = findOffenders(readSizedSources(process.cwd(), dir, tsx));
    const names = new Set(found.map((o) => o.file));
    return {
      new: found.filter((o) => !known.includes(o.file)).map((o) => `${o.file} (${o.lines} lines)`),
      fixed: known.filter((k) => !names.has(k)),
    };
  };

  it('src/: every long file says why, apart from the known list', () => {
    expect(compare('src', KNOWN_LONG)).toEqual({ new: [], fixed: [] });
  });

  it('web/src/ (.ts and .tsx): every long file says why, apart from the known list', () => {
    expect(compare('web/src', KNOWN_LONG_WEB, true)).toEqual({ new: [], fixed: [] });
  });

  describe('the checker', () => {
    const body = (n: number) =>
      Array.from({ length: n }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';
    const file = 'src/signals/long.ts';

    it('fails on a deliberate violation: a 450-line file with no reason', () => {
      const bad: SizedSource = { file, text: `/** Topic helpers. */\n${body(449)}` };
      expect(lineCount(bad.text)).toBe(450);
      expect(findOffenders([bad])).toEqual([{ file, lines: 450 }]);
    });

    it('passes the same file once its header gives the reason', () => {
      const good: SizedSource = {
        file,
        text: `/**\n * Topic helpers.\n * Long file: one table of terms, read top to bottom.\n */\n${body(446)}`,
      };
      expect(lineCount(good.text)).toBe(450);
      expect(findOffenders([good])).toEqual([]);
      expect(longFileReason(good.file, good.text)).toBe('one table of terms, read top to bottom.');
    });

    it('reads the header after the imports and in `//` lines, but not a later comment', () => {
      const afterImports = `import { a } from './a.js';\n\n// Topic helpers.\n// Long file: one table of terms, read top to bottom.\n${body(447)}`;
      expect(findOffenders([{ file, text: afterImports }])).toEqual([]);
      const later = `/** Topic helpers. */\n${body(440)}/** Long file: one table of terms, read top to bottom. */\n${body(8)}`;
      expect(findOffenders([{ file, text: later }])).toEqual([{ file, lines: 450 }]);
      const separated = `// Topic helpers.\n\n// Long file: one table of terms, read top to bottom.\n${body(447)}`;
      expect(findOffenders([{ file, text: separated }])).toEqual([{ file, lines: 450 }]);
      const inString = `const s = '// Long file: one table of terms, read top to bottom.';\n${body(449)}`;
      expect(findOffenders([{ file, text: inString }])).toEqual([{ file, lines: 450 }]);
    });

    it('refuses an empty reason, and counts neither short files nor specs', () => {
      const empty = `/**\n * Long file: ok\n */\n${body(447)}`;
      expect(findOffenders([{ file, text: empty }])).toEqual([{ file, lines: 450 }]);
      expect(findOffenders([{ file, text: body(MAX_LINES) }])).toEqual([]);
      expect(findOffenders([{ file: 'src/signals/long.spec.ts', text: body(450) }])).toEqual([]);
      expect(headerComment(file, '/**\n * A.\n * B.\n */\nconst x = 1;\n')).toEqual(['', 'A.', 'B.', '']);
      const tsx = `// The editor screen.\n// Long file: one screen's form, read top to bottom.\nexport const A = () => <div>{'// x'}</div>;\n`;
      expect(longFileReason('web/src/A.tsx', tsx)).toBe("one screen's form, read top to bottom.");
    });
  });
});
