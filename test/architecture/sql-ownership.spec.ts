import { findViolations, moduleOf, ownerMap, readSources, tablesIn } from './sql-ownership.js';
import type { SqlSource } from './sql-ownership.js';

/**
 * SQL that names another module's table, written out as `file: table` (the owner in a comment). The list is empty:
 * every module's SQL names only its own tables (plus access/ and reports/), so any new foreign table fails. Keep it
 * empty: read another module's data through its exported services or repositories, or through access/.
 */
const KNOWN_VIOLATIONS: string[] = [];

describe('SQL table ownership', () => {
  const sources = readSources(process.cwd());

  it('finds the owner of every table in the entities of its module', () => {
    const owners = ownerMap(sources);
    expect(owners.get('incidents')).toBe('incidents');
    expect(owners.get('working_group_members')).toBe('working-groups');
    expect(owners.get('org_units')).toBe('directory');
    expect(owners.size).toBeGreaterThan(40);
  });

  it('names no foreign table outside the known list, and the list holds no fixed entry', () => {
    const found = findViolations(sources).map((v) => `${v.file}: ${v.table}`);
    const known = new Set(KNOWN_VIOLATIONS);
    expect({ new: found.filter((f) => !known.has(f)) }).toEqual({ new: [] });
    expect({ fixed: KNOWN_VIOLATIONS.filter((k) => !found.includes(k)) }).toEqual({ fixed: [] });
  });

  describe('the checker', () => {
    const entities: SqlSource[] = [
      {
        file: 'src/incidents/entities/incident.entity.ts',
        text: "@Entity('incidents')\nexport class Incident {}",
      },
      { file: 'src/signals/entities/topic.entity.ts', text: "@Entity('topics')\nexport class Topic {}" },
    ];

    it('fails on a deliberate violation: signals reading the incidents table', () => {
      const bad: SqlSource = {
        file: 'src/signals/topics.repository.ts',
        text: 'const q = `SELECT t.id FROM topics t JOIN incidents i ON i.id = t.incident_id WHERE t.id = ${id}`;',
      };
      expect(findViolations([...entities, bad])).toEqual([
        {
          file: 'src/signals/topics.repository.ts',
          module: 'signals',
          table: 'incidents',
          owner: 'incidents',
        },
      ]);
    });

    it('accepts a module’s own tables, and any table in access/ and reports/', () => {
      const own: SqlSource = {
        file: 'src/signals/x.repository.ts',
        text: "q('UPDATE topics SET active = false')",
      };
      const access: SqlSource = {
        file: 'src/access/access.repository.ts',
        text: "q('SELECT 1 FROM incidents')",
      };
      const reports: SqlSource = {
        file: 'src/reports/reports.repository.ts',
        text: "q('SELECT * FROM topics')",
      };
      expect(findViolations([...entities, own, access, reports])).toEqual([]);
    });

    it('reads table names after FROM, JOIN, INTO, UPDATE and USING, not in prose', () => {
      expect(
        tablesIn('INSERT INTO incident_events (seq) SELECT 1 FROM incidents JOIN "topics" ON true'),
      ).toEqual(['incident_events', 'incidents', 'topics']);
      expect(tablesIn('Chọn từ danh sách incidents from the list')).toEqual([]);
      expect(moduleOf('src/working-groups/working-groups.repository.ts')).toBe('working-groups');
    });
  });
});
