import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/role.js';
import { ApiClient } from '../../web/src/api/client.js';
import { makeOrgUnit, makePerson } from '../support/factories.js';
import { ensureWebBuild, launchChromium, logIn, openPage } from './support/browser.js';
import { createTestApp } from '../support/test-app.js';
import type { TestApp, TestUser } from '../support/test-app.js';

/** Access tokens that live 3 seconds: every step below outlives one. */
const ACCESS_TTL = 3;

describe('web console session (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let officer: TestUser;
  let incidentId: string;

  beforeAll(async () => {
    ensureWebBuild();
    // Chromium first: without it the test fails at once, before a test app is left open.
    browser = await launchChromium();
    t = await createTestApp({ jwt: { accessTtlSeconds: ACCESS_TTL, refreshTtlSeconds: 3600 } });
    const unit = await makeOrgUnit(t.dataSource, { name: 'UBND phường An Hòa' });
    const person = await makePerson(t.dataSource, unit.id, { fullName: 'Nguyễn Thị Trực Ban' });
    officer = await t.createUser({
      roles: [Role.Officer],
      personId: person.id,
      displayName: person.fullName,
    });
    const api = new ApiClient({ baseUrl: t.url });
    await api.login(officer.email, officer.password);
    incidentId = (
      await api.createIncident({
        title: 'Clip cắt ghép về việc cưỡng chế tại phường An Hòa',
        category: 'fake_news',
        severity: 'L2',
        responsibleOrgUnitId: unit.id,
      })
    ).id;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renews expired access tokens without the user noticing, in two tabs at once, over HTTP and the socket', async () => {
    const tab = await openPage(browser);
    const refreshes: number[] = [];
    tab.context.on('request', (r) => {
      if (r.url().endsWith('/api/auth/refresh')) refreshes.push(Date.now());
    });
    // What the first tab sent and received, printed if it gets stuck (token races are timing-dependent).
    const trace: string[] = [];
    const t0 = Date.now();
    tab.page.on('websocket', (ws) => {
      trace.push(`${Date.now() - t0} ws open`);
      ws.on('framesent', (f) => trace.push(`${Date.now() - t0} > ${String(f.payload).slice(0, 120)}`));
      ws.on('framereceived', (f) => trace.push(`${Date.now() - t0} < ${String(f.payload).slice(0, 120)}`));
      ws.on('close', () => trace.push(`${Date.now() - t0} ws close`));
    });
    tab.page.on('console', (m) => trace.push(`${Date.now() - t0} console ${m.type()} ${m.text()}`));
    tab.context.on('request', (r) => {
      if (r.url().includes('/api/'))
        trace.push(`${Date.now() - t0} http ${r.method()} ${r.url().replace(t.url, '')}`);
    });
    tab.context.on('response', (r) => {
      if (r.url().includes('/api/'))
        trace.push(`${Date.now() - t0} http ${r.status()} ${r.url().replace(t.url, '')}`);
    });
    await logIn(tab.page, t.url, officer);
    await tab.page.locator(`[data-incident-id="${incidentId}"]`).waitFor();
    const second = await tab.context.newPage(); // same profile: shares the tokens (IndexedDB)
    await second.goto(`${t.url}/incidents/${incidentId}`);
    await second.locator('[data-testid="timeline"] li').first().waitFor();

    // Both tabs outlive their access token, then both need the API and the socket at the same moment.
    await tab.page.waitForTimeout((ACCESS_TTL + 1) * 1000);
    await Promise.all([
      tab.page.getByRole('link', { name: /Clip cắt ghép/ }).click(),
      second.getByRole('navigation').getByRole('link', { name: 'Danh bạ' }).click(),
    ]);
    await tab.page
      .locator('[data-testid="timeline"] li')
      .first()
      .waitFor()
      .catch(async (e: Error) => {
        await tab.page.screenshot({ path: 'test-artifacts/debug/session-failure.png' });
        throw new Error(`${e.message}\n${trace.join('\n')}`);
      });
    await second.getByRole('heading', { name: 'Danh bạ đơn vị và người phát ngôn' }).waitFor();
    await second
      .getByRole('link', { name: /UBND phường An Hòa/ })
      .first()
      .waitFor();

    // A chat message after the socket's token expired: refused once (TOKEN_INVALID), renewed, sent.
    await tab.page.waitForTimeout((ACCESS_TTL + 1) * 1000);
    await tab.page.getByLabel('Tin nhắn').fill('Đã liên hệ Công an phường để xác minh nguồn clip');
    await tab.page.getByLabel('Tin nhắn').press('Enter');
    await tab.page.locator('.timeline .event-chat', { hasText: 'Đã liên hệ Công an phường' }).waitFor();

    // Never sent back to the login screen; tokens were rotated; no refresh token was presented twice
    // (that would have revoked the whole session family).
    expect(await tab.page.getByRole('heading', { name: 'Đăng nhập' }).count()).toBe(0);
    expect(await second.getByRole('heading', { name: 'Đăng nhập' }).count()).toBe(0);
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    const [{ revoked }] = await t.dataSource.query(
      `SELECT count(*)::int AS revoked FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NOT NULL`,
      [officer.user.id],
    );
    expect(revoked).toBe(0);
    const [{ reused }] = await t.dataSource.query(
      `SELECT count(*)::int AS reused FROM audit_log WHERE action = 'auth.refresh_reused' AND entity_id = $1`,
      [officer.user.id],
    );
    expect(reused).toBe(0);
    expect(tab.errors).toEqual([]);
  }, 40_000);
});
