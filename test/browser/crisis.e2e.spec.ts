import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/password.js';
import { UsersService } from '../../src/auth/users.service.js';
import { DEMO_PEOPLE } from '../../src/demo/demo-province.data.js';
import { loadDemoProvince } from '../../src/demo/demo-province.js';
import type { AuthUser } from '../../src/auth/decorators.js';
import { Role } from '../../src/auth/role.js';
import { SignalsService } from '../../src/signals/signals.service.js';

/** The monitoring system that pushes the feed: an administrator's integration account. */
const FEED_ACCOUNT: AuthUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'feed@ungpho.local',
  displayName: 'Hệ thống theo dõi',
  roles: [Role.Admin],
  personId: null,
};
import {
  accessibilityProblems,
  ensureWebBuild,
  launchChromium,
  logIn,
  openPage,
  screenshot,
} from './support/browser.js';
import type { TrackedPage } from './support/browser.js';
import { openDocx } from '../support/docx.js';
import { pdfText } from '../support/pdf.js';
import { createTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PASSWORD = 'Mat-khau-dien-tap-2026';
const ADMIN = { email: 'quantri@anhoa.example.vn', password: PASSWORD };
const person = (email: string) => ({ email, password: PASSWORD });
/** The demo province's people who play the crisis (src/demo): each logs in with the demo password. */
const TEAM_LEADER = person(DEMO_PEOPLE.viceChairwoman);
const SPOKESPERSON = person(DEMO_PEOPLE.officeChief);
const DRAFTER = person(DEMO_PEOPLE.pressDivisionHead);
const LEGAL = person(DEMO_PEOPLE.justiceDeputy);
const CHAIRMAN = person(DEMO_PEOPLE.chairman);
const DEPUTY = person(DEMO_PEOPLE.pressCentreDirector);
const POLICE = person(DEMO_PEOPLE.pa05Deputy);
const SCRIBE = person(DEMO_PEOPLE.officeSpecialist);

/** Waits until `check` holds (8 s at most), saying what it waited for. */
async function until(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 8000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const SOURCE = 'Hệ thống lắng nghe mạng xã hội tỉnh An Hòa';
const TOPIC = 'Bữa ăn bán trú ở trường tiểu học';
const TITLE = 'Tin giả về việc tạm dừng bữa ăn bán trú tại các trường tiểu học';

/**
 * One crisis of the demo province played in the console from the first setting-up to the archive, by the people
 * of its working group, each in their own browser: no call to the API from the test. The monitoring feed's
 * delivery is the one thing done outside the browser (it is another system), through the service's ingestion.
 */
describe('a whole crisis in the web console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let leader: TrackedPage;
  let incidentUrl = '';
  let statementUrl = '';
  const opened: TrackedPage[] = [];

  const shoot = async (page: Page, name: string) => {
    expect({ screen: name, problems: await accessibilityProblems(page) }).toEqual({
      screen: name,
      problems: [],
    });
    await screenshot(page, `crisis-${name}`);
  };
  /** A fresh browser profile logged in as `who` (phone-sized on request). */
  const as = async (who: { email: string; password: string }, path = '/', phone = false) => {
    const tracked = await openPage(
      browser,
      phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
        : {},
    );
    opened.push(tracked);
    await logIn(tracked.page, t.url, who, path);
    return tracked;
  };
  const closeAll = async (keep: TrackedPage[]) => {
    for (const p of opened.splice(0)) {
      if (keep.includes(p)) opened.push(p);
      else {
        expect(p.errors).toEqual([]);
        await p.context.close();
      }
    }
  };
  /** Clicks a download button and returns the file's bytes and name. */
  const download = async (page: Page, button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).first().click(),
    ]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const moveTo = async (page: Page, status: string) => {
    await page.getByLabel('Trạng thái', { exact: true }).selectOption({ label: `Chuyển sang: ${status}` });
    await page.getByRole('button', { name: 'Chuyển trạng thái' }).click();
    await page.locator('.room-facts .badge.status').getByText(status).waitFor();
  };

  beforeAll(async () => {
    ensureWebBuild();
    browser = await launchChromium();
    t = await createTestApp();
    // What `npm start` does on an empty database: the administrator, and the demo province with its accounts.
    await t.app.get(UsersService).ensureAdmin(ADMIN.email, ADMIN.password);
    await t.dataSource.transaction((manager) =>
      loadDemoProvince(manager, { hashPassword, demoPassword: PASSWORD }),
    );
  }, 180_000);

  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-50);
    for (const [i, p] of opened.entries()) {
      await p.page
        .screenshot({ path: `test-artifacts/debug/crisis-${name}-${i}.png` })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sets up a signal source (secret shown once, then rotated) and a watched topic with a live preview', async () => {
    const admin = await as(ADMIN, '/');
    const { page } = admin;
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Quản trị' })
      .click();
    await page.getByRole('heading', { name: 'Quản trị: Tài khoản' }).waitFor();
    // Every demo person of the group has an account.
    for (const who of [CHAIRMAN, LEGAL, DRAFTER, SPOKESPERSON, POLICE, DEPUTY]) {
      await page.locator(`tr[data-user-email="${who.email}"]`).waitFor();
    }
    await shoot(page, '01-admin-users');

    await page.getByRole('link', { name: 'Nguồn tín hiệu' }).click();
    await page.getByLabel('Tên nguồn').fill(SOURCE);
    await page.getByLabel('Loại nguồn').selectOption('social_listening');
    await page.getByRole('button', { name: 'Thêm nguồn' }).click();
    const secret = page.getByTestId('source-secret');
    await secret.waitFor();
    const first = (await secret.innerText()).trim();
    expect(first.length).toBeGreaterThanOrEqual(32);
    await shoot(page, '02-admin-source-secret');
    await page.getByRole('button', { name: 'Đã lưu khóa, ẩn đi' }).click();
    await expect(secret.count()).resolves.toBe(0);
    await page
      .locator('tr', { hasText: SOURCE })
      .getByRole('button', { name: /^Đổi khóa bí mật/ })
      .click();
    await secret.waitFor();
    const rotated = (await secret.innerText()).trim();
    expect(rotated).not.toBe(first);
    await page.getByRole('button', { name: 'Đã lưu khóa, ẩn đi' }).click();

    // The feed delivers its mentions (another system: straight to the service's ingestion).
    const [{ id: sourceId }] = await t.dataSource.query(`SELECT id FROM signal_sources WHERE name = $1`, [
      SOURCE,
    ]);
    const now = Date.now();
    await t.app.get(SignalsService).ingest(
      {
        sourceId,
        items: Array.from({ length: 30 }, (_, i) => ({
          externalId: `bt-${i}`,
          sourceType: i % 3 === 0 ? 'online_news' : 'social',
          platform: i % 3 === 0 ? 'web' : 'facebook',
          outlet: i % 3 === 0 ? 'Báo An Hòa điện tử' : `Nhóm phụ huynh ${i % 4}`,
          url: `https://example.vn/bai/${i}`,
          title: i % 3 === 0 ? `Phụ huynh hoang mang vì tin tạm dừng bữa ăn bán trú (${i})` : undefined,
          text:
            i < 24
              ? `Nghe nói từ tuần sau các trường tiểu học tạm dừng bữa ăn bán trú, thật không? (${i})`
              : `Lịch thi đấu bóng đá thiếu niên tỉnh An Hòa (${i})`,
          publishedAt: new Date(now - i * 60_000).toISOString(),
          reach: 500 + i * 37,
          sentiment: 'negative',
        })),
      },
      FEED_ACCOUNT,
    );

    await page.getByRole('link', { name: 'Chủ đề theo dõi' }).click();
    await page.getByLabel('Tên chủ đề').fill(TOPIC);
    await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Ủy ban nhân dân tỉnh An Hòa' });
    await page.getByLabel('Loại sự cố').selectOption('fake_news');
    await page.getByLabel('Có ít nhất một từ (mỗi dòng một từ hoặc cụm từ)').fill('bán trú');
    // The preview follows the typing: 26 of the 30 mentions speak of it (text or title); excluding "tuần sau" leaves 2.
    const preview = page.getByTestId('topic-preview');
    await preview.getByText(/^Khớp 26 trong 30 đề cập/).waitFor();
    await page.getByLabel('Loại trừ khi có từ').fill('tuần sau');
    await preview.getByText(/^Khớp 2 trong 30 đề cập/).waitFor();
    await page.getByLabel('Loại trừ khi có từ').fill('');
    await preview.getByText(/^Khớp 26 trong 30 đề cập/).waitFor();
    await shoot(page, '03-admin-topic-preview');
    await page.getByRole('button', { name: 'Thêm chủ đề' }).click();
    await page.getByText(`Đã lưu «${TOPIC}».`).waitFor();
    await page.getByRole('cell', { name: TOPIC, exact: true }).waitFor();

    // The dated deadline rules are there to read and version.
    await page.getByRole('link', { name: 'Thời hạn pháp lý' }).click();
    await page.locator('table.data-table tbody tr').first().waitFor();
    await shoot(page, '04-admin-deadlines');

    // Mention retention: the policy in force and the months stored, with the kept evidence.
    await page.getByRole('link', { name: 'Lưu giữ đề cập' }).click();
    await page.getByText(/^Đang áp dụng: giữ đề cập không gắn với sự cố 24 tháng/).waitFor();
    await page.getByRole('cell', { name: 'Chứng cứ đã giữ lại và tháng cũ hơn' }).waitFor();
    await shoot(page, '04a-admin-retention');

    // Rules kept as versions: a new version written from a copy of the current one, saved as is.
    for (const [tab, row] of [
      ['Quy trình phê duyệt', 'Quy trình duyệt chuẩn'],
      ['Quy tắc lập Tổ công tác', ''],
    ] as const) {
      await page.getByRole('link', { name: tab }).click();
      const rows = page.locator('table.data-table tbody tr');
      await rows.first().waitFor();
      const before = await rows.count();
      await (row ? rows.filter({ hasText: row }) : rows)
        .first()
        .getByRole('button', { name: /^Tạo phiên bản mới/ })
        .click();
      await expect(page.getByLabel('Phiên bản mới (JSON)').inputValue()).resolves.toContain(
        '"effectiveFrom"',
      );
      await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await page.getByText('Đã lưu phiên bản mới.').waitFor();
      await until(`a new row in ${tab}`, async () => (await rows.count()) === before + 1);
    }
    await shoot(page, '04b-admin-group-rules');
    // A playbook's new version, from the editor.
    await page.getByRole('link', { name: 'Soạn cẩm nang' }).click();
    await page.getByLabel('Cẩm nang', { exact: true }).selectOption({ index: 1 });
    await page.getByText(/^Đang dùng phiên bản 1$/).waitFor();
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.getByText('Đã lưu phiên bản 2.').waitFor();

    // An account: created, its password reset (shown once), deactivated.
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByLabel('E-mail').fill('thuky.moi@anhoa.example.vn');
    await page.getByLabel('Họ và tên').fill('Thư ký mới');
    await page.getByRole('button', { name: 'Tạo mật khẩu ngẫu nhiên' }).click();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const shown = page.getByTestId('shown-password');
    await shown.waitFor();
    const created = (await shown.innerText()).trim();
    const row = page.locator('tr[data-user-email="thuky.moi@anhoa.example.vn"]');
    await row.getByRole('button', { name: /^Đặt lại mật khẩu/ }).click();
    await until('a new password shown', async () => (await shown.innerText()).trim() !== created);
    await row.getByRole('button', { name: /^Ngừng hoạt động/ }).click();
    await row.getByText('ngừng hoạt động').waitFor();
    await closeAll([]);
  }, 90_000);

  it('declares the incident by hand; the working group is formed and its members accept', async () => {
    leader = await as(TEAM_LEADER, '/');
    const { page } = leader;
    await page.getByRole('link', { name: 'Khai báo sự cố' }).click();
    await page.getByLabel('Tên sự cố').fill(TITLE);
    await page
      .getByLabel('Điều đã thấy (nguồn, mức lan truyền)')
      .fill('Nhiều nhóm phụ huynh chia sẻ tin các trường tiểu học tạm dừng bữa ăn bán trú từ tuần sau.');
    await page.getByLabel('Loại sự cố').selectOption('fake_news');
    await page.getByLabel('Mức độ').selectOption('L3');
    await page.getByLabel('Đơn vị chủ trì').selectOption({ label: 'Ủy ban nhân dân tỉnh An Hòa' });
    await page.getByLabel('Chủ đề theo dõi liên quan').selectOption({ label: TOPIC });
    await shoot(page, '05-declare');
    await page.getByRole('button', { name: 'Khai báo và mở phòng' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    incidentUrl = new URL(page.url()).pathname;
    // The group is assembled by the durable timer; the team leader is invited.
    const invitation = page.getByRole('region', { name: /Bạn được mời vào Tổ công tác/ });
    await invitation.waitFor({ timeout: 20_000 });
    await invitation.getByRole('button', { name: 'Nhận nhiệm vụ' }).click();
    await invitation.waitFor({ state: 'detached' });

    for (const who of [SPOKESPERSON, DRAFTER, LEGAL, CHAIRMAN, DEPUTY, POLICE]) {
      const member = await as(who, incidentUrl);
      const region = member.page.getByRole('region', { name: /Bạn được mời vào Tổ công tác/ });
      await region.getByRole('button', { name: 'Nhận nhiệm vụ' }).click();
      await region.waitFor({ state: 'detached' });
      await closeAll([leader]);
    }
    await moveTo(page, 'Đang xử lý');
    await shoot(page, '06-room-group');
  }, 120_000);

  it('applies a playbook after confirming what it creates', async () => {
    const { page } = leader;
    const apply = page
      .locator('#playbook')
      .getByRole('button', { name: /^Áp dụng/ })
      .first();
    await apply.click();
    const dialog = page.getByRole('dialog', { name: 'Áp dụng cẩm nang' });
    await dialog.getByText(/Sẽ tạo \d+ nhiệm vụ, \d+ dự thảo văn bản/).waitFor();
    await shoot(page, '07-playbook-confirm');
    // Cancelling applies nothing.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect(page.locator('#playbook').getByText('Đã áp dụng cẩm nang').count()).resolves.toBe(0);
    await apply.click();
    await page
      .getByRole('dialog', { name: 'Áp dụng cẩm nang' })
      .getByRole('button', { name: 'Đồng ý' })
      .click();
    await page
      .locator('#playbook')
      .getByText('Đã áp dụng cẩm nang: nhiệm vụ và dự thảo đã được tạo.')
      .waitFor();
    await page.locator('#tasks li.task').first().waitFor();
    // A task gets a due date.
    const task = page.locator('#tasks li.task').first();
    await task.getByRole('button', { name: /^Đổi hạn/ }).click();
    await task.locator('input[type="datetime-local"]').fill('2026-12-31T17:00');
    await task.getByRole('button', { name: 'Lưu hạn' }).click();
    await task
      .getByTestId('task-due')
      .getByText(/31\/12\/2026/)
      .waitFor();
  }, 60_000);

  it('co-drafts a press release, submits it after confirming, and it is approved, the last step on a phone', async () => {
    const drafter = await as(DRAFTER, incidentUrl);
    const a = drafter.page;
    await a.getByRole('button', { name: 'Soạn văn bản mới' }).click();
    await a.getByLabel('Loại văn bản').selectOption('press_release');
    await a.getByLabel('Tiêu đề').fill('Thông cáo báo chí về thông tin tạm dừng bữa ăn bán trú');
    await a.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await a.locator('.cm-body .cm-content[contenteditable="true"]').waitFor();
    statementUrl = new URL(a.url()).pathname;
    await a.locator('.cm-body .cm-content').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(
      'Ủy ban nhân dân tỉnh An Hòa khẳng định không có chủ trương tạm dừng bữa ăn bán trú.',
    );

    const spokesperson = await as(SPOKESPERSON, statementUrl);
    const b = spokesperson.page;
    await b.locator('.cm-body .cm-content[contenteditable="true"]').waitFor();
    await b.getByText('không có chủ trương tạm dừng bữa ăn bán trú').waitFor();
    await b.locator('.cm-body .cm-content').click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' Các trường vẫn tổ chức bữa ăn bán trú bình thường.');
    await a.getByText('Các trường vẫn tổ chức bữa ăn bán trú bình thường.').waitFor();
    await a.getByTestId('save-state').getByText('Đã lưu').waitFor();
    await b.getByTestId('save-state').getByText('Đã lưu').waitFor();
    await shoot(a, '08-codraft');

    await a.getByRole('button', { name: 'Trình duyệt' }).click();
    const confirm = a.getByRole('dialog', { name: 'Trình duyệt' });
    await confirm.getByText(/Bản dự thảo sẽ được khóa thành một phiên bản/).waitFor();
    await shoot(a, '09-submit-confirm');
    await confirm.getByRole('button', { name: 'Đồng ý' }).click();
    await a.getByText('Đã trình phiên bản 1.').waitFor();
    await b.getByText('Chỉ xem: văn bản đang trình duyệt.').waitFor();

    // Legal review and the team leader, side by side (step 1), from their inboxes.
    for (const who of [LEGAL, TEAM_LEADER]) {
      const reviewer = who === TEAM_LEADER ? leader : await as(who, '/approvals');
      const p = reviewer.page;
      if (who === TEAM_LEADER) await p.goto(`${t.url}/approvals`);
      await p.getByRole('link', { name: 'Xem và quyết định' }).first().click();
      await p
        .getByTestId('official-document')
        .getByText('Các trường vẫn tổ chức bữa ăn bán trú bình thường.')
        .waitFor();
      await p.getByLabel('Nhập lại mật khẩu để ký duyệt').fill(who.password);
      await p.getByLabel('Nhập lại mật khẩu để ký duyệt').press('Enter');
      await p.getByText(/Đã ghi nhận quyết định/).waitFor();
    }

    // The Chủ tịch approves from a phone.
    const chairman = await as(CHAIRMAN, '/approvals', true);
    const phone = chairman.page;
    await phone.getByRole('link', { name: 'Xem và quyết định' }).first().click();
    await phone
      .getByTestId('official-document')
      .getByText('không có chủ trương tạm dừng bữa ăn bán trú')
      .waitFor();
    // The rendered document, as it will be issued, with the SHA-256 of that rendering.
    await expect(phone.getByTestId('document-sha256').innerText()).resolves.toMatch(/^[0-9a-f]{64}$/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByLabel('Nhập lại mật khẩu để ký duyệt').fill(CHAIRMAN.password);
    await shoot(phone, '10-approve-phone');
    await phone.getByLabel('Nhập lại mật khẩu để ký duyệt').press('Enter');
    await phone.getByText('Đã ghi nhận quyết định. Trạng thái văn bản: Đã phê duyệt.').waitFor();
    await closeAll([leader, spokesperson]);
  }, 120_000);

  it('records the publication per channel; the statement reads as published and the legal clock stops', async () => {
    const spokesperson = opened.find((p) => p !== leader)!;
    const { page } = spokesperson;
    await page.reload();
    const form = page.getByRole('form', { name: /Ghi nhận công bố phiên bản 1/ });
    await form.waitFor();
    await form.getByLabel('Kênh công bố').selectOption('portal');
    await form.getByLabel('Đường dẫn bài đã đăng (nếu có)').fill('https://anhoa.gov.vn/thong-cao/ban-tru');
    await form.getByRole('button', { name: 'Ghi nhận đã công bố' }).click();
    await page.getByText('Chỉ xem: văn bản đã được công bố.').waitFor();
    await page
      .locator('#approval')
      .getByRole('link', { name: 'https://anhoa.gov.vn/thong-cao/ban-tru' })
      .waitFor();
    await form.getByLabel('Kênh công bố').selectOption('social_page');
    await form.getByRole('button', { name: 'Ghi nhận đã công bố' }).click();
    await page.locator('#approval li').filter({ hasText: 'Trang mạng xã hội chính thức' }).waitFor();
    expect(await page.getByText('Chỉ xem: văn bản đang trình duyệt').count()).toBe(0);
    await shoot(page, '11-published');
    // The issued statement as official documents (NĐ 30/2020), from its version history.
    const pdf = await download(page, 'Tải PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect((await pdfText(pdf.bytes)).text).toContain('Các trường vẫn tổ chức bữa ăn bán trú bình thường.');
    const docx = await download(page, 'Tải DOCX (Word)');
    expect(docx.name).toMatch(/\.docx$/);
    const word = await openDocx(docx.bytes);
    expect(word.text).toContain('Các trường vẫn tổ chức bữa ăn bán trú bình thường.');
    expect(word.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    const room = leader.page;
    await room.goto(t.url + incidentUrl);
    await room
      .locator('.room-head .clocks')
      .getByText(/Đã đáp ứng/)
      .first()
      .waitFor();
    await shoot(room, '12-clock-stopped');
    await closeAll([leader]);
  }, 60_000);

  it('writes the review, closes the incident (the room turns read-only) and archives it', async () => {
    const { page } = leader;
    await moveTo(page, 'Theo dõi sau xử lý');
    await moveTo(page, 'Đã giải quyết');
    const review = page.locator('#review');
    await review.getByLabel('Những việc làm tốt').fill('Thông cáo được công bố trong 24 giờ, trên hai kênh.');
    await review.getByLabel('Tồn tại, hạn chế').fill('Chậm xác minh nguồn gốc tin ban đầu.');
    await review.getByLabel('Nguyên nhân').fill('Chưa có đầu mối ở các trường.');
    await review.getByLabel('Bài học kinh nghiệm').fill('Lập sẵn danh sách đầu mối ở các trường tiểu học.');
    await review.getByLabel('Kiến nghị, đề xuất').fill('Sở Giáo dục và Đào tạo cử đầu mối thường trực.');
    await review.getByRole('button', { name: 'Lưu nháp' }).click();
    await review.getByText('Đã lưu.').waitFor();
    await review.getByRole('button', { name: 'Hoàn thành rút kinh nghiệm' }).click();
    await review.getByText('Đã hoàn thành: có thể đóng sự cố.').waitFor();
    await shoot(page, '13-review');

    await moveTo(page, 'Đã đóng');
    await page.getByTestId('room-read-only').waitFor();
    expect(await page.locator('#chat textarea').count()).toBe(0);
    await shoot(page, '14-closed-room');
    // A member who never answered is not offered to accept any more.
    const scribe = await as(SCRIBE, incidentUrl);
    await scribe.page.getByTestId('room-read-only').waitFor();
    await scribe.page.locator('#group li').first().waitFor();
    expect(await scribe.page.getByRole('button', { name: 'Nhận nhiệm vụ' }).count()).toBe(0);
    await closeAll([leader]);

    // The status control still offers archiving once closed.
    await moveTo(page, 'Đã lưu trữ');
    await shoot(page, '15-archived');

    // A leftover draft of the playbook is read-only, saying why.
    const drafter = await as(DRAFTER, incidentUrl);
    const leftover = drafter.page.locator('#statements li').filter({ hasText: 'Dự thảo' }).first();
    await leftover.getByRole('link').first().click();
    await drafter.page
      .getByTestId('editor-read-only')
      .getByText(/sự cố đã đóng hoặc đã lưu trữ/)
      .waitFor();
    expect(await drafter.page.locator('.cm-body .cm-content').getAttribute('contenteditable')).toBe('false');
    expect(await drafter.page.getByLabel('Nội dung bình luận').count()).toBe(0);
    await shoot(drafter.page, '16-leftover-draft-read-only');
    await closeAll([leader]);
  }, 90_000);

  it('downloads the review report and the periodic report as PDF and DOCX', async () => {
    const { page } = leader;
    await page.getByRole('link', { name: 'Báo cáo tổng kết' }).first().click();
    await page.getByRole('heading', { name: 'Báo cáo kết quả xử lý và rút kinh nghiệm' }).waitFor();
    const review = await download(page, 'Tải bản PDF');
    expect(review.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfText(review.bytes)).text).toContain('Lập sẵn danh sách đầu mối ở các trường tiểu học.');
    const reviewDocx = await openDocx((await download(page, 'Tải bản DOCX (Word)')).bytes);
    expect(reviewDocx.text).toContain('Lập sẵn danh sách đầu mối ở các trường tiểu học.');

    await page.goto(`${t.url}/reports/periodic`);
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Ủy ban nhân dân tỉnh An Hòa' });
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.locator('table.data-table').getByText(TITLE).waitFor();
    await page.getByText('Tin giả, tin sai sự thật: 1 (L3 – Tỉnh: 1)').waitFor();
    await shoot(page, '17-periodic');
    const periodic = await download(page, 'Tải PDF');
    expect(periodic.name).toMatch(/^bao-cao-dinh-ky-.*\.pdf$/);
    expect((await pdfText(periodic.bytes)).text).toContain(TITLE);
    const periodicDocx = await download(page, 'Tải DOCX (Word)');
    expect(periodicDocx.name).toMatch(/^bao-cao-dinh-ky-.*\.docx$/);
    expect((await openDocx(periodicDocx.bytes)).text).toContain(TITLE);
    await closeAll([]);
  }, 60_000);
});
