import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/auth/role.js';
import { makeOrgUnit, makePerson } from '../support/factories.js';
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

/** A 1×1 PNG screenshot. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const CSV = [
  'Tiêu đề,Nội dung,Đường dẫn,Thời gian đăng,Tác giả,Loại nguồn,Sắc thái,Lượt tiếp cận',
  'Nước máy đục ở phường Tân An,Nhiều hộ dân phản ánh nước máy có mùi lạ,https://baoanhoa.example.vn/nuoc-duc-1,02/08/2025 07:15,Báo An Hòa,Báo điện tử,Tiêu cực,12.500',
  'Công ty cấp nước lên tiếng,Công ty cho biết đang súc rửa đường ống,https://baoanhoa.example.vn/nuoc-duc-2,02/08/2025 09:40,Báo An Hòa,Báo điện tử,Trung lập,8.000',
  'Ngày sai,Bài có ngày không tồn tại,https://baoanhoa.example.vn/nuoc-duc-3,31/02/2025 10:00,Báo An Hòa,Báo điện tử,Tiêu cực,100',
  'Cư dân bức xúc,Clip nước vàng đục lan truyền trên mạng,https://facebook.com/tanan/posts/4,02/08/2025 11:05,Nhóm Cư dân Tân An,Mạng xã hội,Bực bội,300',
].join('\n');

/** File import (upload, mapping, preview, import) and the officer's report form on a phone, in Chromium. */
describe('signal intake screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let analyst: TestUser;
  let officer: TestUser;
  let tab: TrackedPage | undefined;
  let unitName: string;

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
    unitName = 'UBND phường Tân An';
    const unit = await makeOrgUnit(t.dataSource, { name: unitName, parentId: province.id });
    const admin = await t.createUser({ roles: [Role.Admin] });
    analyst = await t.createUser({
      roles: [Role.Analyst],
      displayName: 'Phạm Minh Châu',
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    officer = await t.createUser({
      roles: [Role.Officer],
      displayName: 'Đỗ Văn Bình',
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({ name: 'Nền tảng lắng nghe SocialHub', kind: 'commercial_platform', orgUnitId: unit.id });
    await t
      .http()
      .post('/api/topics')
      .set(analyst.auth)
      .send({
        orgUnitId: unit.id,
        name: 'Nước sinh hoạt phường Tân An',
        anyTerms: ['nước máy', 'nước vàng'],
      });
  }, 120_000);
  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
    await t?.close();
  });

  it('an analyst uploads an export, checks the guessed mapping and the preview, imports it and sees the source activity', async () => {
    tab = await openPage(browser);
    const { page } = tab;
    await logIn(page, t.url, analyst, '/admin/imports');
    await page.getByRole('heading', { name: 'Quản trị: Nhập tệp dữ liệu' }).waitFor();
    await page.getByLabel('Nguồn tín hiệu').selectOption({ label: 'Nền tảng lắng nghe SocialHub' });
    await page.getByLabel('Tệp CSV hoặc XLSX').setInputFiles({
      name: 'socialhub-02-08.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByRole('heading', { name: 'Ghép cột của tệp «socialhub-02-08.csv»' }).waitFor();
    // Guessed from the Vietnamese headers.
    await expect(page.getByLabel('Thời gian đăng', { exact: true }).inputValue()).resolves.toBe(
      'Thời gian đăng',
    );
    await expect(page.getByLabel('Loại nguồn', { exact: true }).inputValue()).resolves.toBe('Loại nguồn');
    await expect(page.getByLabel('Tác giả').inputValue()).resolves.toBe('Tác giả');

    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect(preview.locator('tbody tr').count()).resolves.toBe(4);
    await expect(preview.locator('tr.row-error').first().textContent()).resolves.toContain(
      'Thời gian đăng: thời gian «31/02/2025 10:00» không đúng định dạng dd/MM/yyyy HH:mm',
    );
    await expect(preview.locator('tbody tr').first().textContent()).resolves.toContain(
      'Nước máy đục ở phường Tân An',
    );
    await shoot(page, 'import-preview');

    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByRole('heading', { name: 'Đã nhập xong' }).waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('import-counts').textContent()).resolves.toBe(
      'Đã đọc 4 dòng: 2 đề cập mới, 0 trùng lặp, 2 dòng lỗi',
    );
    await shoot(page, 'import-done');

    await page.getByRole('link', { name: 'Nguồn tín hiệu' }).click();
    await page.getByRole('button', { name: 'Xem hoạt động' }).click();
    await expect(page.getByTestId('source-activity-total').textContent()).resolves.toBe(
      '2 đề cập mới, 0 trùng lặp, 2 bị từ chối',
    );
    await page.getByText('Nước sinh hoạt phường Tân An').waitFor();
    await page.getByRole('cell', { name: 'Sắc thái', exact: true }).waitFor();
    await shoot(page, 'source-activity');
    expect(tab.errors).toEqual([]);
    await tab.context.close();
    tab = undefined;
  }, 60_000);

  it('an officer reports a post with a screenshot on a phone and opens an incident at once', async () => {
    tab = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const { page } = tab;
    await logIn(page, t.url, officer, '/');
    await page.getByRole('link', { name: 'Báo cáo thủ công' }).click();
    await page.getByRole('heading', { name: 'Báo cáo thủ công' }).waitFor();
    await page.getByLabel('Đơn vị liên quan').selectOption({ label: unitName });
    await page.getByLabel('Đường dẫn bài viết').fill('https://facebook.com/groups/tanan/posts/987');
    await page
      .getByLabel('Nội dung (dán vào) hoặc tóm tắt')
      .fill(
        'Bài đăng nói phường Tân An cắt nước cả tuần không báo trước: sai sự thật, đã có hàng trăm lượt chia sẻ',
      );
    await page.getByLabel('Trang, tài khoản hoặc cơ quan báo').fill('Nhóm Cư dân Tân An');
    await page.getByLabel('Tiêu cực').check();
    await page.getByLabel('Nhãn tin giả (theo VAFC)').selectOption({ label: 'Tin sai sự thật' });
    await page
      .getByLabel(/Ảnh chụp màn hình/)
      .setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: PNG });
    await page
      .getByLabel('Ghi chú: thấy ở đâu, mức lan truyền')
      .fill('Thấy lúc 7 giờ sáng, đã hơn 300 lượt chia sẻ');
    await page.getByLabel('Mở sự cố mới').check();
    await page.getByLabel('Tên sự cố').fill('Tin sai về việc cắt nước ở phường Tân An');
    await page.getByLabel('Loại sự cố').selectOption('fake_news');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'officer-report-phone');

    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Tin sai về việc cắt nước ở phường Tân An/ }).waitFor();
    await screenshot(page, 'officer-report-incident-phone');
    const [row] = await t.dataSource.query(
      `SELECT r.evidence_type, r.incident_id, m.fake_news_label FROM officer_reports r JOIN mentions m ON m.id = r.mention_id`,
    );
    expect(row).toMatchObject({ evidence_type: 'image/png', fake_news_label: 'tin_sai_su_that' });
    expect(page.url()).toContain(row.incident_id);
    expect(tab.errors).toEqual([]);
  }, 60_000);
});
