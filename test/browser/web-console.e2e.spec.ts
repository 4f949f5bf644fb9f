import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../../web/src/api/client.js';
import type { Version } from '../../web/src/api/types.js';
import {
  accessibilityProblems,
  ensureWebBuild,
  launchChromium,
  logIn,
  openPage,
  screenshot,
  writeMetrics,
} from './support/browser.js';
import type { TrackedPage } from './support/browser.js';
import { makeStatementTeam } from '../support/statement-team.js';
import type { StatementTeam } from '../support/statement-team.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createTestApp } from '../support/test-app.js';
import type { TestApp, TestUser } from '../support/test-app.js';
import { RoomClient } from '../support/ws-client.js';

/** The text in a CodeMirror editor, without the others' carets (name labels) drawn into it. */
const editorText = (page: Page, which: 'body' | 'title') =>
  page.locator(`.cm-${which === 'body' ? 'body' : 'one-line'} .cm-content`).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.cm-ySelectionCaret, .cm-widgetBuffer').forEach((n) => n.remove());
    return [...copy.querySelectorAll('.cm-line')]
      .map((l) => (l.textContent ?? '').replace(/\u2060/g, ''))
      .join('\n');
  });

async function waitForText(page: Page, which: 'body' | 'title', part: string, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await editorText(page, which);
    if (last.includes(part)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`editor never showed "${part}"; it shows "${last}"`);
}

