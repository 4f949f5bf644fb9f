import { randomBytes } from 'node:crypto';
import { MentionPartitions, MONTHS_AHEAD, PARTITIONS_JOB } from '../src/signals/mention-partitions.js';
import {
  MentionPartitionsRepository,
  monthStart,
  partitionOf,
} from '../src/signals/mention-partitions.repository.js';
import pg from 'pg';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

const uid = () => randomBytes(6).toString('hex');

describe(`${MentionPartitions.name}: mentions by month, kept ahead, dropped after the policy's span (e2e)`, () => {
  let t: TestApp;
  let team: StatementTeam;
  let sourceId: string;

  const exists = async (table: string) =>
    Boolean((await t.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [table]))[0].e);
  const partitionHolding = async (mentionId: string) =>
    (
      await t.dataSource.query(`SELECT tableoid::regclass::text AS p FROM mentions WHERE id = $1`, [
        mentionId,
      ])
    )[0]?.p as string | undefined;
  const item = (publishedAt: Date, over: Record<string, unknown> = {}) => {
    const id = uid();
    return {
      externalId: `ext-${id}`,
      sourceType: 'online_news',
      outlet: 'Báo An Hòa',
      url: `https://baoanhoa.example.vn/tin/${id}`,
      title: `Tin số ${id}`,
      text: `Nội dung tin số ${id} về đời sống ở An Hòa`,
      publishedAt: publishedAt.toISOString(),
      ...over,
    };
  };
  const ingest = (items: unknown[]) =>
    t.http().post('/api/signals').set(team.admin.auth).send({ sourceId, items });
  const idOf = async (externalId: string) =>
    (await t.dataSource.query(`SELECT id FROM mentions WHERE external_id = $1`, [externalId]))[0]
      ?.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t);
    const res = await t
      .http()
      .post('/api/signal-sources')
      .set(team.admin.auth)
      .send({ name: `Nguồn ${uid()}`, kind: 'social_listening' });
    expect(res.status).toBe(201);
    sourceId = res.body.source.id;
  });
  afterAll(() => t?.close());

  it('has the partitions of this month and the next ones ready, and the job creates them ahead', async () => {
    const now = new Date();
    for (let i = 0; i <= MONTHS_AHEAD; i++) {
      const p = partitionOf(monthStart(now, i));
      expect(await exists(p.mentions)).toBe(true);
      expect(await exists(p.links)).toBe(true);
    }
    // Half a year on: a mention of that month arrived before its partition (the job was behind) sits in the
    // DEFAULT partition; creating the partition moves it in.
    const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 10));
    const early = item(later);
    // (The API takes nothing more than 10 minutes ahead: written here the way ingestion writes it.)
    await t.dataSource.query(
      `INSERT INTO mentions (id, source_id, external_id, source_type, content_hash, published_at, collected_at,
         sentiment, sentiment_origin, occurred_month)
       VALUES (gen_random_uuid(), $1, $2, 'online_news', repeat('a', 64), $3, $3, 'neutral', 'source', $4)`,
      [sourceId, early.externalId, later, monthStart(later)],
    );
    expect(await partitionHolding(await idOf(early.externalId))).toBe('mentions_kept');
    const created = await t.dataSource.transaction((m) => t.app.get(MentionPartitions).ensureAhead(m, later));
    expect(created).toContain(monthStart(later));
    expect(created).toContain(monthStart(later, MONTHS_AHEAD));
    expect(await partitionHolding(await idOf(early.externalId))).toBe(
      partitionOf(monthStart(later)).mentions,
    );
  });

  it('puts a mention published two months ago in its month and recognises it when it comes again', async () => {
    const now = new Date();
    const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 15, 8));
    const late = item(twoMonthsAgo);
    const first = await ingest([late]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await partitionHolding(await idOf(late.externalId))).toBe(
      partitionOf(monthStart(twoMonthsAgo)).mentions,
    );
    // Again by its external id, then by the same url and content under another id: both duplicates.
    const again = await ingest([late, { ...late, externalId: `ext-${uid()}` }]);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM mentions WHERE url = $1`, [
      late.url,
    ]);
    expect(n).toBe(1);
  });

  it("drops exactly the months past the policy's span, and the incident evidence in them stays readable", async () => {
    const now = new Date();
    const months = [-5, -4, -3, -2, -1].map((i) => monthStart(now, i));
    const m = t.app.get(MentionPartitions);
    // Older months than the job creates by itself: as the migration creates them for stored data.
    await t.dataSource.transaction(async (manager) => {
      for (const month of months) await t.app.get(MentionPartitionsRepository).create(manager, month);
    });
    const at = (i: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 12, 6));
    // Month -4: one mention linked to the incident (evidence, matched by a topic) and one not; month -3: none
    // linked; month -2: one not linked.
    const evidence = item(at(-4));
    const unlinked = item(at(-4));
    const alone = item(at(-3));
    const recent = item(at(-2));
    const topic = await t
      .http()
      .post('/api/topics')
      .set(team.admin.auth)
      .send({ orgUnitId: team.unitId, name: `Chủ đề ${uid()}`, anyTerms: ['An Hòa'] });
    expect(topic.status).toBe(201);
    const res = await ingest([evidence, unlinked, alone, recent]);
    expect(res.body).toMatchObject({ accepted: 4 });
    const evidenceId = await idOf(evidence.externalId);
    await t.dataSource.query(`INSERT INTO incident_mentions (incident_id, mention_id) VALUES ($1, $2)`, [
      team.incidentId,
      evidenceId,
    ]);
    const linksBefore = await t.dataSource.query(`SELECT * FROM mention_topics WHERE mention_id = $1`, [
      evidenceId,
    ]);
    expect(linksBefore).toHaveLength(1);

    // Keep three months from today on: months older than the one three back go.
    await t.dataSource.query(
      `INSERT INTO mention_retention_policies (valid_from, keep_months, note) VALUES (current_date, 3, 'Thử')`,
    );
    const outcome = await t.dataSource.transaction((manager) => m.applyRetention(manager, now));
    expect(outcome.dropped).toEqual([monthStart(now, -5), monthStart(now, -4)]);
    expect(outcome).toMatchObject({ keptMentions: 1, keptLinks: 1 });
    expect(await exists(partitionOf(monthStart(now, -4)).mentions)).toBe(false);
    expect(await exists(partitionOf(monthStart(now, -4)).links)).toBe(false);
    for (const i of [-3, -2, -1, 0])
      expect(await exists(partitionOf(monthStart(now, i)).mentions)).toBe(true);
    // The evidence: in the kept partition, with its topic link, and on the incident's page.
    expect(await partitionHolding(evidenceId)).toBe('mentions_kept');
    expect(
      await t.dataSource.query(`SELECT * FROM mention_topics WHERE mention_id = $1`, [evidenceId]),
    ).toEqual(linksBefore);
    const page = await t.http().get(`/api/incidents/${team.incidentId}/mentions`).set(team.admin.auth);
    expect(page.status).toBe(200);
    expect(page.body.items.map((x: { id: string }) => x.id)).toContain(evidenceId);
    expect(await idOf(unlinked.externalId)).toBeUndefined();
    expect(await idOf(alone.externalId)).toBeDefined();
    expect(await idOf(recent.externalId)).toBeDefined();
    await t.dataSource.query(`DELETE FROM mention_retention_policies WHERE valid_from = current_date`);
  });
});

describe(`${MentionPartitions.name}: a restart while the partition job is due (e2e)`, () => {
  it('runs the job that fell due while the service was down, on its next start', async () => {
    const database = await createTestDatabase();
    try {
      const first = await createTestApp({}, { database });
      const jobsOf = () =>
        first.dataSource.query(`SELECT key, state FROM scheduled_jobs WHERE kind = $1 ORDER BY due_at`, [
          PARTITIONS_JOB,
        ]);
      // The run of the start, then the next one scheduled for tomorrow.
      await until(async () => (await jobsOf()).some((j: { state: string }) => j.state === 'pending'));
      await first.close();

      // While the service is down: the next run falls due, and the furthest month is missing.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const furthest = partitionOf(monthStart(new Date(), MONTHS_AHEAD));
      try {
        await client.query(`DROP TABLE "${furthest.mentions}"`);
        await client.query(`DROP TABLE "${furthest.links}"`);
        const due = await client.query(
          `UPDATE scheduled_jobs SET due_at = now() - interval '1 hour'
            WHERE kind = $1 AND state = 'pending' RETURNING id`,
          [PARTITIONS_JOB],
        );
        expect(due.rowCount).toBe(1);
        const dueId = due.rows[0].id as string;

        const second = await createTestApp({}, { database });
        try {
          await until(async () => {
            const r = await client.query(`SELECT state FROM scheduled_jobs WHERE id = $1`, [dueId]);
            return r.rows[0].state === 'done';
          });
          const r = await client.query(
            `SELECT to_regclass($1) IS NOT NULL AS m, to_regclass($2) IS NOT NULL AS l`,
            [furthest.mentions, furthest.links],
          );
          expect(r.rows[0]).toEqual({ m: true, l: true });
        } finally {
          await second.close();
        }
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
