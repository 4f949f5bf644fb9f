import { randomBytes } from 'node:crypto';
import { SignalsBulkIngest } from '../src/signals/bulk-ingest.js';
import { KEY_WEEKS_AHEAD, MentionPartitions } from '../src/signals/mention-partitions.js';
import { keyPartitionOf, MentionPartitionsRepository } from '../src/signals/mention-partitions.repository.js';
import { externalKey, keyWeek, utcDay } from '../src/signals/mention-keys.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';

const uid = () => randomBytes(6).toString('hex');
const DEDUP_DAYS = 30;

describe('mention_keys: a re-delivery is a duplicate within the dedup horizon, whatever its month (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  let sourceId: string;

  const at = (monthOffset: number, day = 12) => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthOffset, day, 6));
  };
  const item = (publishedAt: Date) => {
    const id = uid();
    return {
      externalId: `ext-${id}`,
      sourceType: 'online_news',
      outlet: 'Báo An Hòa',
      url: `https://baoanhoa.example.vn/tin/${id}`,
      title: `Tin số ${id}`,
      text: `Nội dung tin số ${id} về đời sống ở An Hòa`,
      publishedAt: publishedAt.toISOString(),
    };
  };
  const ingest = (items: unknown[]) =>
    t.http().post('/api/signals').set(team.admin.auth).send({ sourceId, items });
  const storedWithUrl = async (url: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM mentions WHERE url = $1`, [url]))[0]
      .n as number;

  beforeAll(async () => {
    t = await createTestApp({ signals: { dedupDays: DEDUP_DAYS } });
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

  it('refuses a re-delivery whose publication moved to another month, by its external id or by its url and content', async () => {
    const first = item(at(-1));
    expect((await ingest([first])).body).toMatchObject({ accepted: 1, duplicates: 0 });
    const [key] = await t.dataSource.query(
      `SELECT to_char(seen_on, 'YYYY-MM-DD') AS seen_on, to_char(month, 'YYYY-MM-DD') AS month
         FROM mention_keys WHERE key = $1`,
      [externalKey(sourceId, first.externalId)],
    );
    expect(key).toEqual({ seen_on: utcDay(new Date()), month: at(-1).toISOString().slice(0, 8) + '01' });
    const moved = { ...first, publishedAt: at(0, 1).toISOString() };
    const again = await ingest([moved, { ...moved, externalId: `ext-${uid()}` }]);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await storedWithUrl(first.url)).toBe(1);

    // The same through a file import's staged write.
    const bulk = t.app.get(SignalsBulkIngest);
    const chunk = await t.dataSource.transaction(async (manager) => {
      const session = await bulk.begin(manager, sourceId, 'import');
      return session.add([{ ...first, publishedAt: at(-2).toISOString() }]);
    });
    expect(chunk).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await storedWithUrl(first.url)).toBe(1);
  });

  it('stores one of two concurrent batches delivering the same mention in two months', async () => {
    const one = item(at(-1));
    const [a, b] = await Promise.all([
      ingest([one, item(at(-1))]),
      ingest([{ ...one, publishedAt: at(0, 1).toISOString() }, item(at(0, 1))]),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.accepted + b.body.accepted).toBe(3);
    expect(a.body.duplicates + b.body.duplicates).toBe(1);
    expect(await storedWithUrl(one.url)).toBe(1);
  });

  it('no longer recognises it once the horizon has passed, and the job drops the expired weeks', async () => {
    const first = item(at(-1));
    expect((await ingest([first])).body).toMatchObject({ accepted: 1 });
    // As if it had been delivered DEDUP_DAYS days ago: its keys are past the horizon.
    const keys = [externalKey(sourceId, first.externalId)];
    const [{ url_key: urlKey }] = await t.dataSource.query(`SELECT url_key FROM mentions WHERE url = $1`, [
      first.url,
    ]);
    keys.push(urlKey);
    const moved = await t.dataSource.query(
      `UPDATE mention_keys SET seen_on = seen_on - $2::int WHERE key = ANY($1::uuid[]) RETURNING key`,
      [keys, DEDUP_DAYS],
    );
    expect(moved).toHaveLength(2);
    const again = await ingest([{ ...first, publishedAt: at(0, 1).toISOString() }]);
    expect(again.body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await storedWithUrl(first.url)).toBe(2);

    // The job: this week and the next ones ready, every week ending before the horizon dropped, old rows gone.
    const now = new Date();
    const repository = t.app.get(MentionPartitionsRepository);
    const outcome = await t.dataSource.transaction((m) => t.app.get(MentionPartitions).maintainKeys(m, now));
    const weeks = await t.dataSource.transaction((m) => repository.keyWeeks(m));
    for (let i = 0; i <= KEY_WEEKS_AHEAD; i++) expect(weeks).toContain(keyWeek(now, i));
    const horizon = utcDay(now, 1 - DEDUP_DAYS);
    const weekEnd = (w: string) => utcDay(new Date(`${w}T00:00:00Z`), 7);
    expect(weeks.filter((w) => weekEnd(w) <= horizon)).toEqual([]);
    expect(outcome.dropped.every((w) => weekEnd(w) <= horizon)).toBe(true);
    for (const w of outcome.dropped) {
      const [{ e }] = await t.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [
        keyPartitionOf(w),
      ]);
      expect(e).toBe(false);
    }
    // Keys older than the horizon are left only in the week that straddles it (they no longer count).
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mention_keys WHERE seen_on < $1::date`,
      [keyWeek(new Date(`${horizon}T00:00:00Z`))],
    );
    expect(n).toBe(0);
  });

  it("counts a key of the horizon's first day, and not of the day before", async () => {
    const inside = item(at(-1));
    const outside = item(at(-1));
    expect((await ingest([inside, outside])).body).toMatchObject({ accepted: 2 });
    const setBack = (externalId: string, days: number) =>
      t.dataSource.query(`UPDATE mention_keys SET seen_on = seen_on - $2::int WHERE key = $1`, [
        externalKey(sourceId, externalId),
        days,
      ]);
    await setBack(inside.externalId, DEDUP_DAYS - 1);
    await setBack(outside.externalId, DEDUP_DAYS);
    const res = await ingest([
      { ...inside, url: `${inside.url}?lai=1`, publishedAt: at(0, 1).toISOString() },
      { ...outside, url: `${outside.url}?lai=1`, publishedAt: at(0, 1).toISOString() },
    ]);
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 1 });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentions WHERE external_id = $1`,
      [outside.externalId],
    );
    expect(n).toBe(2);
  });
});

describe('GET/POST /api/mention-retention-policies: the retention policy, for administrators (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  const path = '/api/mention-retention-policies';

  beforeAll(async () => {
    t = await createTestApp({ signals: { dedupDays: DEDUP_DAYS } });
    team = await makeStatementTeam(t);
  });
  afterAll(() => t?.close());

  it('shows the policy in force, the partitions with their evidence and the next run', async () => {
    const res = await t.http().get(path).set(team.admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.inForce).toMatchObject({ validFrom: '2020-01-01', keepMonths: 24 });
    expect(res.body.dedupDays).toBe(DEDUP_DAYS);
    const thisMonth = `${new Date().toISOString().slice(0, 7)}-01`;
    const current = res.body.partitions.find((p: { month: string | null }) => p.month === thisMonth);
    expect(current).toMatchObject({ evidence: 0, dropsAtNextRun: false });
    expect(res.body.partitions.at(-1)).toMatchObject({ month: null, evidence: 0 });
    expect(new Date(res.body.nextRun.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(res.body.nextRun.keepMonths).toBe(24);
  });

  it('adds a dated policy from today on, refusing a past date, a bad span and unknown fields by name', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const later = utcDay(new Date(), 40);
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await t.http().post(path).set(team.admin.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain(field);
      return res;
    };
    const past = await bad({ validFrom: utcDay(new Date(), -1), keepMonths: 12 }, 'validFrom');
    expect(JSON.stringify(past.body.details)).toMatch(/hôm nay/);
    await bad({ validFrom: later, keepMonths: 0 }, 'keepMonths');
    await bad({ validFrom: later, keepMonths: 2.5 }, 'keepMonths');
    await bad({ validFrom: '1/1/2027', keepMonths: 12 }, 'validFrom');
    await bad({ validFrom: later, keepMonths: 12, note: 'x'.repeat(501) }, 'note');
    await bad({ validFrom: later, keepMonths: 12, dropNow: true }, 'dropNow');

    const created = await t
      .http()
      .post(path)
      .set(team.admin.auth)
      .send({ validFrom: later, keepMonths: 36, note: 'Theo quyết định lưu trữ mới' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      validFrom: later,
      keepMonths: 36,
      note: 'Theo quyết định lưu trữ mới',
    });
    const again = await t.http().post(path).set(team.admin.auth).send({ validFrom: later, keepMonths: 12 });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('validFrom');

    const today1 = await t.http().post(path).set(team.admin.auth).send({ validFrom: today, keepMonths: 30 });
    expect(today1.status).toBe(201);
    const read = await t.http().get(path).set(team.admin.auth);
    expect(read.body.inForce).toMatchObject({ validFrom: today, keepMonths: 30 });
    expect(read.body.policies.map((p: { validFrom: string }) => p.validFrom)).toEqual([
      later,
      today,
      '2020-01-01',
    ]);
    const audit = await t.dataSource.query(
      `SELECT data FROM audit_log WHERE action = 'mention_retention_policy.created' ORDER BY id`,
    );
    expect(audit.map((a: { data: { keepMonths: number } }) => a.data.keepMonths)).toEqual([36, 30]);
  });

  it('is for administrators only', async () => {
    for (const user of [team.reader, team.drafters[0]]) {
      expect((await t.http().get(path).set(user.auth)).status).toBe(403);
      expect(
        (
          await t
            .http()
            .post(path)
            .set(user.auth)
            .send({ validFrom: utcDay(new Date(), 50), keepMonths: 12 })
        ).status,
      ).toBe(403);
    }
    expect((await t.http().get(path)).status).toBe(401);
  });
});
