import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Role } from '../src/auth/role.js';
import { durationVi } from '../src/reports/response-metrics.js';
import { pdfText, renderPdfPage } from './support/pdf.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';

const ARTIFACTS = path.resolve('test-artifacts/reports');

describe('Review and periodic reports (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  const detectedAt = new Date(Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000);
  const firstSignalAt = new Date(detectedAt.getTime() - 3 * 3600_000);
  let mentions = 0;
  let version: { number: number; sha256: string };
  const year = String(new Date().getUTCFullYear());

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t, {
      category: 'public_health',
      severity: 'L2',
      detectedAt: detectedAt.toISOString(),
    });
    const uid = () => randomBytes(5).toString('hex');
    // A watchlist topic, its mentions through the ingestion API (steady, then a negative spike), the incident
    // linked to the topic and the mentions as its evidence, as detection does.
    const source = await t
      .http()
      .post('/api/signal-sources')
      .set(team.admin.auth)
      .send({ name: `Nguồn ${uid()}`, kind: 'social_listening', orgUnitId: team.unitId });
    const topic = await t
      .http()
      .post('/api/topics')
      .set(team.admin.auth)
      .send({ orgUnitId: team.unitId, name: `Ngộ độc thực phẩm ${uid()}`, anyTerms: ['ngộ độc'] });
    expect(topic.status).toBe(201);
    const items = [];
    for (let m = 0; m < 300; m += 6) {
      const at = new Date(firstSignalAt.getTime() + m * 60_000);
      const spike = m >= 150;
      items.push({
        externalId: `r-${uid()}`,
        sourceType: 'social',
        platform: 'facebook',
        outlet: spike ? 'Nhóm Phụ huynh An Hòa' : 'Báo An Hòa điện tử',
        url: `https://example.vn/${uid()}`,
        text: `Học sinh nghi ngộ độc sau bữa ăn bán trú (${m})`,
        publishedAt: at.toISOString(),
        reach: 1000 + m,
        sentiment: spike && m % 12 !== 0 ? 'negative' : 'neutral',
      });
    }
    const ingest = await t
      .http()
      .post('/api/signals')
      .set(team.admin.auth)
      .send({ sourceId: source.body.source.id, items });
    expect(ingest.body.accepted).toBe(items.length);
    mentions = items.length;
    await t.dataSource.query(`INSERT INTO incident_topics (incident_id, topic_id) VALUES ($1, $2)`, [
      team.incidentId,
      topic.body.id,
    ]);
    await t.dataSource.query(
      `INSERT INTO incident_mentions (incident_id, mention_id) SELECT $1, mention_id FROM mention_topics WHERE topic_id = $2`,
      [team.incidentId, topic.body.id],
    );

    // The holding statement through the real chain: draft, submit, legal + team leader, approving leader, publish.
    const draft = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({
        type: 'holding_statement',
        title: 'Thông tin ban đầu về vụ học sinh nghi ngộ độc thực phẩm',
        body: 'Sở Y tế đã nắm được thông tin và đang khẩn trương xác minh.',
      });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    const submitted = await t.http().post(`/api/statements/${id}/submit`).set(team.drafters[0].auth).send({});
    version = submitted.body.version;
    for (const who of [team.legal, team.teamLeader, team.approver]) {
      const res = await t
        .http()
        .post(`/api/statements/${id}/versions/${version.number}/decisions`)
        .set(who.auth)
        .send({ decision: 'approve', password: who.password, sha256: version.sha256 });
      expect(res.body).toMatchObject({ decision: { decision: 'approve' } });
    }
    const published = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({
        versionNumber: version.number,
        sha256: version.sha256,
        channel: 'portal',
        url: 'https://syt.anhoa.gov.vn/tb-1',
      });
    expect(published.status).toBe(201);
    await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.teamLeader.auth)
      .send({})
      .expect(409); // not active yet: the review is written once the response runs
    await t
      .http()
      .post(`/api/incidents/${team.incidentId}/transitions`)
      .set(team.teamLeader.auth)
      .send({ to: 'active' });
    const review = await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.teamLeader.auth)
      .send({
        wentWell: 'Thông tin ban đầu được công bố trong ngày.',
        wentPoorly: 'Chưa có sẵn mẫu thông báo cho phụ huynh.',
        lessons: 'Chuẩn bị sẵn mẫu thông tin ban đầu cho sự cố an toàn thực phẩm trường học.',
        actionItems: [
          { title: 'Soạn mẫu thông báo phụ huynh', ownerName: 'Lê Văn Tổ Trưởng', dueDate: '2027-01-10' },
        ],
      });
    expect(review.status).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  const timeline = async () =>
    (await t.http().get(`/api/incidents/${team.incidentId}/events?after=0&limit=500`).set(team.admin.auth))
      .body.items as {
      type: string;
      occurredAt: string;
      payload: Record<string, unknown>;
    }[];

  it('computes the review report from the timeline: response times, approvals, publications with hashes, spread', async () => {
    const res = await t.http().get(`/api/incidents/${team.incidentId}/report`).set(team.reader.auth);
    expect(res.status).toBe(200);
    const r = res.body;
    const events = await timeline();
    const at = (type: string) => new Date(events.find((e) => e.type === type)!.occurredAt).getTime();
    const publishedAt = new Date(
      events.find((e) => e.type === 'statement.published')!.payload.publishedAt as string,
    );
    const metric = (key: string) => r.metrics.find((m: { key: string }) => m.key === key);

    expect(metric('detect').seconds).toBe(3 * 3600);
    expect(metric('openRoom').seconds).toBe(
      Math.round((at('incident.opened') - detectedAt.getTime()) / 1000),
    );
    expect(metric('holdingStatement').seconds).toBe(
      Math.round((publishedAt.getTime() - detectedAt.getTime()) / 1000),
    );
    expect(metric('holdingStatement').deadline).toMatchObject({ key: 'initial_information', met: true });
    expect(metric('firstApproval').seconds).toBe(
      Math.round((at('statement.approved') - detectedAt.getTime()) / 1000),
    );
    expect(metric('assemble').seconds).toBeNull(); // the group was written by hand: never "assembled"

    expect(r.approvals).toMatchObject({ versions: 1, rejections: 0, changesRequested: 0 });
    expect(
      r.approvals.stages.map((s: { stageKey: string; outcome: string }) => `${s.stageKey}:${s.outcome}`),
    ).toEqual(['legal_review:approved', 'team_leader:approved', 'leader_approval:approved']);
    expect(r.approvals.decisions.map((d: { decidedBy: string }) => d.decidedBy)).toEqual([
      team.legal.person.fullName,
      team.teamLeader.person.fullName,
      team.approver.person.fullName,
    ]);
    expect(r.actions.publications).toEqual([
      expect.objectContaining({
        type: 'holding_statement',
        sha256: version.sha256,
        url: 'https://syt.anhoa.gov.vn/tb-1',
      }),
    ]);
    expect(r.spread).toMatchObject({ source: 'topics', totalMentions: mentions, evidenceMentions: mentions });
    expect(r.spread.firstSignalAt).toBe(firstSignalAt.toISOString());
    expect(r.spread.series.reduce((n: number, b: { volume: number }) => n + b.volume, 0)).toBe(mentions);
    expect(r.spread.markers).toHaveLength(1);
    expect(r.team.length).toBeGreaterThanOrEqual(6);
    expect(r.review).toMatchObject({
      status: 'draft',
      actionItems: [expect.objectContaining({ ownerName: 'Lê Văn Tổ Trưởng' })],
    });

    // Not visible, not found; unknown query fields refused.
    const outsider = await t.createUser({ roles: [Role.Leader] });
    expect((await t.http().get(`/api/incidents/${team.incidentId}/report`).set(outsider.auth)).status).toBe(
      404,
    );
    const bad = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/report`)
      .query({ format: 'xlsx' })
      .set(team.reader.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('format');
  });

  it('exports Markdown and HTML with the administrative structure and the chart', async () => {
    const md = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/report`)
      .query({ format: 'md' })
      .set(team.reader.auth);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    for (const heading of [
      '# BÁO CÁO',
      '## 1. Thông tin chung',
      '## 3. Nguồn gốc và mức độ lan truyền',
      '## 7. Việc tuân thủ thời hạn',
      '## 9. Bài học kinh nghiệm',
    ]) {
      expect(md.text).toContain(heading);
    }
    expect(md.text).toContain('data:image/svg+xml;base64,');
    expect(md.text).toContain(version.sha256);
    const html = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/report`)
      .query({ format: 'html' })
      .set(team.reader.auth);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html.text).toMatch(/<svg[^>]+role="img"/);
    expect(html.text).toContain('Chuẩn bị sẵn mẫu thông tin ban đầu');
  });

  it('exports an official-looking PDF in Vietnamese: the text extracts with its diacritics, pages render', async () => {
    const res = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/report`)
      .query({ format: 'pdf' })
      .set(team.reader.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const report = (await t.http().get(`/api/incidents/${team.incidentId}/report`).set(team.reader.auth))
      .body;
    const holding = report.metrics.find((m: { key: string }) => m.key === 'holdingStatement');
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Kết quả xử lý sự cố truyền thông',
      'Thông tin sai lệch về ngộ độc thực phẩm tại trường học',
      'Cung cấp thông tin ban đầu',
      durationVi(holding.seconds),
      'Đúng hạn',
      'Bài học kinh nghiệm',
      'TỔ TRƯỞNG TỔ CÔNG TÁC',
      'Số tin (trục trái)',
      version.sha256.slice(0, 16),
    ]) {
      expect(text).toContain(s);
    }
    const first = await renderPdfPage(pdf, 1, path.join(ARTIFACTS, 'review-page-1.png'));
    expect(first.width).toBeGreaterThan(800);
    expect(first.inkShare).toBeGreaterThan(0.01);
    const chartPage = await renderPdfPage(pdf, 2, path.join(ARTIFACTS, 'review-page-2.png'));
    expect(chartPage.inkShare).toBeGreaterThan(0.01);
  });

  it('produces the periodic report of the unit for the year, in every format, for those allowed', async () => {
    const q = { orgUnitId: team.unitId, from: `${year}-01-01`, to: `${year}-12-31` };
    const res = await t.http().get('/api/reports/periodic').query(q).set(team.approver.auth);
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({ incidents: 1, dismissed: 0 });
    expect(res.body.byCategory).toEqual([
      expect.objectContaining({
        category: 'public_health',
        total: 1,
        bySeverity: expect.objectContaining({ L2: 1 }),
      }),
    ]);
    expect(res.body.statements).toEqual({
      published: 1,
      byType: [{ type: 'holding_statement', label: 'Thông tin ban đầu', count: 1 }],
    });
    const holding = res.body.metrics.find((m: { key: string }) => m.key === 'holdingStatement');
    expect(holding.incidents).toBe(1);
    expect(res.body.deadlineCompliance).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'initial_information', met: 1, missed: 0 })]),
    );

    const pdf = await t
      .http()
      .get('/api/reports/periodic')
      .query({ ...q, format: 'pdf' })
      .set(team.approver.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const { text } = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Công tác xử lý sự cố, khủng hoảng truyền thông từ ngày');
    expect(text).toContain('Thay đổi danh sách người phát ngôn');
    await renderPdfPage(pdf.body as Buffer, 1, path.join(ARTIFACTS, 'periodic-page-1.png'));
    const md = await t
      .http()
      .get('/api/reports/periodic')
      .query({ ...q, format: 'md' })
      .set(team.approver.auth);
    expect(md.text).toContain('## II. Phân loại sự cố theo loại và mức độ');

    const backwards = await t
      .http()
      .get('/api/reports/periodic')
      .query({ ...q, from: `${year}-12-31`, to: `${year}-01-01` })
      .set(team.approver.auth);
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0].field).toBe('from');
    const missing = await t
      .http()
      .get('/api/reports/periodic')
      .query({ from: q.from, to: q.to })
      .set(team.approver.auth);
    expect(missing.body.details[0].field).toBe('orgUnitId');
    const outsider = await t.createUser({ roles: [Role.Leader] });
    expect((await t.http().get('/api/reports/periodic').query(q).set(outsider.auth)).status).toBe(403);
  });
});
