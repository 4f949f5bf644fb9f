import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/auth/role.js';
import { loadConfig } from '../../src/config/app-config.js';
import { startSmtpServer } from '../support/smtp-server.js';
import { makeStatementTeam } from '../support/statement-team.js';
import type { StatementTeam } from '../support/statement-team.js';
import { createTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import {
  accessibilityProblems,
  ensureWebBuild,
  launchChromium,
  logIn,
  openPage,
  screenshot,
} from './support/browser.js';
import type { TrackedPage } from './support/browser.js';

const defaults = loadConfig({ NODE_ENV: 'test' }, []);

/** The press officer's week: a journalist's request logged, routed, answered, approved and sent. */
describe('press desk in Chromium (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let officer: TrackedPage;
  let inquiryUrl = '';
  const journalistEmail = 'minh.anh@dientu.example.vn';

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
    smtp = await startSmtpServer();
    t = await createTestApp({
      jobs: { ...defaults.jobs, pollIntervalMs: 200 },
      notifications: {
        ...defaults.notifications,
        smtp: { url: smtp.url, from: '"Ứng phó – Tỉnh An Hòa" <ungpho@anhoa.example.vn>' },
        retryBaseMs: 100,
      },
    });
    team = await makeStatementTeam(t);
    // The officer works in the unit's press office (directory tag): journalists' contacts are shown to them.
    await t.dataSource.query(`UPDATE people SET tags = '{press_office}' WHERE id = $1`, [
      team.spokesperson.person.id,
    ]);
    const admin = await t.createUser({ roles: [Role.Admin] });
    const outlet = await t
      .http()
      .post('/api/press/outlets')
      .set(admin.auth)
      .send({ name: 'Báo Điện tử Dân Sinh', type: 'online', licenceNumber: '45/GP-BTTTT' });
    const j = await t.http().post('/api/press/journalists').set(admin.auth).send({
      fullName: 'Phạm Minh Anh',
      outletId: outlet.body.id,
      email: journalistEmail,
      phone: '0987 654 321',
      pressCardNumber: 'TNB-2207',
      beat: 'Giáo dục, y tế',
    });
    expect(j.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it('logs a request by e-mail: it is routed to the unit, with its due time', async () => {
    officer = await openPage(browser);
    const { page } = officer;
    await logIn(page, t.url, team.spokesperson, '/press');
    await page.getByRole('heading', { name: 'Bàn báo chí' }).waitFor();
    await page.getByText('Không có đề nghị nào đang chờ trả lời.').waitFor();
    await page.getByLabel('Nhà báo').selectOption({ label: 'Phạm Minh Anh – Báo Điện tử Dân Sinh' });
    await page.getByLabel('Đơn vị được hỏi').selectOption(team.unitId);
    await page.getByLabel('Gắn với sự cố đang mở').selectOption(team.incidentId);
    await page
      .getByLabel('Nội dung đề nghị')
      .fill('Nguyên nhân vụ ngộ độc thực phẩm tại trường Tiểu học Hòa Bình');
    await page
      .getByLabel('Câu hỏi (mỗi dòng một câu)')
      .fill('Nguyên nhân ngộ độc đã được xác định chưa?\nTrách nhiệm của đơn vị cung cấp suất ăn ra sao?');
    await shoot(page, 'press-01-desk-new-request');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page
      .getByRole('heading', { name: 'Nguyên nhân vụ ngộ độc thực phẩm tại trường Tiểu học Hòa Bình' })
      .waitFor();
    inquiryUrl = page.url();
    await page.getByText('Đơn vị được hỏi còn hoạt động vào ngày').waitFor();
    expect(await page.locator('.press-facts').innerText()).toContain('Mới tiếp nhận');
    // The press office sees the journalist's contacts.
    expect(await page.locator('.press-facts').innerText()).toContain(journalistEmail);
    await shoot(page, 'press-02-request-routed');
  }, 60_000);

  it('answers each question and drafts the written answer, then submits it for approval', async () => {
    const { page } = officer;
    const answers = [
      'Kết quả xét nghiệm của Trung tâm Kiểm soát bệnh tật tỉnh cho thấy mẫu thức ăn nhiễm khuẩn Salmonella.',
      'Sở Y tế đã tạm dừng hợp đồng với đơn vị cung cấp suất ăn và chuyển hồ sơ cho cơ quan chức năng.',
    ];
    for (const [i, text] of answers.entries()) {
      await page.getByLabel('Trả lời', { exact: true }).nth(i).fill(text);
      const saved = page.waitForResponse(
        (r) => r.url().includes('/questions/') && r.request().method() === 'PATCH' && r.ok(),
      );
      await page.getByRole('button', { name: 'Lưu câu trả lời' }).nth(i).click();
      await saved;
      await page.getByText('Đã lưu').nth(i).waitFor();
    }
    await page.getByRole('button', { name: 'Soạn văn bản trả lời' }).click();
    await page.getByRole('link', { name: 'Mở văn bản để soạn, trình duyệt' }).waitFor();
    expect(await page.locator('.press-facts').innerText()).toContain('Đang soạn trả lời');
    await shoot(page, 'press-03-answer-drafted');
    await page.getByRole('link', { name: 'Mở văn bản để soạn, trình duyệt' }).click();
    await page.getByRole('button', { name: 'Trình duyệt' }).click();
    await page.getByRole('dialog', { name: 'Trình duyệt' }).getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByText('Đã trình phiên bản 1.').waitFor();
    await shoot(page, 'press-04-answer-submitted');
  }, 60_000);

  it('the leaders approve it; the officer sends it, and the journalist receives it with the hash', async () => {
    const statementId: string = (
      await t.dataSource.query(
        `SELECT statement_id FROM press_inquiries WHERE subject LIKE 'Nguyên nhân vụ ngộ độc%'`,
      )
    )[0].statement_id;
    const sha256: string = (
      await t.http().get(`/api/statements/${statementId}/versions/1`).set(team.admin.auth)
    ).body.sha256;
    for (const m of [team.legal, team.teamLeader]) {
      const res = await t
        .http()
        .post(`/api/statements/${statementId}/versions/1/decisions`)
        .set(m.auth)
        .send({ decision: 'approve', sha256, password: m.password });
      expect(res.status).toBeLessThan(300);
    }
    // The approving leader decides in the console, on the exact text.
    const leader = await openPage(browser);
    await logIn(leader.page, t.url, team.approver, `/approvals/${statementId}/1`);
    const password = leader.page.getByLabel('Nhập lại mật khẩu để ký duyệt');
    await password.fill(team.approver.password);
    await password.press('Enter');
    await leader.page.getByText('Đã ghi nhận quyết định. Trạng thái văn bản: Đã phê duyệt.').waitFor();
    expect(leader.errors).toEqual([]);
    await leader.context.close();

    const { page } = officer;
    await page.goto(inquiryUrl);
    await page.getByText('Trạng thái văn bản: Đã phê duyệt').waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Gửi cho nhà báo qua thư điện tử' }).click();
    await page.getByText('Đã gửi phiên bản 1 cho nhà báo.').waitFor();
    expect(await page.locator('.hash').innerText()).toBe(sha256);
    expect(await page.locator('.press-facts').innerText()).toContain('Đã trả lời');
    await shoot(page, 'press-05-answer-sent');
    const mail = await (async () => {
      for (let i = 0; i < 100; i++) {
        const m = smtp.mailTo(journalistEmail)[0];
        if (m) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no e-mail to the journalist');
    })();
    expect(mail.subject).toBe(
      'Trả lời báo chí: Nguyên nhân vụ ngộ độc thực phẩm tại trường Tiểu học Hòa Bình',
    );
    expect(mail.text).toContain('mẫu thức ăn nhiễm khuẩn Salmonella');
    expect(mail.text).toContain(sha256);

    await page.getByRole('link', { name: '← Bàn báo chí' }).click();
    await page.getByRole('heading', { name: 'Thời gian trả lời theo đơn vị (90 ngày qua)' }).waitFor();
    await page.getByText('Không có đề nghị nào đang chờ trả lời.').waitFor();
    await shoot(page, 'press-06-desk-after');
    await page.getByRole('link', { name: 'Cơ quan báo chí và nhà báo' }).click();
    await page.getByRole('cell', { name: 'Phạm Minh Anh' }).waitFor();
    await shoot(page, 'press-07-contacts');
    expect(officer.errors).toEqual([]);
  }, 60_000);
});
