import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/auth/role.js';
import { makeOrgUnit, makePerson } from '../support/factories.js';
import { mentionStream, postSignals } from '../support/signal-stream.js';
import { createTestApp } from '../support/test-app.js';
import type { TestApp, TestUser } from '../support/test-app.js';
import {
  accessibilityProblems,
  ensureWebBuild,
  launchChromium,
  logIn,
  openPage,
  screenshot,
} from './support/browser.js';
import type { TrackedPage } from './support/browser.js';

const BUCKET_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The detection screens as a leader uses them: the watch list (live, dismiss with a reason, open an incident),
 * a topic's precision and suggested threshold (applied with one button), and the thresholds of a unit.
 */
describe('detection screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let leader: TestUser;
  let analyst: TestUser;
  let tab: TrackedPage;
  let unitId: string;
  let sourceId: string;
  const topics: Record<string, string> = {};
  const T0 = Math.floor((Date.now() - 2 * 24 * HOUR_MS) / BUCKET_MS) * BUCKET_MS;
  const { item } = mentionStream('ui', 11);
  const ingest = async (items: unknown[]) => {
    await postSignals(t, analyst, sourceId, items);
  };
  const day = (term: string, until: number) => {
    const out: unknown[] = [];
    for (let b = until - 26 * HOUR_MS; b < until; b += BUCKET_MS)
      for (let k = 0; k < 6; k++) out.push(item(term, b + k * 40_000));
    return out;
  };
  const burst = (term: string, at: number, n: number, negativeEvery: number, positive: boolean) =>
    Array.from({ length: n }, (_, k) =>
      item(term, at + Math.floor((k * (BUCKET_MS - 1000)) / n), {
        sentiment: k % negativeEvery === 0 ? 'negative' : positive ? 'positive' : 'neutral',
      }),
    );
  const shoot = async (page: Page, name: string) => {
    expect({ screen: name, problems: await accessibilityProblems(page) }).toEqual({
      screen: name,
      problems: [],
    });
    await screenshot(page, name);
  };

  beforeAll(async () => {
    ensureWebBuild();
    browser = await launchChromium();
    t = await createTestApp();
    const province = await makeOrgUnit(t.dataSource, { name: 'Tỉnh An Hòa', unitType: 'province' as never });
    unitId = (
      await makeOrgUnit(t.dataSource, { name: 'Sở Văn hóa, Thể thao và Du lịch', parentId: province.id })
    ).id;
    const admin = await t.createUser({ roles: [Role.Admin] });
    // The province's monitoring analyst: topics and signals of every unit below the province are in scope.
    analyst = await t.createUser({
      roles: [Role.Analyst],
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    leader = await t.createUser({
      roles: [Role.Leader],
      displayName: 'Lê Thị Hoa',
      personId: (await makePerson(t.dataSource, unitId)).id,
    });
    sourceId = (
      await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: 'Lắng nghe MXH An Hòa', kind: 'social_listening', orgUnitId: province.id })
    ).body.source.id;
    for (const [key, name, term] of [
      ['festival', 'Lễ hội đèn lồng', 'den long'],
      ['fees', 'Giá vé tham quan', 'gia ve'],
      ['parade', 'Diễu hành đường phố', 'dieu hanh'],
    ]) {
      topics[key] = (
        await t
          .http()
          .post('/api/topics')
          .set(analyst.auth)
          .send({ orgUnitId: unitId, name, category: 'policy_backlash', anyTerms: [term] })
      ).body.id;
    }
    await t
      .http()
      .put(`/api/detection-settings/${unitId}`)
      .set(admin.auth)
      .send({ evaluationHorizonHours: 96 });
    const at = T0 + 26 * HOUR_MS;
    // A festival everyone praises: a watch signal. A price complaint that opens a room, later a false alarm.
    await ingest([...day('den long', at), ...day('gia ve', at), ...day('dieu hanh', at)]);
    await ingest(burst('den long', at, 260, 10, true));
    await ingest(
      burst('gia ve', at, 120, 1, false).map((x, k) => ({ ...x, sentiment: k % 4 ? 'negative' : 'neutral' })),
    );
    const [incident] = await t.dataSource.query(
      `SELECT i.id FROM incidents i JOIN incident_topics it ON it.incident_id = i.id WHERE it.topic_id = $1`,
      [topics.fees],
    );
    await t
      .http()
      .post(`/api/incidents/${incident.id}/transitions`)
      .set(leader.auth)
      .send({ to: 'dismissed', reason: 'Báo động nhầm: một nhóm bình luận lặp lại' });
  }, 120_000);
  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
    await t?.close();
  });

  it('the watch list shows signals live; a leader dismisses one with a reason and opens another', async () => {
    tab = await openPage(browser);
    const { page } = tab;
    await logIn(page, t.url, leader, '/watch');
    await page.getByRole('heading', { name: 'Danh sách theo dõi' }).waitFor();
    const festival = page.locator('li.card', { hasText: 'Lễ hội đèn lồng' });
    await festival.waitFor();
    await expect(festival.textContent()).resolves.toContain('260 đề cập về «Lễ hội đèn lồng» trong 5 phút');

    // A new signal arrives while the page is open.
    await ingest(burst('dieu hanh', T0 + 26 * HOUR_MS, 220, 10, true));
    const parade = page.locator('li.card', { hasText: 'Diễu hành đường phố' });
    await parade.waitFor();
    await shoot(page, 'detection-watch-list');

    await parade.getByRole('button', { name: 'Bỏ qua' }).click();
    await parade.getByLabel('Không liên quan đến đơn vị').check();
    await parade.getByLabel('Ghi chú (không bắt buộc)').fill('Sự kiện của tỉnh bạn');
    await shoot(page, 'detection-watch-dismiss');
    await parade.getByRole('button', { name: 'Xác nhận bỏ qua' }).click();
    await parade.waitFor({ state: 'detached' });
    const [dismissed] = await t.dataSource.query(`SELECT * FROM watch_signals WHERE topic_id = $1`, [
      topics.parade,
    ]);
    expect(dismissed).toMatchObject({ status: 'dismissed', dismiss_reason: 'not_relevant' });

    await festival.getByRole('button', { name: 'Mở sự cố' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Nhiều người bàn về «Lễ hội đèn lồng»/ }).waitFor();
    await shoot(page, 'detection-incident-from-watch');
    expect(tab.errors).toEqual([]);
  }, 60_000);

  it('a topic page shows its precision and the suggested threshold, applied with one button', async () => {
    const { page } = tab;
    await page.goto(`${t.url}/topics/${topics.fees}/detection`);
    await page.getByRole('heading', { name: 'Độ tin cậy của phát hiện' }).waitFor();
    await expect(page.getByTestId('precision').textContent()).resolves.toBe('0%');
    const suggestion = page.locator('li[data-setting="negativeSpikeZ"]');
    await suggestion.waitFor();
    await shoot(page, 'detection-topic-quality');
    await suggestion.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText('Đã áp dụng cho đơn vị của chủ đề.').waitFor();
    await suggestion.waitFor({ state: 'detached' });
    const effective = await t.http().get(`/api/detection-settings/effective/${unitId}`).set(analyst.auth);
    expect(effective.body.fromOrgUnitId).toBe(unitId);
    expect(effective.body.thresholds.negativeSpikeZ).toBeGreaterThan(6);

    await page.goto(`${t.url}/detection-settings/${unitId}`);
    await page.getByText('chính đơn vị này').waitFor();
    await expect(
      page.getByRole('spinbutton', { name: /Độ vọt của ý kiến tiêu cực/ }).inputValue(),
    ).resolves.toBe(String(effective.body.thresholds.negativeSpikeZ));
    await expect(
      page.getByRole('spinbutton', { name: /số trang, tài khoản mới/ }).inputValue(),
    ).resolves.toBe(String(effective.body.thresholds.tractionMinNewVoices));
    await page.getByRole('spinbutton', { name: 'Gộp cập nhật trong phòng (phút)' }).fill('90');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page
      .getByText('Đã lưu.')
      .waitFor()
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\n${await page.locator('main').innerText()}`);
      });
    const after = await t.http().get(`/api/detection-settings/effective/${unitId}`).set(analyst.auth);
    expect(after.body.thresholds.coalesceMinutes).toBe(90);
    await shoot(page, 'detection-settings');
    expect(tab.errors).toEqual([]);
  }, 60_000);
});
