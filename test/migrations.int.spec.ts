import { createDataSource } from '../src/database/data-source.js';
import { runMigrationsLocked } from '../src/database/migrate.js';
import { MIGRATIONS } from '../migrations/index.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('agree with the entities: a migrated database needs no further change', async () => {
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      const applied = await runMigrationsLocked(ds);
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name ?? M.name));
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('run concurrently from two nodes without clashing, and revert cleanly', async () => {
    const second = await createTestDatabase({ empty: true });
    const a = createDataSource(second.url);
    const b = createDataSource(second.url);
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [ra, rb] = await Promise.all([runMigrationsLocked(a), runMigrationsLocked(b)]);
      expect(ra.length + rb.length).toBe(MIGRATIONS.length);
      for (let i = 0; i < MIGRATIONS.length; i++) await a.undoLastMigration();
      const tables = await a.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await second.drop();
    }
  });
});
