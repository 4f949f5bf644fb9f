import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { PressOutlet } from '../../src/press/entities/press-outlet.entity.js';
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

/**
 * A press officer plans a press conference in the console: unit, kind, time, place, chair, the spokesperson
 * designated on that day, the incident, agenda, invited outlets and anticipated questions whose lines come from the
 * incident's verified facts and approved statements; then records it as held, a question asked and a commitment,
 * and looks at the cadence of the units.
 */
describe('press conference planning in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let tab: TrackedPage;
  let team: StatementTeam;
  const outlets: string[] = [];
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
    team = await makeStatementTeam(t, { category: 'public_health', severity: 'L2' });
    for (const name of ['Báo An Hòa', 'Đài Phát thanh và Truyền hình An Hòa']) {
      const o = await t.dataSource
        .getRepository(PressOutlet)
        .save(
          t.dataSource
            .getRepository(PressOutlet)
            .create({ name: `${name} ${randomBytes(2).toString('hex')}`, type: 'newspaper' }),
        );
      outlets.push(o.name);
    }
    await t.http().post(`/api/incidents/${team.incidentId}/facts`).set(team.drafters[0].auth).send({
      statement: '12 học sinh được theo dõi tại trạm y tế, không ai nguy kịch.',
      source: 'Trạm Y tế phường',
      status: 'verified',
    });
    const draft = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({
        type: 'press_release',
        title: 'Thông cáo về vụ việc tại Trường Tiểu học An Phú',
        body: 'Sở Y tế đã niêm phong mẫu thức ăn để xét nghiệm.',
      });
    const v = (
      await t.http().post(`/api/statements/${draft.body.id}/submit`).set(team.drafters[0].auth).send({})
    ).body.version;
    for (const by of [team.legal, team.teamLeader, team.approver]) {
      await t
        .http()
        .post(`/api/statements/${draft.body.id}/versions/${v.number}/decisions`)
        .set(by.auth)
        .send({ sha256: v.sha256, decision: 'approve', password: by.password });
    }
    const designation = await t.http().post('/api/spokesperson-designations').set(team.admin.auth).send({
      personId: team.spokesperson.person.id,
      orgUnitId: team.unitId,
      kind: 'spokesperson',
      validFrom: '2026-01-01',
    });
    expect(designation.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
    await t?.close();
  });

  it('plans a conference, records it as held with a question and a commitment, and shows the cadence', async () => {
    tab = await openPage(browser);
    const { page } = tab;
    await logIn(page, t.url, team.teamLeader, '/press/conferences');
    await page.getByRole('heading', { name: 'Họp báo', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Lập kế hoạch họp báo' }).click();
    await page.getByRole('heading', { name: 'Lập kế hoạch họp báo' }).waitFor();

    const unitName = (await t.dataSource.query('SELECT name FROM org_units WHERE id = $1', [team.unitId]))[0]
      .name;
    await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: unitName });
    await page.getByLabel('Loại họp báo').selectOption({ label: 'Đột xuất' });
    await page.getByLabel('Tên cuộc họp báo').fill('Họp báo về vụ việc học sinh nghi ngộ độc thực phẩm');
    await page.getByLabel('Thời gian').fill('2026-12-04T15:00');
    await page.getByLabel('Địa điểm').fill('Hội trường Sở Y tế');
    await page.getByLabel('Người chủ trì', { exact: true }).fill('Phạm Minh Giám Đốc');
    await page.getByLabel('Chức vụ người chủ trì').fill('Giám đốc Sở Y tế');
    const spokesperson = page.getByLabel('Người phát ngôn');
    await spokesperson
      .locator('option', { hasText: team.spokesperson.person.fullName })
      .waitFor({ state: 'attached' });
    await spokesperson.selectOption({
      label: `${team.spokesperson.person.fullName} – ${team.spokesperson.person.position}`,
    });
    const incident = page.getByLabel('Sự cố liên quan');
    await incident.locator('option', { hasText: 'ngộ độc' }).waitFor({ state: 'attached' });
    await incident.selectOption({ index: 1 });
    await page
      .getByLabel('Chương trình (mỗi dòng một nội dung)')
      .fill('Thông tin diễn biến vụ việc\nCác biện pháp đã triển khai');
    for (const o of outlets) await page.getByLabel(o).check();
    await page.getByLabel('Câu hỏi 1').fill('Bao nhiêu học sinh phải theo dõi sức khỏe?');
    await page.getByLabel('12 học sinh được theo dõi tại trạm y tế, không ai nguy kịch.').check();
    await page.getByRole('button', { name: 'Thêm câu hỏi dự kiến' }).click();
    await page.getByLabel('Câu hỏi 2').fill('Ai chịu trách nhiệm về bếp ăn?');
    await page
      .getByLabel(/^Nội dung trả lời/)
      .nth(1)
      .fill('Đang chờ kết luận của đoàn kiểm tra liên ngành.');
    await shoot(page, 'press-conference-plan');

    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Họp báo về vụ việc học sinh nghi ngộ độc thực phẩm' }).waitFor();
    const plan = page.locator('#conf-plan');
    await expect(plan.textContent()).resolves.toContain(team.spokesperson.person.fullName);
    await expect(plan.textContent()).resolves.toContain(
      '12 học sinh được theo dõi tại trạm y tế, không ai nguy kịch.',
    );
    await expect(plan.textContent()).resolves.toContain(outlets[1]);
    await expect(page.locator('#conf-minutes').textContent()).resolves.toContain('Biên bản có sau khi');
    await shoot(page, 'press-conference-planned');

    await page
      .getByLabel('Kết luận của người chủ trì')
      .fill('Sở Y tế công bố kết quả xét nghiệm ngay khi có.');
    await page.getByRole('button', { name: 'Ghi nhận đã họp báo' }).click();
    await page.getByRole('button', { name: 'Tải biên bản (PDF)' }).waitFor();
    await page.getByLabel('Người hỏi').fill('Trần Văn Ký Giả');
    await page.getByLabel('Tên cơ quan báo chí').fill('Báo Tuổi Trẻ');
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Khi nào có kết quả xét nghiệm?');
    await page.getByLabel('Nội dung trả lời').fill('Dự kiến trong 3 ngày làm việc.');
    await page.getByRole('button', { name: 'Ghi câu hỏi' }).click();
    await page.locator('#conf-asked td', { hasText: 'Khi nào có kết quả xét nghiệm?' }).waitFor();
    await page.getByLabel('Nội dung cam kết').fill('Gửi kết quả xét nghiệm cho các cơ quan báo chí');
    await page.getByLabel('Đơn vị thực hiện').selectOption({ label: unitName });
    await page.getByLabel('Thời hạn').fill('2026-12-08T17:00');
    await page.getByRole('button', { name: 'Ghi cam kết' }).click();
    await page
      .locator('#conf-commitments li', { hasText: 'Gửi kết quả xét nghiệm cho các cơ quan báo chí' })
      .waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải biên bản (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe('bien-ban-hop-bao.pdf');
    await shoot(page, 'press-conference-held');

    await page.getByRole('link', { name: 'Lịch họp báo định kỳ' }).click();
    await page.getByRole('heading', { name: 'Lịch họp báo định kỳ' }).waitFor();
    await page.locator('td', { hasText: unitName }).waitFor();
    await expect(page.locator('tr', { hasText: unitName }).textContent()).resolves.toMatch(/Chậm \d+ ngày/);
    await shoot(page, 'press-cadence');
    expect(tab.errors).toEqual([]);
  }, 120_000);
});
