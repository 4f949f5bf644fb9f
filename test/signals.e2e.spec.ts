import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Role } from '../src/auth/role.js';
import { SignalsEvents } from '../src/signals/signals.events.js';
import type { IngestedBatch } from '../src/signals/signals.events.js';
import { SignalsService } from '../src/signals/signals.service.js';
import { contentHash, mentionId, urlKey } from '../src/signals/mention-keys.js';
import { SignalsRepository } from '../src/signals/signals.repository.js';
import type { MentionsWritten, PreparedMention } from '../src/signals/signals.repository.js';
import { signPayload } from '../src/signals/webhook-signature.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

/** Signals API: sources, batch ingestion, signed webhooks, watchlist topics and their buckets. */
describe(`${SignalsService.name} (e2e)`, () => {
  let t: TestApp;
  let admin: TestUser;
  let analyst: TestUser;
  let officer: TestUser;
  let leader: TestUser;
  let observer: TestUser;
  let unitId: string;

  const uid = () => randomBytes(6).toString('hex');
  let clock = Date.parse('2025-08-12T00:00:00Z');
  /** A distinct, valid item; each one published a second after the previous. */
  const item = (over: Record<string, unknown> = {}) => {
    const id = uid();
    clock += 1000;
    return {
      externalId: `ext-${id}`,
      sourceType: 'social',
      platform: 'facebook',
      outlet: 'Hội cư dân An Hòa',
      url: `https://facebook.com/groups/anhoa/posts/${id}`,
      text: `Bài đăng số ${id} về đời sống ở An Hòa`,
      publishedAt: new Date(clock).toISOString(),
      sentiment: 'neutral',
      ...over,
    };
  };

  let provinceId: string | null = null;
  /** A department under the province: the test users belong to the province, so every unit is in their scope. */
  async function createOrgUnit(name: string, unitType = 'department'): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO org_units (code, name, unit_type, valid_from, parent_id) VALUES ($1, $2, $3, '2025-03-01', $4) RETURNING id`,
      [`T-${uid()}`, name, unitType, provinceId],
    );
    return row.id;
  }
  const personIn = async (unit: string) =>
    (
      await t.dataSource.query(
        `INSERT INTO people (full_name, position, org_unit_id, email, tags) VALUES ($1, 'Chuyên viên', $2, $3, '{}') RETURNING id`,
        [`Nguyễn Văn ${uid()}`, unit, `${uid()}@anhoa.example.vn`],
      )
    )[0].id as string;

  async function createSource(kind = 'social_listening'): Promise<{ id: string; secret: string }> {
    const res = await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({ name: `Nguồn ${uid()}`, kind, orgUnitId: unitId });
    expect(res.status).toBe(201);
    return { id: res.body.source.id, secret: res.body.secret };
  }

  async function createTopic(body: Record<string, unknown>, user = analyst): Promise<string> {
    const res = await t
      .http()
      .post('/api/topics')
      .set(user.auth)
      .send({ orgUnitId: unitId, name: `Chủ đề ${uid()}`, ...body });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const ingest = (sourceId: string, items: unknown[], user = analyst) =>
    t.http().post('/api/signals').set(user.auth).send({ sourceId, items });

  const count = async (sql: string, params: unknown[]) =>
    Number((await t.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    provinceId = await createOrgUnit('Tỉnh An Hòa', 'province');
    [admin, analyst, officer, leader, observer] = await Promise.all([
      t.createUser({ roles: [Role.Admin] }),
      t.createUser({ roles: [Role.Analyst], personId: await personIn(provinceId) }),
      t.createUser({ roles: [Role.Officer], personId: await personIn(provinceId) }),
      t.createUser({ roles: [Role.Leader], personId: await personIn(provinceId) }),
      t.createUser({ roles: [Role.Observer], personId: await personIn(provinceId) }),
    ]);
    unitId = await createOrgUnit('Sở Y tế tỉnh An Hòa');
  });

  afterAll(() => t?.close());

  describe('signal sources', () => {
    it('shows the secret once on creation and never in listings', async () => {
      const res = await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: 'SocialBeat An Hòa', kind: 'social_listening', description: 'Lắng nghe MXH của tỉnh' });
      expect(res.status).toBe(201);
      expect(res.body.secret).toMatch(/^whsec_[\w-]{43}$/);
      expect(res.body.source).toMatchObject({
        name: 'SocialBeat An Hòa',
        kind: 'social_listening',
        active: true,
      });
      expect(res.body.source.secret).toBeUndefined();

      const list = await t.http().get('/api/signal-sources').set(analyst.auth);
      expect(list.status).toBe(200);
      expect(list.body.map((s: { name: string }) => s.name)).toContain('SocialBeat An Hòa');
      expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
      const one = await t.http().get(`/api/signal-sources/${res.body.source.id}`).set(leader.auth);
      expect(JSON.stringify(one.body)).not.toContain('whsec_');

      const audit = await t.dataSource.query(
        `SELECT data FROM audit_log WHERE action = 'signal_source.created' AND entity_id = $1`,
        [res.body.source.id],
      );
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0].data)).not.toContain('whsec_');
    });

    it('refuses a duplicate name, an unknown kind and an unknown org unit', async () => {
      const name = `Điểm báo ${uid()}`;
      expect(
        (await t.http().post('/api/signal-sources').set(admin.auth).send({ name, kind: 'press_review' }))
          .status,
      ).toBe(201);
      const dup = await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name, kind: 'press_review' });
      expect(dup.status).toBe(409);
      const kind = await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: 'X nguồn', kind: 'rss' });
      expect(kind.status).toBe(400);
      const unit = await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: 'Y nguồn', kind: 'manual', orgUnitId: randomUUID() });
      expect(unit.status).toBe(400);
      expect(unit.body.details[0].field).toBe('orgUnitId');
    });

    it('checks roles: admin creates; admin, leader, analyst read; others are refused', async () => {
      const body = { name: `Nguồn ${uid()}`, kind: 'manual' };
      expect((await t.http().post('/api/signal-sources').send(body)).status).toBe(401);
      for (const u of [analyst, leader, officer]) {
        const res = await t.http().post('/api/signal-sources').set(u.auth).send(body);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect((await t.http().get('/api/signal-sources').set(officer.auth)).status).toBe(403);
      expect((await t.http().get('/api/signal-sources').set(observer.auth)).status).toBe(403);
      expect((await t.http().get('/api/signal-sources')).status).toBe(401);
    });

    it('refuses batches for a switched-off source', async () => {
      const source = await createSource();
      const off = await t
        .http()
        .patch(`/api/signal-sources/${source.id}`)
        .set(admin.auth)
        .send({ active: false });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      const res = await ingest(source.id, [item()]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SIGNAL_SOURCE_INACTIVE');
    });
  });

  describe('topics', () => {
    it('creates, lists and updates a topic, with audit rows', async () => {
      const id = await createTopic(
        {
          name: 'Ngộ độc thực phẩm trường học',
          category: 'public_health',
          anyTerms: ['ngộ độc', '"nhập viện"'],
          allTerms: ['trường'],
          unitNames: ['Sở Y tế An Hòa'],
          leaderNames: ['Trần Thị Bích'],
          geoCodes: ['26734'],
        },
        leader,
      );
      const list = await t.http().get(`/api/topics?orgUnitId=${unitId}`).set(officer.auth);
      expect(list.status).toBe(200);
      expect(list.body.find((x: { id: string }) => x.id === id)).toMatchObject({
        category: 'public_health',
        bucketMinutes: 5,
        active: true,
        anyTerms: ['ngộ độc', '"nhập viện"'],
      });
      const patched = await t
        .http()
        .patch(`/api/topics/${id}`)
        .set(analyst.auth)
        .send({ noneTerms: ['diễn tập'], active: false });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ noneTerms: ['diễn tập'], active: false });
      const actions = await t.dataSource.query(
        `SELECT action FROM audit_log WHERE entity_type = 'topic' AND entity_id = $1 ORDER BY id`,
        [id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['topic.created', 'topic.updated']);
    });

    it('refuses a topic that can never match, an unknown unit, a fixed field and an unknown field', async () => {
      const none = await t
        .http()
        .post('/api/topics')
        .set(analyst.auth)
        .send({ orgUnitId: unitId, name: 'Rỗng' });
      expect(none.status).toBe(400);
      const blank = await t
        .http()
        .post('/api/topics')
        .set(analyst.auth)
        .send({ orgUnitId: unitId, name: 'Dấu câu', anyTerms: ['!!!'] });
      expect(blank.status).toBe(400);
      expect(blank.body.details[0].field).toBe('anyTerms[0]');
      const unit = await t
        .http()
        .post('/api/topics')
        .set(analyst.auth)
        .send({ orgUnitId: randomUUID(), name: 'Không đơn vị', anyTerms: ['a'] });
      expect(unit.status).toBe(400);
      const id = await createTopic({ anyTerms: ['mất điện'] });
      const fixed = await t.http().patch(`/api/topics/${id}`).set(analyst.auth).send({ bucketMinutes: 15 });
      expect(fixed.status).toBe(400);
      const odd = await t
        .http()
        .post('/api/topics')
        .set(analyst.auth)
        .send({ orgUnitId: unitId, name: 'Lạ', anyTerms: ['a'], colour: 'red' });
      expect(odd.status).toBe(400);
    });

    it('checks roles: officers and observers may not write topics', async () => {
      const body = { orgUnitId: unitId, name: `Chủ đề ${uid()}`, anyTerms: ['lũ'] };
      expect((await t.http().post('/api/topics').send(body)).status).toBe(401);
      expect((await t.http().post('/api/topics').set(officer.auth).send(body)).status).toBe(403);
      expect((await t.http().post('/api/topics').set(observer.auth).send(body)).status).toBe(403);
      expect((await t.http().get('/api/topics').set(observer.auth)).status).toBe(403);
      expect((await t.http().get('/api/topics')).status).toBe(401);
    });
  });

  describe('batch ingestion', () => {
    it('matches a watchlist term "tin gia" against "tin giả" and "Đ" against "d"', async () => {
      const source = await createSource();
      const fake = await createTopic({ anyTerms: ['tin gia'] });
      const power = await createTopic({ anyTerms: ['dien luc an hoa'] });
      const a = item({ text: 'Cảnh báo TIN GIẢ về chính sách hỗ trợ tiền điện' });
      const b = item({ title: 'ĐIỆN LỰC AN HÒA cắt điện', text: 'Lịch cắt điện tuần này' });
      const c = item({ text: 'Tin tức giải trí cuối tuần' });
      const res = await ingest(source.id, [a, b, c]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
      const matched = await t.dataSource.query(
        `SELECT m.external_id, mt.topic_id, mt.matched_on FROM mention_topics mt JOIN mentions m ON m.id = mt.mention_id
         WHERE mt.topic_id = ANY($1) ORDER BY m.external_id`,
        [[fake, power]],
      );
      expect(matched).toEqual(
        expect.arrayContaining([
          { external_id: a.externalId, topic_id: fake, matched_on: 'keywords' },
          { external_id: b.externalId, topic_id: power, matched_on: 'keywords' },
        ]),
      );
      expect(matched).toHaveLength(2);
    });

    it("keeps each link's voice and sentiment on the link (outlet, else platform, else source type)", async () => {
      const source = await createSource();
      const topic = await createTopic({ anyTerms: ['nuoc sach'] });
      const text = 'Nước sạch bị cắt cả tuần';
      const items = [
        item({ text, sentiment: 'negative' }),
        item({ text, outlet: undefined, sentiment: 'neutral' }),
        item({
          text,
          outlet: undefined,
          platform: undefined,
          sourceType: 'online_news',
          sentiment: 'positive',
        }),
      ];
      expect((await ingest(source.id, items)).body.accepted).toBe(3);
      const links = await t.dataSource.query(
        `SELECT m.external_id, mt.author, mt.sentiment FROM mention_topics mt JOIN mentions m ON m.id = mt.mention_id
         WHERE mt.topic_id = $1`,
        [topic],
      );
      const by = (i: number) =>
        links.find((r: { external_id: string }) => r.external_id === items[i].externalId);
      expect([by(0), by(1), by(2)].map((r) => r && [r.author, r.sentiment])).toEqual([
        ['Hội cư dân An Hòa', 'negative'],
        ['facebook', 'neutral'],
        ['online_news', 'positive'],
      ]);
    });

    it('is idempotent: the same batch twice is stored once and reported as duplicates', async () => {
      const source = await createSource();
      const batch = [item(), item(), item()];
      const first = await ingest(source.id, batch);
      expect(first.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
      const second = await ingest(source.id, batch);
      expect(second.status).toBe(200);
      expect(second.body).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
      expect(await count(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [source.id])).toBe(3);
    });

    it('treats the same url and content as a duplicate, even from another source or re-spaced', async () => {
      const [s1, s2] = [await createSource(), await createSource('commercial_platform')];
      const original = item({ externalId: undefined, title: 'Sập cầu treo', text: 'Hai người  bị thương.' });
      expect((await ingest(s1.id, [original])).body.accepted).toBe(1);
      const echoed = {
        ...original,
        externalId: 'other-platform-1',
        title: 'SẬP CẦU TREO',
        text: 'Hai người bị thương.',
      };
      expect((await ingest(s2.id, [echoed])).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
      const edited = { ...echoed, externalId: 'other-platform-2', text: 'Ba người bị thương.' };
      expect((await ingest(s2.id, [edited])).body.accepted).toBe(1);
    });

    it('stores text as sent (NFC, spaces collapsed), quotes, backslashes and braces included', async () => {
      const source = await createSource();
      const text = 'Ông A nói: "đường {số 5} hỏng\\sập"\n\tNULL, rồi \u0065\u0301 ';
      const one = item({ text, title: '"Tiêu đề"', outlet: 'Báo \\ "An Hòa"' });
      expect((await ingest(source.id, [one])).body.accepted).toBe(1);
      const [row] = await t.dataSource.query(
        `SELECT title, text, outlet FROM mentions WHERE source_id = $1`,
        [source.id],
      );
      expect(row).toEqual({
        title: '"Tiêu đề"',
        text: 'Ông A nói: "đường {số 5} hỏng\\sập" NULL, rồi é',
        outlet: 'Báo \\ "An Hòa"',
      });
    });

    it('stores a mention once when overlapping batches race each other, and counts it once', async () => {
      const source = await createSource();
      const topic = await createTopic({ anyTerms: ['cầu treo'] });
      const shared = Array.from({ length: 60 }, () => item({ text: `Sập cầu treo ở bản ${uid()}` }));
      // Eight concurrent batches, each with all the shared items (in its own order) and ten of its own.
      const batches = Array.from({ length: 8 }, (_, n) => [
        ...[...shared].sort(() => (n % 2 ? 1 : -1) * (Math.random() - 0.3)),
        ...Array.from({ length: 10 }, () => item({ text: `Cầu treo bản ${uid()} xuống cấp` })),
      ]);
      const results = await Promise.all(batches.map((b) => ingest(source.id, b)));
      for (const r of results) expect(r.status).toBe(200);
      const accepted = results.reduce((n, r) => n + r.body.accepted, 0);
      const duplicates = results.reduce((n, r) => n + r.body.duplicates, 0);
      expect(accepted).toBe(60 + 8 * 10);
      expect(duplicates).toBe(7 * 60);
      expect(await count(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [source.id])).toBe(140);
      expect(await count(`SELECT count(*) AS n FROM mention_topics WHERE topic_id = $1`, [topic])).toBe(140);
      expect(
        await count(`SELECT coalesce(sum(volume), 0) AS n FROM topic_buckets WHERE topic_id = $1`, [topic]),
      ).toBe(140);
    });

    it('stores a duplicate inside one batch once', async () => {
      const source = await createSource();
      const one = item();
      const res = await ingest(source.id, [one, { ...one }]);
      expect(res.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    });

    it('reports bad items by index and keeps the good ones', async () => {
      const source = await createSource();
      const items = [
        item(),
        item({ publishedAt: '12/08/2025 07:45' }),
        item(),
        item({ reach: -1, colour: 'red' }),
        'not an object',
        item({ sourceType: undefined }),
        item(),
      ];
      const res = await ingest(source.id, items);
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(3);
      expect(res.body.duplicates).toBe(0);
      expect(res.body.rejected).toEqual([
        {
          index: 1,
          field: 'publishedAt',
          reason: 'items[1].publishedAt: phải là thời điểm ISO 8601 (ví dụ 2025-08-12T07:45:00+07:00)',
        },
        {
          index: 3,
          field: expect.stringMatching(/^(reach|colour)$/),
          reason: expect.stringMatching(/^items\[3\]\./),
        },
        { index: 4, reason: 'items[4]: phải là một đối tượng JSON' },
        { index: 5, field: 'sourceType', reason: 'items[5].sourceType: bắt buộc' },
      ]);
      expect(await count(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [source.id])).toBe(3);
    });

    it('refuses an item holding a NUL character, which PostgreSQL cannot store, and keeps the others', async () => {
      const source = await createSource();
      const res = await ingest(source.id, [item(), item({ text: 'Tin\u0000 giả' }), item()]);
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(2);
      expect(res.body.rejected).toEqual([
        { index: 1, field: 'text', reason: expect.stringContaining('items[1].text: chứa ký tự NUL') },
      ]);
    });

    it('refuses whole-body problems with a clear error', async () => {
      const source = await createSource();
      const notArray = await t
        .http()
        .post('/api/signals')
        .set(analyst.auth)
        .send({ sourceId: source.id, items: {} });
      expect(notArray.status).toBe(400);
      expect(notArray.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'items' }] });
      const empty = await ingest(source.id, []);
      expect(empty.status).toBe(400);
      const badId = await t
        .http()
        .post('/api/signals')
        .set(analyst.auth)
        .send({ sourceId: 'abc', items: [item()] });
      expect(badId.status).toBe(400);
      expect(badId.body.details[0].field).toBe('sourceId');
      const unknown = await ingest(randomUUID(), [item()]);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      const extra = await t
        .http()
        .post('/api/signals')
        .set(analyst.auth)
        .send({ sourceId: source.id, items: [item()], dryRun: true });
      expect(extra.status).toBe(400);
      const tiny = { sourceType: 'social', text: 'x' };
      const tooMany = await ingest(
        source.id,
        Array.from({ length: 5001 }, () => tiny),
      );
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(tooMany.body.message).toContain('5000');
      expect(await count(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [source.id])).toBe(0);
    });

    it('scores sentiment with the lexicon only when the source gives none', async () => {
      const source = await createSource();
      const items = [
        item({ sentiment: undefined, text: 'Người dân rất bức xúc vì cán bộ phường nhũng nhiễu, vòi tiền' }),
        item({ sentiment: undefined, text: 'Cảm ơn các anh công an đã hỗ trợ kịp thời' }),
        item({ sentiment: 'positive', text: 'Người dân bức xúc' }),
        item({ sentiment: undefined, sentimentScore: -0.6, text: 'Một bài đăng' }),
      ];
      expect((await ingest(source.id, items)).body.accepted).toBe(4);
      const rows = await t.dataSource.query(
        `SELECT external_id, sentiment, sentiment_origin FROM mentions WHERE source_id = $1`,
        [source.id],
      );
      const by = (i: number) =>
        rows.find((r: { external_id: string }) => r.external_id === items[i].externalId);
      expect(by(0)).toMatchObject({ sentiment: 'negative', sentiment_origin: 'lexicon' });
      expect(by(1)).toMatchObject({ sentiment: 'positive', sentiment_origin: 'lexicon' });
      expect(by(2)).toMatchObject({ sentiment: 'positive', sentiment_origin: 'source' });
      expect(by(3)).toMatchObject({ sentiment: 'negative', sentiment_origin: 'source' });
    });

    it('writes one audit row per batch, not one per mention', async () => {
      const source = await createSource();
      await ingest(source.id, [item(), item(), item(), item()]);
      const rows = await t.dataSource.query(
        `SELECT actor_user_id, data FROM audit_log WHERE action = 'signals.ingested' AND entity_id = $1`,
        [source.id],
      );
      expect(rows).toEqual([
        {
          actor_user_id: analyst.user.id,
          data: { via: 'api', items: 4, accepted: 4, duplicates: 0, rejected: 0 },
        },
      ]);
    });

    it('checks roles: admin, analyst and officer may send batches', async () => {
      const source = await createSource();
      expect(
        (
          await t
            .http()
            .post('/api/signals')
            .send({ sourceId: source.id, items: [item()] })
        ).status,
      ).toBe(401);
      for (const u of [leader, observer]) {
        const res = await ingest(source.id, [item()], u);
        expect(res.status).toBe(403);
      }
      for (const u of [admin, analyst, officer]) {
        expect((await ingest(source.id, [item()], u)).body.accepted).toBe(1);
      }
    });
  });

  describe('topic buckets', () => {
    it('counts each batch into the topic buckets, adding up across batches', async () => {
      const source = await createSource();
      const topic = await createTopic({
        anyTerms: ['sạt lở'],
        unitNames: ['Ban chỉ huy phòng chống thiên tai An Hòa'],
      });
      const at = (iso: string) => ({ publishedAt: iso });
      const first = [
        item({
          ...at('2025-08-12T08:01:00Z'),
          text: 'Sạt lở đồi ở xã Tây Sơn',
          sentiment: 'negative',
          reach: 1000,
        }),
        item({
          ...at('2025-08-12T08:02:00Z'),
          text: 'Sạt lở khiến đường bị chia cắt',
          sentiment: 'negative',
          reach: 200,
          verified: true,
        }),
        item({
          ...at('2025-08-12T08:03:00Z'),
          text: 'Khắc phục sạt lở nhanh chóng',
          sentiment: 'positive',
          reach: 50,
        }),
        item({
          ...at('2025-08-12T08:07:00Z'),
          text: 'Ban chỉ huy phòng chống thiên tai An Hòa cảnh báo sạt lở',
          sentiment: 'neutral',
          reach: null,
          reactions: 7,
          comments: 2,
          shares: 1,
          sourceType: 'online_news',
          fakeNewsLabel: 'tin_sai_su_that',
        }),
        item({ ...at('2025-08-12T08:04:00Z'), text: 'Không liên quan', sentiment: 'negative', reach: 99999 }),
      ];
      expect((await ingest(source.id, first)).body.accepted).toBe(5);
      const from = '2025-08-12T08:00:00Z';
      const to = '2025-08-12T09:00:00Z';
      const res = await t.http().get(`/api/topics/${topic}/buckets?from=${from}&to=${to}`).set(officer.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          topicId: topic,
          bucketStart: '2025-08-12T08:00:00.000Z',
          bucketSeconds: 300,
          volume: 3,
          negativeCount: 2,
          positiveCount: 1,
          fakeNewsCount: 0,
          namedCount: 0,
          reachSum: 1250,
          negativeReachSum: 1200,
          // 1000 × 1 + 200 × 1 × 1.5 (verified) + 50 × 0.1
          weightedReach: 1305,
          maxNegativeReach: 1000,
        },
        {
          topicId: topic,
          bucketStart: '2025-08-12T08:05:00.000Z',
          bucketSeconds: 300,
          volume: 1,
          negativeCount: 0,
          positiveCount: 0,
          fakeNewsCount: 1,
          namedCount: 1,
          reachSum: 10,
          negativeReachSum: 0,
          // engagement 10 × 0.3 (neutral) × 1.5 (press)
          weightedReach: 4.5,
          maxNegativeReach: 0,
        },
      ]);

      const second = [
        item({ ...at('2025-08-12T08:04:30Z'), text: 'Lại sạt lở', sentiment: 'negative', reach: 5000 }),
        item({ ...at('2025-08-12T08:12:00Z'), text: 'Sạt lở tiếp diễn', sentiment: 'negative', reach: 10 }),
      ];
      expect((await ingest(source.id, second)).body.accepted).toBe(2);
      // Resending changes nothing.
      expect((await ingest(source.id, second)).body.duplicates).toBe(2);
      const buckets = await t.app.get(SignalsService).getBuckets(topic, new Date(from), new Date(to));
      expect(
        buckets.map((b) => [b.bucketStart.toISOString(), b.volume, b.negativeCount, b.maxNegativeReach]),
      ).toEqual([
        ['2025-08-12T08:00:00.000Z', 4, 3, 5000],
        ['2025-08-12T08:05:00.000Z', 1, 0, 0],
        ['2025-08-12T08:10:00.000Z', 1, 1, 10],
      ]);
      expect(buckets[0].reachSum).toBe(6250);
    });

    it('lists top mentions negative first, then by reach', async () => {
      const source = await createSource();
      const topic = await createTopic({ anyTerms: ['ùn tắc'] });
      const at = '2025-08-13T02:00:00Z';
      const items = [
        item({ publishedAt: at, text: 'Ùn tắc nhẹ', sentiment: 'neutral', reach: 90000 }),
        item({ publishedAt: at, text: 'Ùn tắc kéo dài, dân bức xúc', sentiment: 'negative', reach: 300 }),
        item({
          publishedAt: at,
          text: 'Ùn tắc nghiêm trọng',
          sentiment: 'negative',
          reach: 4000,
          outlet: 'Báo An Hòa',
        }),
      ];
      await ingest(source.id, items);
      const res = await t
        .http()
        .get(`/api/topics/${topic}/mentions?from=2025-08-13T00:00:00Z&to=2025-08-13T06:00:00Z&limit=2`)
        .set(analyst.auth);
      expect(res.status).toBe(200);
      expect(res.body.map((m: { reach: number; sentiment: string }) => [m.sentiment, m.reach])).toEqual([
        ['negative', 4000],
        ['negative', 300],
      ]);
      expect(res.body[0]).toMatchObject({ outlet: 'Báo An Hòa', matchedOn: 'keywords', topicId: topic });
      const top = await t.app
        .get(SignalsService)
        .topMentions(topic, new Date('2025-08-13T00:00:00Z'), new Date('2025-08-14T00:00:00Z'), 10);
      expect(top.map((m) => m.effectiveReach)).toEqual([4000, 300, 90000]);
    });

    it('applies topic changes to the next batch at once', async () => {
      const source = await createSource();
      const topic = await createTopic({ anyTerms: ['cháy chợ'] });
      await ingest(source.id, [item({ text: 'Cháy chợ Đêm' })]);
      await t.http().patch(`/api/topics/${topic}`).set(analyst.auth).send({ active: false }).expect(200);
      await ingest(source.id, [item({ text: 'Cháy chợ lần hai' })]);
      await t
        .http()
        .patch(`/api/topics/${topic}`)
        .set(analyst.auth)
        .send({ active: true, anyTerms: ['hỏa hoạn'] })
        .expect(200);
      await ingest(source.id, [item({ text: 'Hỏa hoạn ở chợ' }), item({ text: 'Cháy chợ lần ba' })]);
      expect(await count(`SELECT count(*) AS n FROM mention_topics WHERE topic_id = $1`, [topic])).toBe(2);
    });
  });

  describe('writing mentions while another transaction holds the same ones', () => {
    /** A prepared mention as ingestion hands it to the repository. */
    const prepared = (externalId: string): PreparedMention => {
      const text = `Đề cập ${externalId}`;
      const hash = contentHash(null, text);
      const url = `https://facebook.com/posts/${externalId}`;
      const at = new Date('2025-08-12T08:00:00Z');
      return {
        id: mentionId(),
        input: {
          externalId,
          sourceType: 'social',
          platform: null,
          outlet: null,
          followers: null,
          verified: null,
          url,
          title: null,
          text,
          publishedAt: at,
          collectedAt: at,
          reach: null,
          reactions: null,
          comments: null,
          shares: null,
          sentiment: 'neutral',
          sentimentScore: null,
          geoCode: null,
          language: null,
          fakeNewsLabel: null,
          evidenceUrl: null,
        },
        title: null,
        text,
        contentHash: hash,
        urlKey: urlKey(url, hash),
        collectedAt: at,
        occurredAt: at,
        sentiment: 'neutral',
        sentimentScore: null,
        sentimentOrigin: 'source',
      };
    };

    /** Starts `write` in its own transaction and resolves once it waits for another transaction's lock. */
    async function blockedWrite(write: (manager: EntityManager) => Promise<MentionsWritten>) {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
      await runner.startTransaction();
      const result = write(runner.manager).then(
        (value) => ({ value, error: null }),
        (error: unknown) => ({ value: null, error }),
      );
      for (let i = 0; ; i++) {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
          [pid],
        );
        if (waiting) break;
        if (i > 200) throw new Error('the second write never waited for the first');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { runner, result };
    }

    it('fails a direct write whole when a concurrent one stored the same mention, and a staged write skips it', async () => {
      const repository = t.app.get(SignalsRepository);
      const source = await createSource();
      const [x, y, z, w] = ['race-x', 'race-y', 'race-z', 'race-w'].map((id) => prepared(`${id}-${uid()}`));

      // A first transaction stores a mention and does not commit yet.
      const first = t.dataSource.createQueryRunner();
      await first.connect();
      const storeUncommitted = async (m: PreparedMention) => {
        await first.startTransaction();
        await repository.writeMentions(first.manager, {
          sourceId: source.id,
          mentions: [m],
          links: [],
          staged: false,
        });
      };

      // It holds X; a direct write of X and Z waits on X's index entry.
      await storeUncommitted(x);
      const direct = await blockedWrite((manager) =>
        repository.writeMentions(manager, {
          sourceId: source.id,
          mentions: [x, z],
          links: [],
          staged: false,
        }),
      );
      await first.commitTransaction();
      const failed = await direct.result;
      expect((failed.error as { code?: string }).code).toBe('23505');
      await direct.runner.rollbackTransaction();
      await direct.runner.release();
      // Nothing of the failed write is left: Z is not stored.
      expect(
        await count(`SELECT count(*) AS n FROM mentions WHERE external_id = ANY($1)`, [
          [x.input.externalId, z.input.externalId],
        ]),
      ).toBe(1);

      // The same race against a staged write: W is skipped as a duplicate, Y and its topic link are stored.
      const topic = await createTopic({ anyTerms: ['đề cập'] });
      const link = (m: PreparedMention) => ({
        mentionId: m.id,
        topicId: topic,
        matchedOn: 'keywords' as const,
        occurredAt: m.occurredAt,
        author: 'online_news',
        sentiment: m.sentiment,
        bucketStart: m.occurredAt,
        bucketSeconds: 300,
        contribution: {
          negative: 0 as const,
          positive: 0 as const,
          fakeNews: 0 as const,
          reach: 1,
          weightedReach: 0.3,
        },
      });
      await storeUncommitted(w);
      const staged = await blockedWrite((manager) =>
        repository.writeMentions(manager, {
          sourceId: source.id,
          mentions: [w, y],
          links: [link(w), link(y)],
          staged: true,
        }),
      );
      await first.commitTransaction();
      await first.release();
      const written = await staged.result;
      expect(written.error).toBeNull();
      expect([...written.value!.inserted]).toEqual([y.id]);
      expect(written.value!.links.map((l) => l.mentionId)).toEqual([y.id]);
      await staged.runner.commitTransaction();
      await staged.runner.release();
      const links: { mention_id: string }[] = await t.dataSource.query(
        `SELECT mention_id FROM mention_topics WHERE topic_id = $1`,
        [topic],
      );
      expect(links).toEqual([{ mention_id: y.id }]);
    });
  });

  describe('after-commit hook', () => {
    it('tells listeners about committed batches with their buckets and notable mentions', async () => {
      const source = await createSource();
      const topic = await createTopic({ anyTerms: ['học phí'], unitNames: ['Sở Giáo dục An Hòa'] });
      const seen: { batch: IngestedBatch; storedWhenCalled: number }[] = [];
      const events = t.app.get(SignalsEvents);
      const off = events.onIngested(async (batch) => {
        // A separate connection sees the rows: the listener runs after commit.
        const storedWhenCalled = await count(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [
          source.id,
        ]);
        seen.push({ batch, storedWhenCalled });
      });
      const failing = events.onIngested(() => {
        throw new Error('listener failure must not fail the batch');
      });
      try {
        const items = [
          item({
            publishedAt: '2025-08-14T01:02:00Z',
            text: 'Học phí tăng gấp đôi, phụ huynh bức xúc',
            sentiment: 'negative',
            reach: 800,
          }),
          item({
            publishedAt: '2025-08-14T01:03:00Z',
            text: 'Sở Giáo dục An Hòa bị tố thu học phí sai',
            sentiment: 'neutral',
            fakeNewsLabel: 'tin_gia',
            reach: 20,
            verified: true,
          }),
          item({
            publishedAt: '2025-08-14T01:04:00Z',
            text: 'Học phí được giữ nguyên',
            sentiment: 'positive',
          }),
          item({ publishedAt: '2025-08-14T01:04:00Z', text: 'Không thuộc chủ đề', sentiment: 'negative' }),
        ];
        const res = await ingest(source.id, items);
        expect(res.body.accepted).toBe(4);
        expect(seen).toHaveLength(1);
        const { batch, storedWhenCalled } = seen[0];
        expect(storedWhenCalled).toBe(4);
        expect(batch).toMatchObject({ sourceId: source.id, via: 'api', accepted: 4 });
        expect(batch.topicBuckets).toEqual([
          expect.objectContaining({
            topicId: topic,
            bucketStart: new Date('2025-08-14T01:00:00Z'),
            bucketSeconds: 300,
            volume: 3,
            negativeCount: 1,
            positiveCount: 1,
            fakeNewsCount: 1,
            namedCount: 1,
          }),
        ]);
        expect(
          batch.notable.map((n) => [n.topicId, n.matchedOn, n.sentiment, n.fakeNewsLabel, n.reach]),
        ).toEqual([
          [topic, 'unit_name', 'neutral', 'tin_gia', 20],
          [topic, 'keywords', 'negative', null, 800],
        ]);
        expect(batch.notable[0]).toMatchObject({ verified: true, outlet: 'Hội cư dân An Hòa', followers: 0 });

        // Duplicates only: nothing new was stored, nobody is told.
        expect((await ingest(source.id, items)).body.duplicates).toBe(4);
        expect(seen).toHaveLength(1);
      } finally {
        off();
        failing();
      }
    });
  });

  describe('signed webhook', () => {
    const send = (sourceId: string, body: string, headers: Record<string, string>) =>
      t
        .http()
        .post(`/api/signal-sources/${sourceId}/webhook`)
        .set('Content-Type', 'application/json')
        .set(headers)
        .send(body);
    const now = () => Math.floor(Date.now() / 1000);
    const signed = (secret: string, body: string, ts = now()) => ({
      'X-Ungpho-Timestamp': String(ts),
      'X-Ungpho-Signature': `sha256=${signPayload(secret, ts, body)}`,
    });

    it('accepts a good signature without a user token, and audits the batch with no actor', async () => {
      const source = await createSource();
      const body = JSON.stringify({ items: [item(), item()] });
      const res = await send(source.id, body, signed(source.secret, body));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
      const audit = await t.dataSource.query(
        `SELECT actor_user_id, data FROM audit_log WHERE action = 'signals.ingested' AND entity_id = $1`,
        [source.id],
      );
      expect(audit).toEqual([
        { actor_user_id: null, data: expect.objectContaining({ via: 'webhook', accepted: 2 }) },
      ]);
    });

    it('refuses a replayed request, even while the first is still valid', async () => {
      const source = await createSource();
      const body = JSON.stringify({ items: [item()] });
      const headers = signed(source.secret, body);
      expect((await send(source.id, body, headers)).status).toBe(200);
      const replay = await send(source.id, body, headers);
      expect(replay.status).toBe(409);
      expect(replay.body.code).toBe('SIGNATURE_REPLAYED');
      // The same items signed afresh are a new delivery (and duplicates). A second earlier than the first
      // signature, whatever the clock says now: `now() - 1` equalled it whenever the requests crossed a second.
      const firstTs = Number(headers['X-Ungpho-Timestamp']);
      const again = await send(source.id, body, signed(source.secret, body, firstTs - 1));
      expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    });

    it('refuses bad signatures, old and future timestamps, missing headers and unknown sources', async () => {
      const source = await createSource();
      const other = await createSource();
      const body = JSON.stringify({ items: [item()] });
      const cases: [Record<string, string>, number, string][] = [
        [signed(other.secret, body), 401, 'SIGNATURE_INVALID'],
        [
          { ...signed(source.secret, body), 'X-Ungpho-Signature': `sha256=${'ab'.repeat(32)}` },
          401,
          'SIGNATURE_INVALID',
        ],
        [signed(source.secret, JSON.stringify({ items: [item()] })), 401, 'SIGNATURE_INVALID'], // body changed
        [signed(source.secret, body, now() - 301), 401, 'SIGNATURE_EXPIRED'],
        [signed(source.secret, body, now() + 120), 401, 'SIGNATURE_EXPIRED'],
        [{ 'X-Ungpho-Timestamp': String(now()) }, 401, 'SIGNATURE_INVALID'],
        [{ ...signed(source.secret, body), 'X-Ungpho-Signature': 'md5=abc' }, 401, 'SIGNATURE_INVALID'],
      ];
      for (const [headers, status, code] of cases) {
        const res = await send(source.id, body, headers);
        expect([res.status, res.body.code]).toEqual([status, code]);
      }
      const unknown = await send(randomUUID(), body, signed(source.secret, body));
      expect([unknown.status, unknown.body.code]).toEqual([401, 'SIGNATURE_INVALID']);
      // A user token is no substitute for the signature.
      const withToken = await t
        .http()
        .post(`/api/signal-sources/${source.id}/webhook`)
        .set(admin.auth)
        .send({ items: [item()] });
      expect(withToken.status).toBe(401);
      expect(await count(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [source.id])).toBe(0);
    });

    it('refuses a body naming another source, and reports bad items like the batch API', async () => {
      const source = await createSource();
      const wrong = JSON.stringify({ sourceId: randomUUID(), items: [item()] });
      expect((await send(source.id, wrong, signed(source.secret, wrong))).status).toBe(400);
      const mixed = JSON.stringify({ sourceId: source.id, items: [item(), item({ reach: 'many' })] });
      const res = await send(source.id, mixed, signed(source.secret, mixed));
      expect(res.body).toEqual({
        accepted: 1,
        duplicates: 0,
        rejected: [{ index: 1, field: 'reach', reason: 'items[1].reach: phải là số nguyên không âm' }],
      });
    });

    it('keeps the previous secret valid for a while after a rotation', async () => {
      const source = await createSource();
      const rotated = await t.http().post(`/api/signal-sources/${source.id}/rotate-secret`).set(admin.auth);
      expect(rotated.status).toBe(201);
      expect(rotated.body.secret).not.toBe(source.secret);
      expect(rotated.body.source.previousSecretValidUntil).toEqual(expect.any(String));
      const a = JSON.stringify({ items: [item()] });
      expect((await send(source.id, a, signed(source.secret, a))).status).toBe(200);
      const b = JSON.stringify({ items: [item()] });
      expect((await send(source.id, b, signed(rotated.body.secret, b))).status).toBe(200);
      // Once the grace period is over, only the new secret works.
      await t.dataSource.query(
        `UPDATE signal_sources SET previous_secret_valid_until = now() - interval '1 second' WHERE id = $1`,
        [source.id],
      );
      const c = JSON.stringify({ items: [item()] });
      expect((await send(source.id, c, signed(source.secret, c))).status).toBe(401);
      expect(
        (await t.http().post(`/api/signal-sources/${source.id}/rotate-secret`).set(analyst.auth)).status,
      ).toBe(403);
    });
  });
});