describe('web console in Chromium (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  let browser: Browser;
  let proxy: TcpProxy;
  /** Drafter 1 comes in through a proxy the test can cut (offline, then back). */
  let viaProxy: string;
  let drafterA: TrackedPage;
  let drafterB: TrackedPage;
  let leaderPhone: TrackedPage;
  let statementId: string;
  const metrics: Record<string, unknown> = {};
  const sockets: RoomClient[] = [];
  /** Each screen: looked at for unnamed controls and low contrast, then saved for people to look at. */
  const shoot = async (page: Page, name: string) => {
    expect({ screen: name, problems: await accessibilityProblems(page) }).toEqual({
      screen: name,
      problems: [],
    });
    await screenshot(page, name);
  };
  const as = async (u: TestUser) => {
    const api = new ApiClient({ baseUrl: t.url });
    await api.login(u.email, u.password);
    return api;
  };

  beforeAll(async () => {
    const build = ensureWebBuild();
    metrics.webBuild = build;
    // Chromium first: without it the test fails at once, before a test app is left open.
    browser = await launchChromium();
    t = await createTestApp();
    team = await makeStatementTeam(t);
    proxy = await new TcpProxy('127.0.0.1', Number(new URL(t.url).port)).start();
    viaProxy = `http://127.0.0.1:${proxy.port}`;

    // Detection evidence for the room: a listening source, a watched topic of the unit (tied to the incident),
    // and a burst of negative mentions that the negative-share rule attaches to the open incident.
    const admin = await as(team.admin);
    const source = await admin.post<{ source: { id: string } }>('/api/signal-sources', {
      name: 'Lắng nghe MXH An Hòa (kiểm thử)',
      kind: 'social_listening',
      orgUnitId: team.unitId,
    });
    const topic = await admin.post<{ id: string }>('/api/topics', {
      orgUnitId: team.unitId,
      name: 'Ngộ độc thực phẩm trường học',
      anyTerms: ['ngộ độc'],
      bucketMinutes: 15,
    });
    await t.dataSource.query(`INSERT INTO incident_topics (incident_id, topic_id) VALUES ($1, $2)`, [
      team.incidentId,
      topic.id,
    ]);
    // A topic watched for days (past the cold start, when findings only feed the watch list): one quiet
    // 15-minute bucket three days ago.
    await t.dataSource.query(
      `INSERT INTO topic_buckets (topic_id, bucket_start, bucket_seconds, volume)
       VALUES ($1, date_trunc('hour', now()) - interval '3 days', 900, 1)`,
      [topic.id],
    );
    const now = Date.now();
    const items = Array.from({ length: 64 }, (_, i) => ({
      externalId: `bv-${i}`,
      sourceType: i % 5 === 0 ? 'online_news' : 'social',
      platform: i % 5 === 0 ? 'web' : 'facebook',
      outlet: i % 5 === 0 ? 'Báo An Hòa' : `Nhóm cư dân ${i % 7}`,
      url: `https://example.vn/bai-viet/${i}`,
      title: i % 5 === 0 ? `Phụ huynh lo lắng về nghi vấn ngộ độc tại trường (${i})` : undefined,
      text: `Nghi vấn ngộ độc thực phẩm ở trường tiểu học, học sinh phải nhập viện ${i}`,
      publishedAt: new Date(now - (i < 56 ? i * 60_000 : 3 * 3600_000 + i * 60_000)).toISOString(),
      reach: 1000 + ((i * 7919) % 50_000),
      sentiment: i % 8 === 7 ? 'neutral' : 'negative',
    }));
    await admin.post('/api/signals', { sourceId: source.source.id, items });

    // A published spokesperson for the directory.
    await admin.post('/api/spokesperson-designations', {
      personId: team.spokesperson.person.id,
      orgUnitId: team.unitId,
      kind: 'spokesperson',
      validFrom: '2026-01-01',
      published: true,
    });
  }, 90_000);

  // The last state of each page after every test, for looking into a failure.
  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-60);
    for (const [who, p] of Object.entries({ drafterA, drafterB, leaderPhone })) {
      if (p)
        await p.page.screenshot({ path: `test-artifacts/debug/${name}-${who}.png` }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await browser?.close();
    await proxy?.close();
    await t?.close();
    writeMetrics('web-console-metrics', metrics);
  });

  it('logs in and shows an incident created through the API without a reload', async () => {
    drafterA = await openPage(browser);
    const { page } = drafterA;
    await page.goto(viaProxy + '/');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await shoot(page, '01-login');
    // A wrong password is refused in plain Vietnamese.
    await page.getByLabel('E-mail').fill(team.drafters[0].email);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-roi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /mật khẩu/i })
      .waitFor();
    await logIn(page, viaProxy, team.drafters[0]);
    await page.getByRole('heading', { name: 'Sự cố đang theo dõi' }).waitFor();
    await page.locator(`[data-incident-id="${team.incidentId}"]`).waitFor();
    // Keyboard: on a freshly loaded page the first Tab reaches the skip link, which moves to the content.
    await page.reload();
    await page.locator(`[data-incident-id="${team.incidentId}"]`).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, tới nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const title = 'Tin giả về việc tạm dừng bữa ăn bán trú tại các trường tiểu học';
    const admin = await as(team.admin);
    const created = await admin.createIncident({
      title,
      category: 'fake_news',
      severity: 'L3',
      responsibleOrgUnitId: team.unitId,
    });
    const row = page.locator(`[data-incident-id="${created.id}"]`);
    await row.waitFor({ timeout: 5000 });
    expect(await row.innerText()).toContain(title);
    expect(await row.innerText()).toContain('L3 – Tỉnh');
    expect(await row.innerText()).toContain('Mới phát hiện');
    expect(await row.innerText()).toMatch(/còn \d+ (giờ|ngày)/);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await shoot(page, '02-incident-list');
  }, 30_000);

  it('opens the incident room: timeline, chat with a mention, tasks, facts, group and evidence', async () => {
    const { page } = drafterA;
    // The team leader listens on a socket of their own: the mention reaches them.
    const leader = await RoomClient.connect(t.url, team.teamLeader.accessToken);
    sockets.push(leader);

    // Time to first render of the room: from navigation start to the frame with the timeline's first event (a
    // performance mark of the console). Cold: a fresh profile (empty cache) whose session is put in place first,
    // on a page of the service that loads no console code; then warm, the same page loaded again.
    const fresh = await openPage(browser);
    const session = new ApiClient({ baseUrl: t.url });
    await session.login(team.drafters[0].email, team.drafters[0].password);
    await fresh.page.goto(`${viaProxy}/health`);
    await fresh.page.evaluate(
      (tokens) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ungpho', 1); // the console's session store (web/src/session.ts)
          open.onupgradeneeded = () => open.result.createObjectStore('session');
          open.onsuccess = () => {
            const tx = open.result.transaction('session', 'readwrite');
            tx.objectStore('session').put(tokens, 'tokens');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      session.store.get(),
    );
    const measure = async () => {
      await fresh.page.goto(`${viaProxy}/incidents/${team.incidentId}`);
      await fresh.page.waitForFunction(() => performance.getEntriesByName('room:first-event').length > 0);
      return fresh.page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return {
          firstEventMs: Math.round(performance.getEntriesByName('room:first-event')[0].startTime),
          domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
          scriptBytesOverTheWire: resources
            .filter((r) => r.name.endsWith('.js'))
            .reduce((n, r) => n + r.transferSize, 0),
        };
      });
    };
    const cold = await measure();
    const warm = await measure();
    metrics.roomFirstRender = { cold, warm };
    await fresh.context.close();
    expect(cold.firstEventMs).toBeGreaterThan(0);
    expect(cold.scriptBytesOverTheWire).toBeGreaterThan(50_000); // really fetched (compressed), not cached
    expect(fresh.errors).toEqual([]);

    await page.goto(`${viaProxy}/incidents/${team.incidentId}`);
    await page.locator('[data-testid="timeline"] li').first().waitFor();

    await page.getByRole('heading', { name: /Thông tin sai lệch về ngộ độc thực phẩm/ }).waitFor();
    const presence = page.getByTestId('presence');
    await presence.getByText(team.drafters[0].user.displayName).waitFor();
    // Group members with their acknowledgement.
    const group = page.locator('#group');
    await group.getByText('Đã nhận nhiệm vụ').first().waitFor();
    expect(await group.innerText()).toContain(team.approver.user.displayName);
    // Evidence: the volume chart and the attached mentions.
    const evidence = page.locator('#evidence');
    await evidence.locator('svg rect.bar').first().waitFor();
    await evidence
      .getByText(/Phụ huynh lo lắng|Nghi vấn ngộ độc/)
      .first()
      .waitFor();

    // Chat with a mention picked from the suggestions, by keyboard.
    const input = page.getByLabel('Tin nhắn');
    await input.click();
    await input.pressSequentially('Đề nghị @Lê V');
    await page.getByRole('listbox', { name: 'Gợi ý nhắc tên' }).waitFor();
    await input.press('Enter');
    await input.pressSequentially('kiểm tra số liệu nhập viện với Sở Y tế');
    await input.press('Enter');
    await page.locator('.timeline .event-chat', { hasText: 'kiểm tra số liệu nhập viện' }).waitFor();
    await leader.waitFor(() => leader.notifications.some((n) => n.type === 'chat.mention'), 'mention');
    expect(await page.locator('.chat-log mark').first().innerText()).toContain('@Lê Văn Tổ Trưởng');

    // A task and a verified fact, over the room's socket.
    await page.getByLabel('Việc cần làm').fill('Liên hệ nhà trường xác minh số học sinh nhập viện');
    await page.getByRole('button', { name: 'Giao việc' }).click();
    await page.locator('#tasks li', { hasText: 'Liên hệ nhà trường' }).waitFor();
    await page
      .getByLabel('Nội dung sự kiện')
      .fill('12 học sinh được đưa đi khám, không có trường hợp nguy kịch.');
    await page.getByLabel('Nguồn xác minh').fill('Báo cáo nhanh của Bệnh viện đa khoa tỉnh, 10 giờ');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.locator('#facts li', { hasText: '12 học sinh' }).getByText('Đã xác minh').waitFor();
    await page.locator('.timeline li', { hasText: 'Ghi nhận sự kiện: 12 học sinh' }).waitFor();
    await shoot(page, '03-incident-room');
  }, 30_000);

  it('lets two drafters co-edit one statement, each seeing the other, then submit it', async () => {
    const a = drafterA.page;
    await a.getByRole('button', { name: 'Soạn văn bản mới' }).click();
    await a.getByLabel('Loại văn bản').selectOption('holding_statement');
    await a.getByLabel('Tiêu đề').fill('Thông tin ban đầu về vụ việc tại trường Tiểu học Hòa Bình');
    await a.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await a.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
    statementId = a.url().split('/').pop()!;
    await a.getByTestId('save-state').getByText('Đã lưu').waitFor();
    await waitForText(a, 'title', 'Thông tin ban đầu về vụ việc');

    drafterB = await openPage(browser);
    const b = drafterB.page;
    await logIn(b, t.url, team.drafters[1], `/statements/${statementId}`);
    await waitForText(b, 'title', 'Thông tin ban đầu về vụ việc');

    await a.locator('.cm-body .cm-content').click();
    await a.keyboard.type('Sáng 01/12, một số học sinh có biểu hiện đau bụng sau bữa ăn bán trú. ');
    await waitForText(b, 'body', 'đau bụng sau bữa ăn bán trú');
    await b.locator('.cm-body .cm-content').click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type('Sở Y tế đã cử đoàn kiểm tra.');
    const seenByA = await waitForText(a, 'body', 'Sở Y tế đã cử đoàn kiểm tra.');
    expect(seenByA).toContain('đau bụng sau bữa ăn bán trú');
    expect(await waitForText(b, 'body', 'đau bụng')).toBe(seenByA);
    // Each sees the other's name and caret.
    await a.getByTestId('co-drafters').getByText(team.drafters[1].user.displayName).waitFor();
    await b.getByTestId('co-drafters').getByText(team.drafters[0].user.displayName).waitFor();
    await a.locator('.cm-body .cm-ySelectionCaret').first().waitFor();

    // An anchored comment on the last words B typed ("kiểm tra.").
    for (let i = 0; i < 'kiểm tra.'.length; i++) await b.keyboard.press('Shift+ArrowLeft');
    await b.waitForTimeout(350);
    await b.getByLabel('Nội dung bình luận').fill('Ghi rõ giờ đoàn kiểm tra có mặt tại trường');
    await b.getByRole('button', { name: 'Bình luận đoạn đang chọn' }).click();
    await b.locator('.comment blockquote', { hasText: 'kiểm tra.' }).waitFor();
    await b.locator('.cm-comment-anchor').first().waitFor();
    await b.getByTestId('save-state').getByText('Đã lưu').waitFor();
    await a.getByTestId('save-state').getByText('Đã lưu').waitFor();
    await shoot(a, '04-statement-editor');

    // Submit: the draft freezes for both.
    await a.getByRole('button', { name: 'Trình duyệt' }).click();
    // Submitting asks first (the draft is frozen into a version).
    await a.getByRole('dialog', { name: 'Trình duyệt' }).getByRole('button', { name: 'Đồng ý' }).click();
    await a.getByText('Đã trình phiên bản 1.').waitFor();
    await b.getByText('Chỉ xem: văn bản đang trình duyệt').waitFor();
    expect(await b.locator('.cm-body .cm-content').getAttribute('contenteditable')).toBe('false');

    // Legal review asks for a change; the draft opens again, the drafter adds it and submits version 2.
    const legal = await as(team.legal);
    const v1 = (await legal.version(statementId, 1)) as Version;
    await legal.decide(statementId, v1, 'request_changes', { reason: 'Bổ sung giờ đoàn kiểm tra có mặt' });
    await a.locator('.cm-body .cm-content[contenteditable="true"]').waitFor();
    await a.locator('.cm-body .cm-content').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Đoàn kiểm tra có mặt tại trường lúc 10 giờ cùng ngày.');
    await waitForText(b, 'body', 'lúc 10 giờ cùng ngày.');
    await a.getByTestId('save-state').getByText('Đã lưu').waitFor();
    await a.getByRole('button', { name: 'Trình duyệt' }).click();
    // Submitting asks first (the draft is frozen into a version).
    await a.getByRole('dialog', { name: 'Trình duyệt' }).getByRole('button', { name: 'Đồng ý' }).click();
    await a.getByText('Đã trình phiên bản 2.').waitFor();
    // Version history with the word diff from version 1.
    await a
      .locator('#versions')
      .getByRole('button', { name: /Phiên bản 2/, pressed: true })
      .waitFor();
    await a.locator('#versions').getByRole('heading', { name: 'So với phiên bản 1' }).waitFor();
    expect(await a.locator('#versions > .panel-body > .word-diff ins').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('10')]),
    );
    await shoot(a, '05-statement-versions');
    const v2 = (await legal.version(statementId, 2)) as Version;
    await legal.decide(statementId, v2, 'approve', { password: team.legal.password });
    await (
      await as(team.teamLeader)
    ).decide(statementId, v2, 'approve', { password: team.teamLeader.password });
  }, 45_000);

  it('lets the approving leader approve the exact text from a phone, with the password', async () => {
    leaderPhone = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const { page } = leaderPhone;
    await logIn(page, t.url, team.approver, '/approvals');
    await page.getByRole('heading', { name: 'Hộp duyệt của tôi' }).waitFor();
    const card = page.locator(`.card[data-statement-id="${statementId}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain('Phiên bản 2');
    await shoot(page, '06-approval-inbox-phone');
    await card.getByRole('link', { name: 'Xem và quyết định' }).click();
    // The leader reads the document as it will be issued (heading, body, signature), with the hash of that
    // rendering; the Markdown source is one click away.
    const text = page.getByTestId('official-document');
    await text.waitFor();
    expect(await text.innerText()).toContain('Đoàn kiểm tra có mặt tại trường lúc 10 giờ cùng ngày.');
    expect(await text.innerText()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await text.innerText()).toContain('Nơi nhận:');
    expect(await text.innerText()).not.toContain('**');
    const shown = (await (await as(team.approver)).version(statementId, 2)) as Version & {
      document: { sha256: string };
    };
    expect(await page.getByTestId('document-sha256').innerText()).toBe(shown.document.sha256);
    await page.getByRole('button', { name: 'Xem nội dung gốc (Markdown)' }).click();
    expect(await page.getByTestId('version-markdown').innerText()).toContain('10 giờ');
    await page.getByRole('button', { name: 'Xem văn bản như khi ban hành' }).click();
    await text.waitFor();
    expect(await page.locator('.diff-text ins').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('10')]),
    );
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const password = page.getByLabel('Nhập lại mật khẩu để ký duyệt');
    await password.fill('khong-dung-mat-khau');
    await password.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: /mật khẩu/i })
      .waitFor();
    await password.fill(team.approver.password);
    await shoot(page, '07-approval-decision-phone');
    await password.press('Enter');
    await page.getByText('Đã ghi nhận quyết định. Trạng thái văn bản: Đã phê duyệt.').waitFor();
  }, 30_000);

  it('shows the publication in the room as it happens, and the legal clock met', async () => {
    const { page } = drafterA;
    await page.getByRole('link', { name: /← SC-/ }).click();
    await page.locator('[data-testid="timeline"] li').first().waitFor();
    const row = page.locator(`#statements li[data-statement-id="${statementId}"]`);
    await row.getByText('Đã phê duyệt').waitFor();

    const spokesperson = await as(team.spokesperson);
    const v2 = (await spokesperson.version(statementId, 2)) as Version;
    await spokesperson.publish(statementId, v2, 'portal', {
      url: 'https://anhoa.gov.vn/thong-tin-ban-dau-01',
    });
    await row.getByText('Đã công bố').waitFor();
    await page.locator('.timeline li', { hasText: 'Công bố «Thông tin ban đầu về vụ việc' }).waitFor();
    await page.locator('.room-head .clock-done', { hasText: 'Đã đáp ứng' }).first().waitFor();
    await shoot(page, '08-room-published');
  }, 30_000);

  it('shows an offline banner when the connection drops and replays what was missed once it is back', async () => {
    const { page } = drafterA;
    await proxy.cut();
    await page.getByTestId('offline-banner').waitFor({ timeout: 8000 });
    await shoot(page, '09-offline');
    // Committed meanwhile: the room must replay it after reconnecting (afterSeq), once, in order.
    const leader = await as(team.teamLeader);
    await leader.post(`/api/incidents/${team.incidentId}/tasks`, { title: 'Chuẩn bị họp báo lúc 15 giờ' });
    await proxy.restore();
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('resynced-banner').waitFor();
    await page.locator('.timeline li', { hasText: 'Giao nhiệm vụ: Chuẩn bị họp báo lúc 15 giờ' }).waitFor();
    const seqs = await page
      .locator('.timeline li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    const [{ last }] = await t.dataSource.query(`SELECT last_seq AS last FROM incidents WHERE id = $1`, [
      team.incidentId,
    ]);
    expect(seqs).toEqual(Array.from({ length: Number(last) }, (_, i) => i + 1));
  }, 30_000);

  it('shows the review report of the incident and downloads it as PDF', async () => {
    const { page } = drafterA;
    await page.getByRole('link', { name: 'Báo cáo tổng kết' }).click();
    await page.getByRole('heading', { name: 'Báo cáo kết quả xử lý và rút kinh nghiệm' }).waitFor();
    await page.getByRole('heading', { name: '3. Nguồn gốc và mức độ lan truyền' }).waitFor();
    await page
      .getByText(/Thông tin ban đầu «Thông tin ban đầu về vụ việc tại trường Tiểu học Hòa Bình»/)
      .waitFor();
    await page.locator('.report svg rect.bar').first().waitFor();
    await shoot(page, '12-review-report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-SC-\d{4}-\d{4}\.pdf$/);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);

  it('suggests playbooks in the room, lists the library and searches it without diacritics', async () => {
    const { page } = drafterA;
    await page.getByRole('link', { name: /← SC-/ }).click();
    await page.locator('#playbook li').first().waitFor();
    expect(await page.locator('#playbook').innerText()).toMatch(/y tế|Y tế|ngộ độc/i);
    await page.getByRole('navigation').getByRole('link', { name: 'Cẩm nang' }).click();
    await page.getByRole('heading', { name: 'Thư viện cẩm nang' }).waitFor();
    await page.locator('.playbook-cards > li').nth(6).waitFor(); // the seven shipped playbooks
    await page.getByLabel('Tìm trong thư viện').fill('tin gia');
    await page.getByLabel('Tìm trong thư viện').press('Enter');
    const hit = page.locator('.results li[data-kind="playbook"]').first();
    await hit.waitFor();
    // Found without diacritics; the words are marked as written (ts_headline marks each word).
    expect((await hit.locator('mark').allInnerTexts()).join(' ')).toMatch(/tin giả/i);
    await shoot(page, '13-playbook-search');
    await hit.getByRole('link').click();
    await page.getByRole('heading', { name: 'Các bước và việc cần làm' }).waitFor();
    await shoot(page, '14-playbook');
  }, 30_000);

  it('browses the directory: units and who may speak for them', async () => {
    const { page } = drafterA;
    await page.getByRole('navigation').getByRole('link', { name: 'Danh bạ' }).click();
    await page.getByLabel('Tìm đơn vị').fill('Sở Y tế tỉnh An Hòa');
    await page
      .getByRole('link', { name: /Sở Y tế tỉnh An Hòa/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Người đứng đầu' }).waitFor();
    await page.getByText(team.approver.person.fullName).waitFor();
    await page.locator('.people', { hasText: team.spokesperson.person.fullName }).waitFor();
    await shoot(page, '10-directory');
  }, 20_000);

  it('switches to English and back', async () => {
    const { page } = drafterA;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Units and spokespersons' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    await shoot(page, '11-english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Sự cố đang theo dõi' }).waitFor();
  }, 20_000);

  it('raised no error in any page', () => {
    expect([drafterA, drafterB, leaderPhone].flatMap((p) => p?.errors ?? [])).toEqual([]);
  });
});
