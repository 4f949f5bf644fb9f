import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Role } from '../src/auth/role.js';
import { FeedPoller } from '../src/feeds/feed-poller.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { atom, feedConfig, rss, startFeedServer } from './support/feed-server.js';
import type { FeedServer } from './support/feed-server.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

const RSS = 'application/rss+xml; charset=utf-8';

interface FeedBody {
  id: string;
  health: {
    lastStatus: string | null;
    lastPolledAt: string | null;
    lastSuccessAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    consecutiveFailures: number;
    itemsSeen: number;
    itemsNew: number;
    itemsNewTotal: number;
    rejects: { index: number; title: string | null; field: string | null; reason: string }[];
    nextPollAt: string | null;
  };
}

/** Feed sources: RSS/Atom polled from a local server, through the same ingest path as POST /api/signals. */
describe(`${FeedPoller.name} (e2e)`, () => {
  let t: TestApp;
  let server: FeedServer;
  let admin: TestUser;
  let analyst: TestUser;
  let outsider: TestUser;
  let observer: TestUser;
  let unitId: string;
  let sourceId: string;
  let floodTopic: string;
  const uid = () => randomBytes(4).toString('hex');
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

  const addFeed = async (path: string, over: Record<string, unknown> = {}, as = analyst) => {
    const res = await t
      .http()
      .post('/api/feeds')
      .set(as.auth)
      .send({
        sourceId,
        url: server.url(path),
        outletName: 'Báo An Hòa',
        outletType: 'online_news',
        intervalSeconds: 3600,
        ...over,
      });
    expect(res.status).toBe(201);
    return res.body as FeedBody;
  };
  const health = async (id: string) => {
    const res = await t.http().get(`/api/feeds/${id}`).set(analyst.auth);
    expect(res.status).toBe(200);
    return res.body as FeedBody;
  };
  /** The first poll starts at once after creation (its timer is due now): wait for it to be recorded. */
  const firstPoll = async (id: string) => {
    for (let i = 0; i < 100; i++) {
      const feed = await health(id);
      if (feed.health.lastPolledAt) return feed;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the first poll did not happen');
  };
  const pollNow = async (id: string) => {
    const res = await t.http().post(`/api/feeds/${id}/poll`).set(analyst.auth);
    expect(res.status).toBe(200);
    return res.body as FeedBody;
  };
  const mentionsOf = (urlPrefix: string) =>
    t.dataSource.query(
      `SELECT id, title, text, url, outlet, language, source_type, published_at, external_id
       FROM mentions WHERE source_id = $1 AND url LIKE $2 ORDER BY published_at`,
      [sourceId, `${urlPrefix}%`],
    );

  beforeAll(async () => {
    server = await startFeedServer();
    t = await createTestApp(feedConfig);
    const province = await makeOrgUnit(t.dataSource, { name: 'Tỉnh An Hòa', unitType: 'province' as never });
    unitId = (await makeOrgUnit(t.dataSource, { name: 'Sở Xây dựng', parentId: province.id })).id;
    const other = await makeOrgUnit(t.dataSource, { name: 'Tỉnh Bình Sơn', unitType: 'province' as never });
    admin = await t.createUser({ roles: [Role.Admin] });
    analyst = await t.createUser({
      roles: [Role.Analyst],
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    outsider = await t.createUser({
      roles: [Role.Analyst],
      personId: (await makePerson(t.dataSource, other.id)).id,
    });
    observer = await t.createUser({ roles: [Role.Observer] });
    const source = await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({ name: 'Báo chí tỉnh An Hòa (RSS)', kind: 'feed', orgUnitId: unitId });
    expect(source.status).toBe(201);
    sourceId = source.body.source.id;
    const topic = await t
      .http()
      .post('/api/topics')
      .set(analyst.auth)
      .send({
        orgUnitId: unitId,
        name: 'Ngập úng đô thị',
        category: 'accident_disaster',
        anyTerms: ['ngập úng', 'ngập sâu'],
      });
    expect(topic.status).toBe(201);
    floodTopic = topic.body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('ingests a Vietnamese RSS 2.0 and an Atom feed once across polls, HTML stripped, matched to topics', async () => {
    const site = 'https://baoanhoa.example.vn/thoi-su';
    server.serve(
      '/rss/thoi-su.rss',
      rss('Báo An Hòa – Thời sự', [
        {
          guid: `${site}/duong-tran-hung-dao-ngap-sau.html`,
          title: 'Đường Trần Hưng Đạo ngập sâu sau mưa lớn',
          link: `${site}/duong-tran-hung-dao-ngap-sau.html`,
          description:
            '<p>Nhiều xe <b>chết máy</b>, người dân bức xúc vì ngập úng kéo dài &amp; chậm xử lý.</p><img src="x.jpg">',
          pubDate: minutesAgo(30),
        },
        {
          guid: 'tin-12345',
          title: 'Khánh thành cầu Phú Lộc',
          link: '/thoi-su/khanh-thanh-cau-phu-loc.html',
          description: 'Cây cầu nối hai bờ sông Hòa được đưa vào sử dụng.',
          pubDate: minutesAgo(20),
        },
      ]),
      RSS,
    );
    server.serve(
      '/atom.xml',
      atom('Đài Phát thanh – Truyền hình An Hòa', [
        {
          id: 'tag:anhoa-tv,2026:ban-tin-toi',
          title: 'Bản tin tối: khu dân cư Hòa Bình ngập úng',
          link: 'https://truyenhinh-anhoa.example.vn/ban-tin-toi',
          summary: '<div>Nước rút chậm, <i>nhiều hộ phải sơ tán</i>.</div>',
          updated: minutesAgo(10),
        },
      ]),
      'application/atom+xml',
    );
    const rssFeed = await addFeed('/rss/thoi-su.rss');
    const atomFeed = await addFeed('/atom.xml', { outletName: 'Đài PT-TH An Hòa', outletType: 'radio_tv' });
    expect((await firstPoll(rssFeed.id)).health).toMatchObject({
      lastStatus: 'ok',
      itemsSeen: 2,
      itemsNew: 2,
      lastError: null,
      consecutiveFailures: 0,
      rejects: [],
    });
    expect((await firstPoll(atomFeed.id)).health).toMatchObject({
      lastStatus: 'ok',
      itemsSeen: 1,
      itemsNew: 1,
    });

    const stored = await mentionsOf('https://baoanhoa.example.vn/');
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      title: 'Đường Trần Hưng Đạo ngập sâu sau mưa lớn',
      text: 'Nhiều xe chết máy, người dân bức xúc vì ngập úng kéo dài & chậm xử lý.',
      url: `${site}/duong-tran-hung-dao-ngap-sau.html`,
      outlet: 'Báo An Hòa',
      language: 'vi',
      source_type: 'online_news',
    });
    // A relative link is made absolute; a short guid is tied to the feed's host.
    expect(stored[1].url).toBe('https://baoanhoa.example.vn/thoi-su/khanh-thanh-cau-phu-loc.html');
    expect(stored[1].external_id).toBe(`${new URL(server.base).host}:tin-12345`);
    const [tv] = await mentionsOf('https://truyenhinh-anhoa.example.vn/');
    expect(tv).toMatchObject({
      title: 'Bản tin tối: khu dân cư Hòa Bình ngập úng',
      text: 'Nước rút chậm, nhiều hộ phải sơ tán.',
      outlet: 'Đài PT-TH An Hòa',
      source_type: 'radio_tv',
    });

    // Matched to the topic (the flood items, not the bridge), counted in its buckets.
    const links = await t.dataSource.query(`SELECT mention_id FROM mention_topics WHERE topic_id = $1`, [
      floodTopic,
    ]);
    expect(links.map((l: { mention_id: string }) => l.mention_id).sort()).toEqual(
      [stored[0].id, tv.id].sort(),
    );
    const buckets = await t.http().get(`/api/topics/${floodTopic}/buckets`).set(analyst.auth);
    expect(buckets.body.reduce((s: number, b: { volume: number }) => s + b.volume, 0)).toBe(2);

    // Polled again: seen, not stored twice.
    const again = await pollNow(rssFeed.id);
    expect(again.health).toMatchObject({ lastStatus: 'ok', itemsSeen: 2, itemsNew: 0, itemsNewTotal: 2 });
    expect(await mentionsOf('https://baoanhoa.example.vn/')).toHaveLength(2);
    const audit = await t.dataSource.query(
      `SELECT data FROM audit_log WHERE action = 'signals.ingested' AND entity_id = $1`,
      [sourceId],
    );
    expect(audit.map((a: { data: { via: string } }) => a.data.via)).toContain('feed');
  });

  it('a broken item is reported with its reason while the others are ingested', async () => {
    server.serve(
      '/rss/broken.rss',
      rss('Báo An Hòa – Đời sống', [
        {
          guid: 'https://baoanhoa.example.vn/doi-song/1',
          title: 'Chợ Hòa Bình mở cửa lại',
          link: 'https://baoanhoa.example.vn/doi-song/1',
          pubDate: minutesAgo(5),
        },
        {
          guid: 'https://baoanhoa.example.vn/doi-song/2',
          title: '',
          description: '',
          link: 'https://baoanhoa.example.vn/doi-song/2',
        },
        {
          guid: 'https://baoanhoa.example.vn/doi-song/3',
          title: 'Bài có đường dẫn lạ',
          link: 'javascript:alert(1)',
        },
        {
          guid: 'https://baoanhoa.example.vn/doi-song/4',
          title: 'Hội chợ nông sản An Hòa',
          link: 'https://baoanhoa.example.vn/doi-song/4',
        },
      ]),
      RSS,
    );
    const feed = await firstPoll((await addFeed('/rss/broken.rss')).id);
    expect(feed.health).toMatchObject({ lastStatus: 'ok', itemsSeen: 4, itemsNew: 2 });
    expect(feed.health.rejects).toEqual([
      {
        index: 1,
        title: null,
        link: 'https://baoanhoa.example.vn/doi-song/2',
        field: 'text',
        reason: 'Bài không có tiêu đề lẫn nội dung',
      },
      expect.objectContaining({
        index: 2,
        title: 'Bài có đường dẫn lạ',
        field: 'url',
        reason: expect.stringMatching(/^Đường dẫn bài: /),
      }),
    ]);
    expect(
      (await mentionsOf('https://baoanhoa.example.vn/doi-song/')).map((m: { title: string }) => m.title),
    ).toEqual(['Chợ Hòa Bình mở cửa lại', 'Hội chợ nông sản An Hòa']);
  });

  it('sends If-None-Match and If-Modified-Since, and a 304 is a success with nothing new', async () => {
    const lastModified = new Date(Date.now() - 3_600_000).toUTCString();
    const body = rss('Báo An Hòa – Kinh tế', [
      {
        guid: 'https://baoanhoa.example.vn/kinh-te/1',
        title: 'Giá lúa tăng nhẹ',
        link: 'https://baoanhoa.example.vn/kinh-te/1',
      },
    ]);
    server.route('/rss/kinh-te.rss', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': RSS, etag: '"v1"', 'last-modified': lastModified }).end(body);
    });
    const feed = await firstPoll((await addFeed('/rss/kinh-te.rss')).id);
    expect(feed.health).toMatchObject({ lastStatus: 'ok', itemsNew: 1 });
    const polled = await pollNow(feed.id);
    expect(polled.health).toMatchObject({
      lastStatus: 'not_modified',
      itemsSeen: 0,
      itemsNew: 0,
      lastError: null,
    });
    const [first, second] = server.requests('/rss/kinh-te.rss');
    expect(first['if-none-match']).toBeUndefined();
    expect(second['if-none-match']).toBe('"v1"');
    expect(second['if-modified-since']).toBe(lastModified);
  });

  it('a feed that does not answer times out with a plain error', async () => {
    server.route('/rss/slow.rss', () => {
      // Never answers: the socket hangs until the server closes.
    });
    const started = Date.now();
    const feed = await firstPoll((await addFeed('/rss/slow.rss')).id);
    expect(feed.health.lastStatus).toBe('error');
    expect(feed.health.lastError).toBe(`Máy chủ ${new URL(server.base).host} không trả lời trong 1,5 giây`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses private and link-local addresses, also behind a redirect, and bounds redirects', async () => {
    server.route('/rss/moved.rss', (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    });
    server.route('/rss/loop.rss', (_req, res) => {
      res.writeHead(301, { location: '/rss/loop.rss' }).end();
    });
    const moved = await firstPoll((await addFeed('/rss/moved.rss')).id);
    expect(moved.health.lastError).toBe(
      '169.254.169.254 là địa chỉ link-local: không được lấy tin từ địa chỉ này',
    );
    const loop = await firstPoll((await addFeed('/rss/loop.rss')).id);
    expect(loop.health.lastError).toBe('Chuyển hướng quá 5 lần');
    expect(server.requests('/rss/loop.rss')).toHaveLength(6);

    const direct = await t.http().post('/api/feeds').set(analyst.auth).send({
      sourceId,
      url: 'http://10.1.2.3/rss.xml',
      outletName: 'Cổng nội bộ',
      outletType: 'portal',
      intervalSeconds: 3600,
    });
    expect(direct.status).toBe(201);
    const refused = await firstPoll(direct.body.id);
    expect(refused.health.lastError).toBe(
      '10.1.2.3 là địa chỉ mạng nội bộ: không được lấy tin từ địa chỉ này',
    );
  });

  it('reads gzip answers, and stops reading past the byte cap counted after decompression', async () => {
    const small = rss('Báo An Hòa – Nén', [
      {
        guid: 'https://baoanhoa.example.vn/nen/1',
        title: 'Tin nén gzip vẫn đọc được',
        link: 'https://baoanhoa.example.vn/nen/1',
      },
    ]);
    // 1 MB of text that compresses to a few kilobytes: a bomb for a client that caps the bytes on the wire only.
    const bomb = rss('Báo An Hòa – Lớn', [
      {
        title: 'Bài rất dài',
        link: 'https://baoanhoa.example.vn/lon/1',
        description: 'ngập '.repeat(200_000),
      },
    ]);
    for (const [path, body] of [
      ['/rss/gzip.rss', small],
      ['/rss/bomb.rss', bomb],
    ]) {
      const zipped = gzipSync(body);
      server.route(path, (_req, res) => {
        res
          .writeHead(200, {
            'content-type': RSS,
            'content-encoding': 'gzip',
            'content-length': zipped.length,
          })
          .end(zipped);
      });
    }
    const ok = await firstPoll((await addFeed('/rss/gzip.rss')).id);
    expect(ok.health).toMatchObject({ lastStatus: 'ok', itemsNew: 1 });
    expect(server.requests('/rss/gzip.rss')[0]['accept-encoding']).toContain('gzip');
    const big = await firstPoll((await addFeed('/rss/bomb.rss')).id);
    expect(big.health).toMatchObject({ lastStatus: 'error', lastError: 'Nội dung quá lớn (hơn 256 KB)' });
    expect(await mentionsOf('https://baoanhoa.example.vn/lon/')).toHaveLength(0);
  });

  it('a failing feed backs off exponentially, reports its error, and recovers', async () => {
    let failing = true;
    server.route('/rss/down.rss', (_req, res) => {
      if (failing) res.writeHead(500).end('lỗi');
      else res.writeHead(200, { 'content-type': RSS }).end(rss('Báo An Hòa', []));
    });
    const interval = 60;
    const feed = await firstPoll((await addFeed('/rss/down.rss', { intervalSeconds: interval })).id);
    const wait = (f: FeedBody) =>
      (Date.parse(f.health.nextPollAt!) - Date.parse(f.health.lastPolledAt!)) / 1000;
    expect(feed.health).toMatchObject({
      lastStatus: 'error',
      consecutiveFailures: 1,
      lastError: 'Máy chủ trả lỗi HTTP 500 (máy chủ của nguồn tin đang gặp sự cố)',
    });
    expect(wait(feed)).toBeGreaterThanOrEqual(interval - 1);
    expect(wait(feed)).toBeLessThanOrEqual(interval * 1.2 + 1);
    const second = await pollNow(feed.id);
    expect(second.health.consecutiveFailures).toBe(2);
    expect(wait(second)).toBeGreaterThanOrEqual(2 * interval - 1);
    expect(wait(second)).toBeLessThanOrEqual(2 * interval * 1.2 + 1);
    const third = await pollNow(feed.id);
    expect(third.health.consecutiveFailures).toBe(3);
    expect(wait(third)).toBeGreaterThanOrEqual(4 * interval - 1);
    // The durable timer is due then.
    const [job] = await t.dataSource.query(
      `SELECT due_at FROM scheduled_jobs WHERE key = $1 AND state = 'pending'`,
      [`feed:${feed.id}`],
    );
    expect(new Date(job.due_at).toISOString()).toBe(third.health.nextPollAt);

    failing = false;
    const recovered = await pollNow(feed.id);
    expect(recovered.health).toMatchObject({ lastStatus: 'ok', consecutiveFailures: 0 });
    expect(recovered.health.lastError).toBe(third.health.lastError);
    expect(wait(recovered)).toBeLessThanOrEqual(interval + 1);
  });

  it('a burst of negative articles from feeds opens an incident; a major-outlet feed counts as one', async () => {
    const burst = Array.from({ length: 40 }, (_, k) => ({
      guid: `https://tinnhanh.example.vn/ngap/${k}`,
      title: `Phố ${k} ngập úng nặng, người dân bức xúc`,
      link: `https://tinnhanh.example.vn/ngap/${k}`,
      description: 'Ngập sâu kéo dài, xe chết máy, bà con phản đối vì chậm khắc phục.',
      pubDate: new Date(Date.now() - 60_000 - k * 1000),
    }));
    // A topic watched for days (past the cold start): one quiet 5-minute bucket three days ago.
    await t.dataSource.query(
      `INSERT INTO topic_buckets (topic_id, bucket_start, bucket_seconds, volume)
       VALUES ($1, date_trunc('hour', now()) - interval '3 days', 300, 1)`,
      [floodTopic],
    );
    server.serve('/rss/burst.rss', rss('Tin nhanh', burst), RSS);
    const feed = await firstPoll((await addFeed('/rss/burst.rss', { outletName: 'Tin nhanh' })).id);
    expect(feed.health.itemsNew).toBe(40);
    const incidents = await t.dataSource.query(
      `SELECT i.id, i.status FROM incidents i JOIN incident_topics it ON it.incident_id = i.id WHERE it.topic_id = $1`,
      [floodTopic],
    );
    expect(incidents).toHaveLength(1);
    const detections = await t.dataSource.query(
      `SELECT rule, outcome FROM detections WHERE incident_id = $1`,
      [incidents[0].id],
    );
    expect(detections).toContainEqual({ rule: 'negative_spike', outcome: 'opened' });

    // One negative article from an outlet the unit's list does not name: a major outlet only through the feed's flag.
    const article = (site: string) => [
      {
        guid: `https://${site}/bai-1`,
        title: 'Khu tái định cư ngập úng, dân bức xúc',
        link: `https://${site}/bai-1`,
        pubDate: minutesAgo(1),
      },
    ];
    server.serve('/rss/major.rss', rss('Báo Nhân dân An Hòa', article('major.example.vn')), RSS);
    server.serve('/rss/minor.rss', rss('Trang tin phường', article('minor.example.vn')), RSS);
    const authorityIds = async () =>
      (
        await t.dataSource.query(
          `SELECT evidence->'trigger'->>'id' AS id FROM detections WHERE rule = 'high_authority_negative'
           UNION ALL SELECT unnest(mention_ids)::text FROM watch_signals WHERE rule = 'high_authority_negative'`,
        )
      ).map((r: { id: string }) => r.id);
    // The same article from an outlet that is not flagged: no authority finding at all.
    await firstPoll((await addFeed('/rss/minor.rss', { outletName: 'Trang tin phường' })).id);
    expect(await authorityIds()).toEqual([]);
    await firstPoll(
      (await addFeed('/rss/major.rss', { outletName: 'Báo Nhân dân An Hòa', majorOutlet: true })).id,
    );
    const [major] = await mentionsOf('https://major.example.vn/');
    expect(await authorityIds()).toEqual([major.id]);
  });

  it('belongs to the source’s unit: others get 404, observers 403; bad input names the field; changes are audited', async () => {
    server.serve('/rss/access.rss', rss('Báo An Hòa', []), RSS);
    const feed = await addFeed('/rss/access.rss');
    expect((await t.http().get(`/api/feeds/${feed.id}`).set(outsider.auth)).status).toBe(404);
    expect((await t.http().get('/api/feeds').set(outsider.auth)).body).toEqual([]);
    expect(
      (await t.http().patch(`/api/feeds/${feed.id}`).set(outsider.auth).send({ active: false })).status,
    ).toBe(404);
    expect((await t.http().get(`/api/feeds/${feed.id}`).set(observer.auth)).status).toBe(403);
    const listed = await t.http().get('/api/feeds').query({ sourceId }).set(analyst.auth);
    expect(listed.body.map((f: { id: string }) => f.id)).toContain(feed.id);

    const bad = await t.http().post('/api/feeds').set(analyst.auth).send({
      sourceId,
      url: 'ftp://baoanhoa.example.vn/rss',
      outletName: 'Báo An Hòa',
      outletType: 'online_news',
      intervalSeconds: 3600,
      extra: 1,
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['url', 'extra']));
    const other = await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({
        name: `Lắng nghe ${uid()}`,
        kind: 'social_listening',
        orgUnitId: unitId,
      });
    const wrongKind = await t
      .http()
      .post('/api/feeds')
      .set(analyst.auth)
      .send({
        sourceId: other.body.source.id,
        url: server.url('/rss/access.rss'),
        outletName: 'Báo An Hòa',
        outletType: 'online_news',
        intervalSeconds: 3600,
      });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.details[0].field).toBe('sourceId');

    const changed = await t
      .http()
      .patch(`/api/feeds/${feed.id}`)
      .set(analyst.auth)
      .send({ active: false, majorOutlet: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ active: false, majorOutlet: true, health: { nextPollAt: null } });
    expect(
      await t.dataSource.query(`SELECT 1 FROM scheduled_jobs WHERE key = $1 AND state = 'pending'`, [
        `feed:${feed.id}`,
      ]),
    ).toHaveLength(0);
    expect((await t.http().delete(`/api/feeds/${feed.id}`).set(analyst.auth)).status).toBe(204);
    expect((await t.http().get(`/api/feeds/${feed.id}`).set(analyst.auth)).status).toBe(404);
    const actions = await t.dataSource.query(
      `SELECT action, actor_user_id FROM audit_log WHERE entity_type = 'feed' AND entity_id = $1 ORDER BY occurred_at`,
      [feed.id],
    );
    expect(actions).toEqual([
      { action: 'feed.created', actor_user_id: analyst.user.id },
      { action: 'feed.updated', actor_user_id: analyst.user.id },
      { action: 'feed.deleted', actor_user_id: analyst.user.id },
    ]);
  });
});

describe(`${FeedPoller.name}: a poll due while the service is down`, () => {
  it('runs after the next start', async () => {
    const server = await startFeedServer();
    const database = await createTestDatabase();
    const item = (n: number) => ({
      guid: `https://baoanhoa.example.vn/khoi-dong/${n}`,
      title: `Tin số ${n} về mùa lũ`,
      link: `https://baoanhoa.example.vn/khoi-dong/${n}`,
      pubDate: new Date(Date.now() - 60_000),
    });
    server.serve('/rss/restart.rss', rss('Báo An Hòa', [item(1)]), RSS);
    const stored = async (t: TestApp) =>
      Number(
        (
          await t.dataSource.query(`SELECT count(*) AS n FROM mentions WHERE url LIKE $1`, [
            'https://baoanhoa.example.vn/khoi-dong/%',
          ])
        )[0].n,
      );
    const until = async (what: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await what()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await what()).toBe(true);
    };
    try {
      const first = await createTestApp(feedConfig, { database });
      const admin = await first.createUser({ roles: [Role.Admin] });
      const source = await first
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: 'Báo chí (RSS)', kind: 'feed' });
      const feed = await first
        .http()
        .post('/api/feeds')
        .set(admin.auth)
        .send({
          sourceId: source.body.source.id,
          url: server.url('/rss/restart.rss'),
          outletName: 'Báo An Hòa',
          outletType: 'print',
          intervalSeconds: 2,
        });
      expect(feed.status).toBe(201);
      await until(async () => (await stored(first)) === 1);
      await first.close();

      // While the service is down the feed publishes, and its next poll falls due.
      server.serve('/rss/restart.rss', rss('Báo An Hòa', [item(1), item(2)]), RSS);
      const polledBefore = server.requests('/rss/restart.rss').length;
      await new Promise((r) => setTimeout(r, 2500));
      expect(server.requests('/rss/restart.rss')).toHaveLength(polledBefore);

      const second = await createTestApp(feedConfig, { database });
      try {
        await until(async () => (await stored(second)) === 2);
        expect(server.requests('/rss/restart.rss').length).toBeGreaterThan(polledBefore);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
      await server.close();
    }
  }, 60_000);
});
