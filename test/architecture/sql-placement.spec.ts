import { readSources } from './sql-ownership.js';
import { compareSites, findMisplaced, isChecked, looksLikeSql, sqlSitesIn } from './sql-placement.js';

/**
 * SQL outside `*.repository.ts`, one line per site (`file: the enclosing function`): empty since every site moved
 * into its module's repository. A new site fails; put its SQL in the module's repository (a method taking the
 * transaction's EntityManager where it runs inside one) rather than listing it here.
 */
const KNOWN_SITES: string[] = [];

describe('SQL only in repositories', () => {
  it('finds no SQL outside *.repository.ts beyond the known list, and the list holds no fixed entry', () => {
    const found = findMisplaced(readSources(process.cwd()));
    expect(compareSites(found, KNOWN_SITES)).toEqual({ new: [], gone: [] });
  });

  describe('the checker', () => {
    it('fails on a deliberate violation: a service running SQL and building a query', () => {
      const bad = {
        file: 'src/signals/topics.service.ts',
        text: [
          'export class TopicsService {',
          '  async names(manager: EntityManager) {',
          "    return manager.query('SELECT name FROM topics WHERE active');",
          '  }',
          '  list() {',
          "    return this.topics.createQueryBuilder('t').where('t.active').getMany();",
          '  }',
          '  sql = `UPDATE topics SET active = false WHERE id = ${1}`;',
          '}',
        ].join('\n'),
      };
      const sites = sqlSitesIn(bad.file, bad.text);
      expect(sites.map((s) => [s.where, s.kind, s.line])).toEqual([
        ['TopicsService.names', 'query', 3],
        ['TopicsService.list', 'createQueryBuilder', 6],
        ['TopicsService.sql', 'sql string', 8],
      ]);
      const found = findMisplaced([bad]);
      expect(compareSites(found, [])).toEqual({ new: found, gone: [] });
      expect(found).toHaveLength(3);
    });

    it('counts a second site in a listed function as new, and a listed site that is gone as gone', () => {
      const known = ['src/a/a.service.ts: A.f'];
      expect(compareSites(['src/a/a.service.ts: A.f', 'src/a/a.service.ts: A.f'], known)).toEqual({
        new: ['src/a/a.service.ts: A.f'],
        gone: [],
      });
      expect(compareSites([], known)).toEqual({ new: [], gone: known });
    });

    it('lets SQL live in repositories, seeding, the database bootstrap, migrations and tests', () => {
      const sql = "export const f = (m) => m.query('DELETE FROM topics');";
      expect(
        findMisplaced(
          [
            'src/signals/topics.repository.ts',
            'src/database/migrate.ts',
            'src/bootstrap/bootstrap.service.ts',
            'src/demo/seed.ts',
            'src/signals/topics.service.spec.ts',
            'migrations/1795392610181-Initial.ts',
          ].map((file) => ({ file, text: sql })),
        ),
      ).toEqual([]);
      expect(isChecked('src/signals/topics.flow.ts')).toBe(true);
    });

    it('reads SQL in capitals as SQL, not prose or a query call’s own argument twice', () => {
      expect(looksLikeSql('SELECT 1 FROM incidents')).toBe(true);
      expect(looksLikeSql('INSERT INTO audit_log (id) VALUES ($1)')).toBe(true);
      expect(looksLikeSql('UPDATE topics t SET active = false')).toBe(true);
      expect(looksLikeSql('DELETE FROM topics')).toBe(true);
      expect(looksLikeSql('Chọn (select) một chủ đề from the list, then update it')).toBe(false);
      expect(sqlSitesIn('src/x/x.ts', 'm.query(`SELECT 1 FROM incidents WHERE id = ${id}`)')).toHaveLength(1);
      expect(
        sqlSitesIn('src/access/sql-fragments.ts', "export const f = () => 'SELECT id FROM org_units';"),
      ).toEqual([]);
    });
  });
});
