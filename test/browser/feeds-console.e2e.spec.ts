import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/role.js';
import { makeOrgUnit, makePerson } from '../support/factories.js';
import { feedConfig, rss, startFeedServer } from '../support/feed-server.js';
import type { FeedServer } from '../support/feed-server.js';
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

const RSS = 'application/rss+xml; charset=utf-8';

/** The news-feed screen as the province's monitoring analyst uses it: add a feed, poll it, read the health. */
describe('news feeds screen in Chromium (e2e)', () => {
  let t: TestApp;
  let server: FeedServer;
  let browser: Browser;
  let analyst: TestUser;
  let tab: TrackedPage;
  let sourceId: string;

  beforeAll(async () => {
    ensureWebBuild();
    browser = await launchChromium();
    server = await startFeedServer();
    t = await createTestApp(feedConfig);
    const province = await makeOrgUnit(t.dataSource, { name: 'Tỉnh An Hòa', unitType: 'province' as never });
    const admin = await t.createUser({ roles: [Role.Admin] });
    analyst = await t.createUser({
      roles: [Role.Analyst],
      displayName: 'Phạm Minh Châu',
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    sourceId = (
      await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: 'Báo chí tỉnh An Hòa (RSS)', kind: 'feed', orgUnitId: province.id })
    ).body.source.id;
    const now = Date.now();
    server.serve(
      '/rss/thoi-su.rss',
      rss('Báo An Hòa – Thời sự', [
        {
          guid: 'https://baoanhoa.example.vn/1',
          title: 'Đường Trần Hưng Đạo ngập sâu sau mưa lớn',
          link: 'https://baoanhoa.example.vn/1',
          pubDate: new Date(now - 600_000),
        },
        {
          guid: 'https://baoanhoa.example.vn/2',
          title: '',
          description: '',
          link: 'https://baoanhoa.example.vn/2',
        },
        {
          guid: 'https://baoanhoa.example.vn/3',
          title: 'Khánh thành cầu Phú Lộc',
          link: 'https://baoanhoa.example.vn/3',
          pubDate: new Date(now - 300_000),
        },
      ]),
      RSS,
    );
    server.route('/rss/portal.rss', (_req, res) => void res.writeHead(503).end());
    const failing = await t
      .http()
      .post('/api/feeds')
      .set(analyst.auth)
      .send({
        sourceId,
        url: server.url('/rss/portal.rss'),
        outletName: 'Cổng thông tin điện tử tỉnh',
        outletType: 'portal',
        intervalSeconds: 900,
      });
    expect(failing.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
    await t?.close();
    await server?.close();
  });

  it('adds a feed with its outlet, polls it now and shows health, skipped items and errors', async () => {
    tab = await openPage(browser);
    const { page } = tab;
    await logIn(page, t.url, analyst, '/admin/feeds');
    await page.getByRole('heading', { name: 'Thêm địa chỉ nguồn tin' }).waitFor();
    await page.getByLabel('Địa chỉ RSS, Atom hoặc JSON Feed').fill(server.url('/rss/thoi-su.rss'));
    await page.getByLabel('Cơ quan báo chí', { exact: true }).fill('Báo An Hòa');
    await page.getByLabel('Loại hình').selectOption('print');
    await page.getByLabel('Chu kỳ lấy tin (phút)').fill('10');
    await page.getByLabel(/Cơ quan báo chí lớn/).check();
    await page.getByRole('button', { name: 'Thêm nguồn tin' }).click();

    const row = page.locator('tr', { hasText: 'Báo An Hòa' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Lấy tin ngay' }).click();
    // Three items read; two new, unless the first automatic poll (due at creation) stored them just before.
    await row.getByText(/^3 \/ [02]$/).waitFor();
    await expect(row.textContent()).resolves.toContain('báo lớn');
    await row.getByText('Bài bị bỏ qua ở lần lấy tin gần nhất (1)').click();
    await row.getByText('Bài không có tiêu đề lẫn nội dung').waitFor();

    const portal = page.locator('tr', { hasText: 'Cổng thông tin điện tử tỉnh' });
    await portal.getByText('Máy chủ trả lỗi HTTP 503 (máy chủ của nguồn tin đang gặp sự cố)').waitFor();
    await portal.getByText('1 lần lỗi liên tiếp; lấy tin thưa dần').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'feeds-admin');

    const stored = await t.dataSource.query(
      `SELECT title, outlet, source_type FROM mentions WHERE source_id = $1 ORDER BY title`,
      [sourceId],
    );
    expect(stored).toEqual([
      { title: 'Khánh thành cầu Phú Lộc', outlet: 'Báo An Hòa', source_type: 'print' },
      { title: 'Đường Trần Hưng Đạo ngập sâu sau mưa lớn', outlet: 'Báo An Hòa', source_type: 'print' },
    ]);
  });
});
