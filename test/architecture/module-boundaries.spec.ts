import { ESLint } from 'eslint';

const RULE = '@typescript-eslint/no-restricted-imports';

/** The module-boundary lint rule (eslint/module-boundaries.js), run through ESLint's Node API on snippets. */
describe('module boundaries (ESLint)', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === RULE);
  };

  it('fails on a deliberate violation: a service importing another module’s entity', async () => {
    const messages = await lint(
      'src/signals/new-feature.service.ts',
      "import { Incident } from '../incidents/entities/incident.entity.js';\nexport const x = Incident;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toMatch(/không dùng entity của module khác/);
  });

  it('also from a subfolder of the module', async () => {
    const messages = await lint(
      'src/signals/dto/new.dto.ts',
      "import { Person } from '../../directory/entities/person.entity.js';\nexport const x = Person;\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('lets through the module’s own entities, type-only imports and the exempt modules', async () => {
    expect(
      await lint(
        'src/signals/x.ts',
        "import { Topic } from './entities/topic.entity.js';\nexport const x = Topic;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'src/signals/x.ts',
        "import type { Incident } from '../incidents/entities/incident.entity.js';\nexport type X = Incident;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'src/access/x.ts',
        "import { Incident } from '../incidents/entities/incident.entity.js';\nexport const x = Incident;\n",
      ),
    ).toEqual([]);
  });

  it('holds in the files once let through (the known list is gone)', async () => {
    for (const file of [
      'src/rooms/rooms.service.ts',
      'src/signals/topics.service.ts',
      'src/auth/users.service.ts',
    ]) {
      const added = await lint(
        file,
        "import { OrgUnit } from '../directory/entities/org-unit.entity.js';\nexport const x = OrgUnit;\n",
      );
      expect({ file, messages: added.length }).toEqual({ file, messages: 1 });
    }
  });
});
