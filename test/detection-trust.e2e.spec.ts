import { Role } from '../src/auth/role.js';
import { DEFAULT_THRESHOLDS } from '../src/detection/detection-rules.js';
import { WatchListService } from '../src/detection/watch-list.service.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { mentionStream, postSignals } from './support/signal-stream.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

const BUCKET_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * Detection that press officers can trust, through the real HTTP API and PostgreSQL: each rule shape on its own
 * topic, the watch list (live, open with evidence carried over, dismiss with a reason), quiet rooms and the
 * precision and suggested threshold learnt from false-alarm labels. The streams sit two days in the past (the
 * unit's evaluation horizon is widened to reach them), so that stream time can run for hours.
 */
describe(`${WatchListService.name} and the trusted rules (e2e)`, () => {
  let t: TestApp;
  let admin: TestUser;
  let analyst: TestUser;
  let leader: TestUser;
  let officer: TestUser;
  let outsider: TestUser;
  let sourceId: string;
  let unitId: string;
  const topics: Record<string, string> = {};
  const T0 = Math.floor((Date.now() - 2 * 24 * HOUR_MS) / BUCKET_MS) * BUCKET_MS;

  const { uid, item } = mentionStream('trust', 13);
  const ingest = async (items: unknown[]) => {
    for (const body of await postSignals(t, analyst, sourceId, items)) expect(body.rejected).toEqual([]);
  };
  /** A day of steady chatter (8 per bucket, 15 % negative) ending at `until`. */
  const background = (term: string, until: number, hours = 26) => {
    const out: unknown[] = [];
    for (let b = until - hours * HOUR_MS; b < until; b += BUCKET_MS)
      for (let k = 0; k < 8; k++) out.push(item(term, b + k * 30_000));
    return out;
  };
  const burst = (term: string, at: number, n: number, sentiment: (k: number) => string, over = {}) =>
    Array.from({ length: n }, (_, k) =>
      item(term, at + Math.floor((k * (BUCKET_MS - 1000)) / n), { sentiment: sentiment(k), ...over }),
    );
  const incidentsOf = (topicId: string) =>
    t.dataSource.query(
      `SELECT i.* FROM incidents i JOIN incident_topics it ON it.incident_id = i.id WHERE it.topic_id = $1 ORDER BY i.created_at`,
      [topicId],
    );
  const detectionsOf = (topicId: string) =>
    t.dataSource.query(`SELECT * FROM detections WHERE topic_id = $1 ORDER BY window_end, rule`, [topicId]);
  const watchOf = async (user: TestUser, topicId: string) => {
    const res = await t.http().get('/api/watch-signals').query({ topicId }).set(user.auth);
    expect(res.status).toBe(200);
    return res.body as {
      items: {
        id: string;
        title: string;
        summary: string;
        evidence: { topMentions: unknown[] } & Record<string, unknown>;
      }[];
      total: number;
    };
  };
  const plain = (s: string) => {
    expect(s).not.toMatch(/z ?=|mức nền|\(0\)|_/);
    expect(s).not.toMatch(/negative_|volume_spike|authority/);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const province = await makeOrgUnit(t.dataSource, { name: 'Tỉnh An Hòa', unitType: 'province' as never });
    unitId = (await makeOrgUnit(t.dataSource, { name: 'Sở Văn hóa', parentId: province.id })).id;
    const otherUnit = (await makeOrgUnit(t.dataSource, { name: 'Sở Tư pháp', parentId: province.id })).id;
    admin = await t.createUser({ roles: [Role.Admin] });
    // The province's monitoring analyst: topics and signals of every unit below the province are in scope.
    analyst = await t.createUser({
      roles: [Role.Analyst],
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    leader = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, unitId)).id,
    });
    officer = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, unitId)).id,
    });
    outsider = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, otherUnit)).id,
    });
    const source = await t.http().post('/api/signal-sources').set(admin.auth).send({
      name: 'Hệ thống lắng nghe mạng xã hội tỉnh',
      kind: 'social_listening',
      orgUnitId: province.id,
    });
    sourceId = source.body.source.id;
    for (const [key, term] of [
      ['spike', 'le hoi hoa'],
      ['praise', 'le hoi den long'],
      ['slow', 'phi gui xe'],
      ['authority', 'cap nuoc'],
      ['quiet', 'gia ve tham quan'],
      ['thread', 'phi ve sinh'],
      ['cold', 'lua dao qua mang'],
      ['outlets', 'nuoc sach'],
      ['regulars', 'thoat nuoc'],
    ]) {
      const res = await t
        .http()
        .post('/api/topics')
        .set(analyst.auth)
        .send({ orgUnitId: unitId, name: `Chủ đề ${term}`, category: 'policy_backlash', anyTerms: [term] });
      expect(res.status).toBe(201);
      topics[key] = res.body.id;
    }
    // The streams sit in the past: the unit evaluates four days back (live, one day is the default).
    const res = await t
      .http()
      .put(`/api/detection-settings/${unitId}`)
      .set(admin.auth)
      .send({ evaluationHorizonHours: 96 });
    expect(res.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('a negative spike opens a room within one bucket, explained in plain words', async () => {
    const at = T0 + 26 * HOUR_MS;
    await ingest(background('le hoi hoa', at));
    expect(await incidentsOf(topics.spike)).toEqual([]);
    await ingest(burst('le hoi hoa', at, 200, (k) => (k % 5 === 0 ? 'neutral' : 'negative')));
    const incidents = await incidentsOf(topics.spike);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].title).toBe('Ý kiến tiêu cực tăng đột biến về «Chủ đề le hoi hoa»');
    plain(incidents[0].summary);
    const [spike] = (await detectionsOf(topics.spike)).filter(
      (d: { rule: string }) => d.rule === 'negative_spike',
    );
    expect(spike).toMatchObject({ outcome: 'opened', incident_id: incidents[0].id });
    expect(new Date(spike.window_end).getTime()).toBe(at + BUCKET_MS);
    expect(spike.evidence.summary).toMatch(
      /^160 đề cập tiêu cực về «Chủ đề le hoi hoa» trong 5 phút \(80% trong 200 đề cập\)/,
    );
    // The statistics stay in the evidence for those who open it.
    expect(spike.evidence.zScore).toBeGreaterThan(DEFAULT_THRESHOLDS.negativeSpikeZ);
    expect(spike.evidence.baseline.mean).toBeGreaterThan(0.5);
    expect(spike.evidence.topMentions[0].sentiment).toBe('negative');
  }, 120_000);

  it('a burst of praise goes to the watch list, live to the unit, and never opens a room', async () => {
    const client = await RoomClient.connect(t.url, leader.accessToken);
    const foreign = await RoomClient.connect(t.url, outsider.accessToken);
    try {
      const at = T0 + 26 * HOUR_MS;
      await ingest(background('le hoi den long', at));
      await ingest(burst('le hoi den long', at, 300, (k) => (k % 10 === 0 ? 'negative' : 'positive')));
      expect(await incidentsOf(topics.praise)).toEqual([]);
      const list = await watchOf(leader, topics.praise);
      expect(list.items).toHaveLength(1);
      const [signal] = list.items;
      expect(signal).toMatchObject({
        rule: 'volume_spike',
        ruleLabel: 'Lượng thảo luận tăng đột biến (chủ yếu không tiêu cực)',
        status: 'pending',
        topicName: 'Chủ đề le hoi den long',
      });
      expect(signal.summary).toMatch(
        /^300 đề cập về «Chủ đề le hoi den long» trong 5 phút, gấp khoảng \d+ lần bình thường/,
      );
      plain(signal.summary);
      const pushes = () =>
        client.notifications.filter((n) => (n as { type: string }).type === 'detection.watch_signal');
      for (let i = 0; i < 100 && pushes().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(pushes()).toHaveLength(1);
      const pushed = client.notifications.find(
        (n) => (n as { type: string }).type === 'detection.watch_signal',
      )!;
      expect((pushed as unknown as { data: { watchSignal: { id: string } } }).data.watchSignal.id).toBe(
        signal.id,
      );
      // Another unit's officer neither sees nor receives it.
      expect((await watchOf(outsider, topics.praise)).items).toEqual([]);
      expect(
        foreign.notifications.filter((n) => (n as { type: string }).type === 'detection.watch_signal'),
      ).toEqual([]);
    } finally {
      client.close();
      foreign.close();
    }
  }, 120_000);

  it('an officer opens an incident from a watch signal in one action, with its evidence carried over', async () => {
    const [signal] = (await watchOf(officer, topics.praise)).items;
    const denied = await t.http().post(`/api/watch-signals/${signal.id}/open`).set(outsider.auth);
    expect(denied.status).toBe(404);
    const res = await t.http().post(`/api/watch-signals/${signal.id}/open`).set(officer.auth);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ attached: false, watchSignal: { status: 'opened' } });
    const { incidentId } = res.body;
    const detail = await t.http().get(`/api/incidents/${incidentId}`).set(leader.auth);
    expect(detail.body).toMatchObject({ title: signal.title, status: 'detected', origin: 'detection' });
    expect(detail.body.topics).toEqual([expect.objectContaining({ id: topics.praise })]);
    expect(detail.body.mentionCount).toBe(signal.evidence.topMentions.length);
    const [detection] = await t.dataSource.query(`SELECT * FROM detections WHERE incident_id = $1`, [
      incidentId,
    ]);
    expect(detection).toMatchObject({
      rule: 'volume_spike',
      outcome: 'opened',
      declared_by_user_id: officer.user.id,
    });
    expect(detection.evidence).toMatchObject({ ...signal.evidence, watchSignalId: signal.id });
    const events = await t.http().get(`/api/incidents/${incidentId}/events`).set(leader.auth);
    const types = events.body.items.map((e: { type: string }) => e.type);
    expect(types.slice(0, 2)).toEqual(['incident.opened', 'detection.recorded']);
    expect(events.body.items[1].payload).toMatchObject({ watchSignalId: signal.id, topicId: topics.praise });
    const again = await t.http().post(`/api/watch-signals/${signal.id}/open`).set(officer.auth);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Tín hiệu này đã được mở thành sự cố');
  });

  /** Five hours from `rise`: the usual chatter plus h + 1 negative mentions per bucket in hour h, by `author`. */
  const risingNegativity = (term: string, rise: number, author: (k: number) => string) => {
    const hours: unknown[][] = [];
    for (let h = 0; h < 5; h++) {
      const hour: unknown[] = [];
      for (let b = rise + h * HOUR_MS; b < rise + (h + 1) * HOUR_MS; b += BUCKET_MS) {
        for (let k = 0; k < 8; k++) hour.push(item(term, b + k * 30_000));
        for (let k = 0; k < h + 1; k++)
          hour.push(item(term, b + 20_000 + k * 10_000, { sentiment: 'negative', outlet: author(k) }));
      }
      hours.push(hour);
    }
    return hours;
  };

  it('a slow burn spreading to new voices opens a room within three hours of the rise, explained in plain words', async () => {
    const rise = T0 + 26 * HOUR_MS;
    await ingest(background('phi gui xe', rise));
    // Two in three of the critical posts come from people who had not talked about the topic before.
    for (const hour of risingNegativity('phi gui xe', rise, (k) =>
      k % 3 === 2 ? `Nhóm cư dân ${k}` : `Người dân ${uid()}`,
    ))
      await ingest(hour);
    const [incident] = await incidentsOf(topics.slow);
    expect(incident).toBeDefined();
    const [trend] = (await detectionsOf(topics.slow)).filter(
      (d: { outcome: string }) => d.outcome === 'opened',
    );
    expect(trend.rule).toBe('negative_trend');
    expect(new Date(trend.window_end).getTime() - rise).toBeLessThanOrEqual(3 * HOUR_MS);
    expect(incident.title).toBe('Ý kiến tiêu cực về «Chủ đề phi gui xe» tăng dần trong nhiều giờ');
    expect(trend.evidence.summary).toMatch(
      /^Ý kiến tiêu cực về «Chủ đề phi gui xe» đang lan sang nhiều người mới: trong \d giờ qua \d+ người, trang chưa từng nhắc đến chủ đề này đã lên tiếng phê phán, và vẫn đang tăng \(\d+ đề cập tiêu cực từ \d+ người, trang; \d+% tổng số đề cập\); cùng khung giờ những ngày trước (thường chỉ khoảng \d+ người mới|gần như không có người mới)$/,
    );
    plain(trend.evidence.summary);
    // The statistics stay in the evidence object.
    const stats = trend.evidence.trend;
    expect(stats.newAuthors).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.trendMinAuthors);
    expect(stats.newAuthors).toBeGreaterThan(stats.expectedNewAuthors);
    expect(stats.significance).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.trendSignificance);
    expect(stats.baselineDays).toBe(1);
    expect(stats.hourly.length).toBe(stats.windowHours);
    expect(stats.hourly.every((h: { newAuthors: number }) => h.newAuthors > 0)).toBe(true);
  }, 180_000);

  it('a few regulars trading the same complaints for hours open nothing: they are not new voices', async () => {
    const rise = T0 + 26 * HOUR_MS;
    await ingest(background('phi ve sinh', rise));
    // The same negative volume as the slow burn above, from three of the topic's usual groups.
    for (const hour of risingNegativity('phi ve sinh', rise, (k) => `Nhóm cư dân ${k % 3}`))
      await ingest(hour);
    expect(await incidentsOf(topics.thread)).toEqual([]);
    expect((await detectionsOf(topics.thread)).map((d: { rule: string }) => d.rule)).not.toContain(
      'negative_trend',
    );
  }, 180_000);

  it('a topic without history puts negative findings on the watch list; an overwhelming spike still opens', async () => {
    // A new topic whose ordinary talk is mostly critical (online fraud): two hours, 70 % negative.
    const start = T0 + 20 * HOUR_MS;
    const stream: unknown[] = [];
    for (let b = start; b < start + 2 * HOUR_MS; b += BUCKET_MS)
      for (let k = 0; k < 10; k++)
        stream.push(item('lua dao qua mang', b + k * 25_000, { sentiment: k < 7 ? 'negative' : 'neutral' }));
    await ingest(stream);
    expect(await incidentsOf(topics.cold)).toEqual([]);
    const held = (await watchOf(leader, topics.cold)).items;
    expect(held.map((w) => (w as unknown as { rule: string }).rule)).toEqual(['negative_share']);
    expect(held[0].summary).toMatch(
      /Chủ đề mới được theo dõi \d giờ, chưa đủ để biết mức bình thường: đưa vào danh sách theo dõi, chưa mở phòng/,
    );
    expect(held[0].evidence.coldStart).toEqual({
      historyHours: expect.any(Number),
      coldStartHours: DEFAULT_THRESHOLDS.coldStartHours,
    });
    plain(held[0].summary);
    // One bucket with more negative mentions than coldStartOpenCount: not a matter of the usual level.
    const at = start + 2 * HOUR_MS;
    await ingest(burst('lua dao qua mang', at, 150, () => 'negative'));
    const [incident] = await incidentsOf(topics.cold);
    expect(incident).toBeDefined();
    const opened = (await detectionsOf(topics.cold)).filter(
      (d: { outcome: string }) => d.outcome === 'opened',
    );
    expect(opened.map((d: { rule: string }) => d.rule)).toContain('negative_spike');
    expect(opened.every((d: { evidence: { coldStart?: unknown } }) => !d.evidence.coldStart)).toBe(true);
  }, 120_000);

  it('a topic’s watch signal of one rule gathers later findings instead of new rows', async () => {
    const at = T0 + 26 * HOUR_MS;
    await ingest(background('nuoc sach', at));
    const articles = ['VnExpress', 'Tuổi Trẻ', 'Thanh Niên'].map((outlet, k) =>
      item('nuoc sach', at + k * HOUR_MS + 60_000, {
        sourceType: 'online_news',
        platform: 'news',
        outlet,
        url: `https://bao.example/nuoc-sach-${uid()}`,
        sentiment: 'negative',
        reach: 300_000,
      }),
    );
    for (const a of articles) await ingest([a]);
    const { items } = await watchOf(leader, topics.outlets);
    expect(items).toHaveLength(1);
    const [signal] = items;
    expect(signal.summary).toBe(
      'Một bài tiêu cực về «Chủ đề nuoc sach» trên VnExpress; chưa thấy nơi khác đưa lại: cần theo dõi. ' +
        'Sau đó lặp lại 2 lần; lần gần nhất: Một bài tiêu cực về «Chủ đề nuoc sach» trên Thanh Niên; chưa thấy nơi khác đưa lại: cần theo dõi',
    );
    const gathered = signal.evidence.gathered as { count: number; items: { outlet: string }[] };
    expect(gathered.count).toBe(3);
    expect(gathered.items.map((x) => x.outlet)).toEqual(['Tuổi Trẻ', 'Thanh Niên']);
    // A decided signal gathers nothing more: the next article starts a new one.
    const dismissed = await t
      .http()
      .post(`/api/watch-signals/${signal.id}/dismiss`)
      .set(leader.auth)
      .send({ reason: 'not_relevant' });
    expect(dismissed.status).toBe(201);
    await ingest([
      item('nuoc sach', at + 3 * HOUR_MS + 60_000, {
        sourceType: 'online_news',
        platform: 'news',
        outlet: 'Dân trí',
        url: `https://bao.example/nuoc-sach-${uid()}`,
        sentiment: 'negative',
        reach: 300_000,
      }),
    ]);
    const after = await watchOf(leader, topics.outlets);
    expect(after.items.map((w) => w.summary)).toContain(
      'Một bài tiêu cực về «Chủ đề nuoc sach» trên Dân trí; chưa thấy nơi khác đưa lại: cần theo dõi',
    );
    expect(after.total).toBe(2);
  }, 120_000);

  it('one major outlet’s negative article is a watch signal; pick-up by new voices opens a room', async () => {
    const at = T0 + 26 * HOUR_MS;
    await ingest(background('cap nuoc', at));
    const article = item('cap nuoc', at + 60_000, {
      sourceType: 'online_news',
      platform: 'vnexpress.net',
      outlet: 'VnExpress',
      url: `https://vnexpress.net/cap-nuoc-${uid()}`,
      sentiment: 'negative',
      reach: 400_000,
    });
    await ingest([article]);
    expect(await incidentsOf(topics.authority)).toEqual([]);
    const [signal] = (await watchOf(leader, topics.authority)).items;
    expect(signal).toMatchObject({ rule: 'high_authority_negative', status: 'pending' });
    expect(signal.summary).toBe(
      'Một bài tiêu cực về «Chủ đề cap nuoc» trên VnExpress; chưa thấy nơi khác đưa lại: cần theo dõi',
    );
    // Within the hour, other pages that had never posted on the topic take it up.
    const pickup: unknown[] = [];
    for (let k = 0; k < 30; k++)
      pickup.push(
        item('cap nuoc', at + 5 * 60_000 + k * 60_000, {
          outlet: `Trang tin ${k % 7}`,
          sentiment: 'negative',
        }),
      );
    await ingest(pickup);
    const [incident] = await incidentsOf(topics.authority);
    expect(incident).toBeDefined();
    const rules = (await detectionsOf(topics.authority)).map((d: { rule: string }) => d.rule);
    expect(rules).toContain('authority_traction');
    const traction = (await detectionsOf(topics.authority)).find(
      (d: { rule: string }) => d.rule === 'authority_traction',
    );
    expect(traction.evidence.pickup.outlets).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.tractionMinOutlets);
    expect(traction.evidence.pickup.newVoices).toBe(7);
    expect(traction.evidence.thresholds.tractionMinNewVoices).toBe(DEFAULT_THRESHOLDS.tractionMinNewVoices);
    expect(traction.evidence.summary).toContain(
      '7 trang, tài khoản trong số đó chưa từng nhắc đến chủ đề này',
    );
    expect(traction.evidence.trigger.outlet).toBe('VnExpress');
  }, 120_000);

  it('an article in the same hour as the regulars’ ordinary complaint thread stays on the watch list', async () => {
    const at = T0 + 26 * HOUR_MS;
    // A day of chatter by the topic's 13 resident groups: all of them are regulars.
    await ingest(background('thoat nuoc', at));
    await ingest([
      item('thoat nuoc', at + 60_000, {
        sourceType: 'online_news',
        platform: 'tuoitre.vn',
        outlet: 'Tuổi Trẻ',
        url: `https://tuoitre.vn/thoat-nuoc-${uid()}`,
        sentiment: 'negative',
        reach: 400_000,
      }),
    ]);
    // Four regulars trade 30 negative comments (and 15 replies) in the next half hour: as many negative
    // mentions, from as many other outlets and accounts, as the pick-up that opens a room above, but no new
    // voice among them.
    const thread: unknown[] = [];
    for (let k = 0; k < 45; k++)
      thread.push(
        item('thoat nuoc', at + 5 * 60_000 + k * 40_000, {
          outlet: `Nhóm cư dân ${k % 4}`,
          sentiment: k % 3 === 2 ? 'neutral' : 'negative',
        }),
      );
    await ingest(thread);
    expect(await incidentsOf(topics.regulars)).toEqual([]);
    const rules = (await detectionsOf(topics.regulars)).map((d: { rule: string }) => d.rule);
    expect(rules).not.toContain('authority_traction');
    const watch = await watchOf(leader, topics.regulars);
    expect(watch.items.map((w) => (w as unknown as { rule: string }).rule)).toContain(
      'high_authority_negative',
    );
    // The same thread with three new pages joining in: still short of the new voices the pick-up needs.
    const joined: unknown[] = [];
    for (let k = 0; k < DEFAULT_THRESHOLDS.tractionMinNewVoices - 1; k++)
      joined.push(
        item('thoat nuoc', at + 36 * 60_000 + k * 30_000, {
          outlet: `Trang mới ${k}`,
          sentiment: 'negative',
        }),
      );
    await ingest(joined);
    expect(await incidentsOf(topics.regulars)).toEqual([]);
    // One more new voice, and the article has traction.
    await ingest([item('thoat nuoc', at + 39 * 60_000, { outlet: 'Trang mới cuối', sentiment: 'negative' })]);
    const [incident] = await incidentsOf(topics.regulars);
    expect(incident).toBeDefined();
    const traction = (await detectionsOf(topics.regulars)).find(
      (d: { rule: string }) => d.rule === 'authority_traction',
    );
    expect(traction.evidence.pickup.newVoices).toBe(DEFAULT_THRESHOLDS.tractionMinNewVoices);
    expect(traction.evidence.trigger.outlet).toBe('Tuổi Trẻ');
  }, 120_000);

  it('a watch signal is dismissed with a reason; bad reasons are refused naming the field', async () => {
    const [signal] = (await watchOf(leader, topics.authority)).items;
    const bad = await t
      .http()
      .post(`/api/watch-signals/${signal.id}/dismiss`)
      .set(leader.auth)
      .send({ reason: 'boring', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'reason']);
    const res = await t
      .http()
      .post(`/api/watch-signals/${signal.id}/dismiss`)
      .set(leader.auth)
      .send({ reason: 'false_positive', note: 'Bài cũ, đã được cải chính' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'dismissed', dismissReasonLabel: 'Báo động nhầm' });
    const [label] = await t.dataSource.query(`SELECT * FROM detection_labels WHERE watch_signal_id = $1`, [
      signal.id,
    ]);
    expect(label).toMatchObject({ label: 'false_positive', topic_id: topics.authority });
    const twice = await t.http().post(`/api/watch-signals/${signal.id}/dismiss`).set(leader.auth).send({
      reason: 'other',
    });
    expect(twice.status).toBe(409);
    const pending = await t.http().get('/api/watch-signals').query({ status: 'pending' }).set(leader.auth);
    expect(pending.body.items.map((w: { id: string }) => w.id)).not.toContain(signal.id);
  });

  it('a room stays quiet: detections coalesce into one detection.attached per interval, with counts', async () => {
    const at = T0 + 26 * HOUR_MS;
    await ingest(background('gia ve tham quan', at));
    const negative = (k: number) => (k % 5 === 0 ? 'neutral' : 'negative');
    await ingest(burst('gia ve tham quan', at, 150, negative));
    const [incident] = await incidentsOf(topics.quiet);
    expect(incident).toBeDefined();
    // Three more bursts within the interval: recorded on the incident, no timeline event.
    for (const m of [10, 25, 40]) await ingest(burst('gia ve tham quan', at + m * 60_000, 150, negative));
    const types = async () =>
      (await t.http().get(`/api/incidents/${incident.id}/events`).set(leader.auth)).body.items.map(
        (e: { type: string }) => e.type,
      );
    expect((await types()).filter((x: string) => x === 'detection.attached')).toEqual([]);
    const quiet = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM detections WHERE incident_id = $1 AND outcome = 'attached'`,
      [incident.id],
    );
    expect(quiet[0].n).toBeGreaterThanOrEqual(3);
    // Past the interval (coalesceMinutes of stream time), one event carries them all.
    const next = at + (DEFAULT_THRESHOLDS.coalesceMinutes + 10) * 60_000;
    await ingest(burst('gia ve tham quan', next, 150, negative));
    const events = (await t.http().get(`/api/incidents/${incident.id}/events`).set(leader.auth)).body.items;
    const attached = events.filter((e: { type: string }) => e.type === 'detection.attached');
    expect(attached).toHaveLength(1);
    expect(attached[0].payload.counts.total).toBeGreaterThanOrEqual(quiet[0].n + 1);
    expect(attached[0].payload.strongest.summary).toEqual(expect.any(String));
    plain(attached[0].payload.strongest.summary);
    expect(events.filter((e: { type: string }) => e.type === 'incident.severity_changed')).toEqual([]);
  }, 120_000);

  it('a false-alarm dismissal lowers the topic’s precision and suggests the threshold that would have avoided it', async () => {
    const quality = async () => {
      const res = await t.http().get(`/api/detection-quality/topics/${topics.spike}`).set(analyst.auth);
      expect(res.status).toBe(200);
      return res.body;
    };
    const before = await quality();
    expect(before).toMatchObject({ roomsOpened: 1, falseAlarms: 0, precision: 1, suggestions: [] });
    const [incident] = await incidentsOf(topics.spike);
    const dismiss = await t.http().post(`/api/incidents/${incident.id}/transitions`).set(leader.auth).send({
      to: 'dismissed',
      reason: 'Báo động nhầm: bình luận của một nhóm anti-fan, không phải khủng hoảng',
    });
    expect(dismiss.status).toBe(201);
    const after = await quality();
    expect(after).toMatchObject({ roomsOpened: 1, falseAlarms: 1, precision: 0 });
    const [spike] = (await detectionsOf(topics.spike)).filter(
      (d: { rule: string }) => d.rule === 'negative_spike',
    );
    const suggestion = after.suggestions.find((s: { setting: string }) => s.setting === 'negativeSpikeZ');
    expect(suggestion).toMatchObject({
      rule: 'negative_spike',
      ruleLabel: 'Ý kiến tiêu cực tăng đột biến',
      current: DEFAULT_THRESHOLDS.negativeSpikeZ,
      avoids: 1,
      wouldMiss: 0,
    });
    // One half-step past the false alarm's z-score.
    expect(suggestion.suggested).toBe(Math.ceil((spike.evidence.zScore + 0.5) / 0.5) * 0.5);
    // Nothing changed by itself; an analyst applies it to the topic's unit.
    const effective = () => t.http().get(`/api/detection-settings/effective/${unitId}`).set(analyst.auth);
    expect((await effective()).body.thresholds.negativeSpikeZ).toBe(DEFAULT_THRESHOLDS.negativeSpikeZ);
    const officerApply = await t
      .http()
      .post(`/api/detection-quality/topics/${topics.spike}/apply`)
      .set(officer.auth)
      .send({ setting: 'negativeSpikeZ' });
    expect(officerApply.status).toBe(403);
    const apply = await t
      .http()
      .post(`/api/detection-quality/topics/${topics.spike}/apply`)
      .set(analyst.auth)
      .send({ setting: 'negativeSpikeZ' });
    expect(apply.status).toBe(201);
    expect((await effective()).body).toMatchObject({
      fromOrgUnitId: unitId,
      thresholds: { negativeSpikeZ: suggestion.suggested, evaluationHorizonHours: 96 },
    });
    const left = (await quality()).suggestions.map((s: { setting: string }) => s.setting);
    expect(left).not.toContain('negativeSpikeZ');
  });
});
