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

  it('partition the mentions of a database that already holds some, and back', async () => {
    const third = await createTestDatabase({ empty: true });
    const ds = createDataSource(third.url);
    await ds.initialize();
    try {
      await runMigrationsLocked(ds);
      // Back to before MentionPartitions (and what came after it): mentions as they were, unpartitioned.
      const partitioned = async () =>
        (await ds.query(`SELECT relkind FROM pg_class WHERE relname = 'mentions'`))[0].relkind === 'p';
      while (await partitioned()) await ds.undoLastMigration();
      const mention = (external: string, published: string | null, collected: string) =>
        ds.query(
          `INSERT INTO mentions (source_id, external_id, source_type, content_hash, url_key, published_at,
             collected_at, sentiment, sentiment_origin)
           VALUES ('00000000-0000-4000-8000-000000000001', $1, 'online_news', repeat('b', 64), gen_random_uuid(),
             $2, $3, 'neutral', 'source') RETURNING id`,
          [external, published, collected],
        );
      const [[a], [b], [c]] = await Promise.all([
        mention('a', '2024-03-31T23:30:00Z', '2024-04-01T01:00:00Z'),
        mention('b', null, '2024-05-02T00:00:00Z'),
        mention('c', '2024-05-20T10:00:00Z', '2024-05-20T10:05:00Z'),
      ]);
      await ds.query(
        `INSERT INTO mention_topics (mention_id, topic_id, matched_on, occurred_at)
         VALUES ($1, '00000000-0000-4000-8000-000000000002', 'keywords', '2024-03-31T23:30:00Z'),
                ($2, '00000000-0000-4000-8000-000000000002', 'keywords', '2024-05-20T10:00:00Z')`,
        [a.id, c.id],
      );
      await runMigrationsLocked(ds);
      const rows: { id: string; p: string; month: string }[] = await ds.query(
        `SELECT id, tableoid::regclass::text AS p, to_char(occurred_month, 'YYYY-MM-DD') AS month FROM mentions`,
      );
      const where = Object.fromEntries(rows.map((r) => [r.id, [r.p, r.month]]));
      expect(where).toEqual({
        [a.id]: ['mentions_y2024m03', '2024-03-01'],
        [b.id]: ['mentions_y2024m05', '2024-05-01'],
        [c.id]: ['mentions_y2024m05', '2024-05-01'],
      });
      const links: { p: string }[] = await ds.query(
        `SELECT tableoid::regclass::text AS p FROM mention_topics ORDER BY occurred_at`,
      );
      expect(links.map((l) => l.p)).toEqual(['mention_topics_y2024m03', 'mention_topics_y2024m05']);
      // Migration MentionTopicVoices gave the links written before it their mentions' voice and sentiment.
      const voices: { author: string | null; sentiment: string | null }[] = await ds.query(
        `SELECT author, sentiment FROM mention_topics ORDER BY occurred_at`,
      );
      expect(voices).toEqual([
        { author: 'online_news', sentiment: 'neutral' },
        { author: 'online_news', sentiment: 'neutral' },
      ]);
      // Every month from the oldest stored one has its partition (April too, empty).
      const [{ april }] = await ds.query(`SELECT to_regclass('mentions_y2024m04') IS NOT NULL AS april`);
      expect(april).toBe(true);
      // The same (source, external id) in the same month is refused by the unique key.
      await expect(
        ds.query(
          `INSERT INTO mentions (source_id, external_id, source_type, content_hash, published_at, collected_at,
             sentiment, sentiment_origin, occurred_month)
           VALUES ('00000000-0000-4000-8000-000000000001', 'c', 'online_news', repeat('b', 64),
             '2024-05-21T00:00:00Z', '2024-05-21T00:00:00Z', 'neutral', 'source', '2024-05-01')`,
        ),
      ).rejects.toThrow(/duplicate key/);
      // And back: the same rows in the plain table.
      await ds.undoLastMigration();
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM mentions`);
      expect(n).toBe(3);
    } finally {
      await ds.destroy();
      await third.drop();
    }
  });
});
