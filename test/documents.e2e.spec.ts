import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'superagent';
import { Role } from '../src/auth/role.js';
import { openDocx } from './support/docx.js';
import { pdfInfo, pdfItems, pdfPages, pdfText, renderPdfPage } from './support/pdf.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';

const ARTIFACTS = path.resolve('test-artifacts/documents');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const binary = (response: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (c: Buffer) => chunks.push(c));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};
const vnDate = (at: Date) => {
  const d = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
};

// Long enough to run onto a second page: page numbers from page 2, headings kept with their text.
const BODY = [
  'Sáng ngày 02/12/2026, trên mạng xã hội xuất hiện thông tin về việc học sinh **Trường Tiểu học An Phú** nghi ngộ độc sau bữa ăn bán trú.',
  '',
  '**1. Những nội dung đã được xác minh**',
  '',
  '- 12 học sinh có biểu hiện đau bụng, đã được đưa đến Trạm Y tế phường để theo dõi;',
  '- *Không có trường hợp nào nguy kịch*; mẫu thức ăn đã được niêm phong để xét nghiệm.',
  '',
  '## 2. Các biện pháp đã thực hiện',
  '',
  ...Array.from(
    { length: 9 },
    (_, i) =>
      `Đoạn ${i + 1}: Sở Y tế đã chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh phối hợp với Ủy ban nhân dân phường An Phú ` +
      'kiểm tra bếp ăn, lấy mẫu thực phẩm, rà soát hồ sơ nguồn gốc nguyên liệu và tạm dừng cung cấp suất ăn cho đến ' +
      'khi có kết quả xét nghiệm; đồng thời thông tin kịp thời cho phụ huynh và nhà trường.\n',
  ),
  '## 3. Khuyến cáo',
  '',
  'Đề nghị người dân theo dõi thông tin chính thức trên Cổng thông tin điện tử của Sở Y tế.',
].join('\n');

describe('Official documents of statements and reports (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  let statementId: string;
  let version: { number: number; sha256: string };
  let publishedAt: Date;
  const docUrl = () => `/api/statements/${statementId}/versions/${version.number}/document`;
  const fetchDoc = (auth: Record<string, string>, format: string) =>
    t.http().get(docUrl()).query({ format }).set(auth).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t, { category: 'public_health', severity: 'L2' });
    const draft = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'holding_statement', title: 'Về vụ việc học sinh nghi ngộ độc thực phẩm', body: BODY });
    expect(draft.status).toBe(201);
    statementId = draft.body.id;
    const submitted = await t
      .http()
      .post(`/api/statements/${statementId}/submit`)
      .set(team.drafters[0].auth)
      .send({});
    expect(submitted.status).toBe(200);
    version = submitted.body.version;
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows approvers the version as the document it will be issued as, with the SHA-256 of that rendering', async () => {
    const res = await t
      .http()
      .get(`/api/statements/${statementId}/versions/${version.number}`)
      .set(team.approver.auth);
    expect(res.status).toBe(200);
    const doc = res.body.document;
    expect(doc.sha256).toBe(createHash('sha256').update(doc.html, 'utf8').digest('hex'));
    expect(doc.numberLine).toBe('Số: …/TB-SYT');
    expect(doc.issuedAt).toBeNull();
    const text = doc.html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    for (const s of [
      'SỞ Y TẾ TỈNH AN HÒA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'THÔNG TIN BAN ĐẦU',
      'Về vụ việc học sinh nghi ngộ độc thực phẩm',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      team.approver.person.fullName,
    ]) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(s);
    }
    // Markdown is drawn, not shown: bold and italic become emphasis, no asterisks or hashes reach the reader.
    expect(doc.html).toContain('<strong>Trường Tiểu học An Phú</strong>');
    expect(doc.html).toContain('<em>Không có trường hợp nào nguy kịch</em>');
    expect(text).not.toMatch(/\*\*|##/);
    // The raw Markdown and the hash approvals bind to are still there, unchanged.
    expect(res.body.body).toBe(BODY.trim());
    expect(res.body.sha256).toBe(version.sha256);
    const list = await t.http().get(`/api/statements/${statementId}/versions`).set(team.legal.auth);
    expect(list.body.items[0].document.sha256).toBe(doc.sha256);
  });

  it('exports the draft version as PDF: administrative form, unnumbered, hash in the footer and properties', async () => {
    const res = await fetchDoc(team.approver.auth, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="van-ban-.*-v1\.pdf"/);
    const pdf = res.body as Buffer;
    const { text } = await pdfText(pdf);
    for (const s of [
      'SỞ Y TẾ TỈNH AN HÒA',
      'Số: …/TB-SYT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ngày … tháng … năm …',
      'THÔNG TIN BAN ĐẦU',
      'Những nội dung đã được xác minh',
      'Không có trường hợp nào nguy kịch',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      team.approver.person.fullName,
      `SHA-256: ${version.sha256}`,
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('**');
    const info = await pdfInfo(pdf);
    expect(info.Subject).toBe(`SHA-256: ${version.sha256}`);
    expect(info.Keywords).toContain(version.sha256);
    await renderPdfPage(pdf, 1, path.join(ARTIFACTS, 'statement-draft-page-1.png'));
  });

  it('numbers the version from the unit register when it is published; PDF and DOCX carry number and date', async () => {
    for (const who of [team.legal, team.teamLeader, team.approver]) {
      const res = await t
        .http()
        .post(`/api/statements/${statementId}/versions/${version.number}/decisions`)
        .set(who.auth)
        .send({ decision: 'approve', password: who.password, sha256: version.sha256 });
      expect(res.status).toBe(201);
      // The reviewers of the first step do not sign: the approving leader of the last step does.
      const shown = await t
        .http()
        .get(`/api/statements/${statementId}/versions/${version.number}`)
        .set(team.reader.auth);
      expect(shown.body.document.html).toContain(team.approver.person.fullName);
      expect(shown.body.document.html).not.toContain(team.teamLeader.person.fullName);
    }
    const published = await t
      .http()
      .post(`/api/statements/${statementId}/publications`)
      .set(team.spokesperson.auth)
      .send({ versionNumber: version.number, sha256: version.sha256, channel: 'portal' });
    expect(published.status).toBe(201);
    publishedAt = new Date(published.body.publishedAt);
    // A second channel is the same document: it keeps its number.
    const again = await t
      .http()
      .post(`/api/statements/${statementId}/publications`)
      .set(team.spokesperson.auth)
      .send({ versionNumber: version.number, sha256: version.sha256, channel: 'press_outlets' });
    expect(again.status).toBe(201);

    const pdf = (await fetchDoc(team.reader.auth, 'pdf')).body as Buffer;
    const pages = await pdfPages(pdf);
    const text = pages.join(' ');
    expect(text).toContain('Số: 01/TB-SYT');
    expect(text).toContain(vnDate(publishedAt));
    expect(text).toContain(`SHA-256: ${version.sha256}`);
    // Two pages: no number on page 1, "2" centred at the top of page 2; the signature never alone on the last.
    expect(pages.length).toBe(2);
    const inTopMargin = async (page: number) =>
      (await pdfItems(pdf, page)).filter((it) => it.y < 20 * (72 / 25.4));
    expect(await inTopMargin(1)).toEqual([]);
    const [pageNumber] = await inTopMargin(2);
    expect(pageNumber.str).toBe('2');
    // Centred on the text block (left margin 30 mm, right 15 mm).
    const centre = (30 + (210 - 45) / 2) * (72 / 25.4);
    expect(Math.abs(pageNumber.x + 3 - centre)).toBeLessThan(6);
    const last = pages[1].slice(0, pages[1].indexOf('Nơi nhận:'));
    expect(last).toContain('Khuyến cáo');
    await renderPdfPage(pdf, 1, path.join(ARTIFACTS, 'statement-page-1.png'));
    await renderPdfPage(pdf, 2, path.join(ARTIFACTS, 'statement-page-2.png'));
    await writeFile(path.join(ARTIFACTS, 'statement.pdf'), pdf);

    const res = await fetchDoc(team.reader.auth, 'docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_TYPE);
    const buffer = res.body as Buffer;
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    await writeFile(path.join(ARTIFACTS, 'statement.docx'), buffer);
    const docx = await openDocx(buffer);
    expect(docx.parts).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'docProps/core.xml',
      ]),
    );
    for (const s of [
      'SỞ Y TẾ TỈNH AN HÒA',
      'Số: 01/TB-SYT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      vnDate(publishedAt),
      'THÔNG TIN BAN ĐẦU',
      'Về vụ việc học sinh nghi ngộ độc thực phẩm',
      'Trường Tiểu học An Phú',
      '2. Các biện pháp đã thực hiện',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      team.approver.person.fullName,
    ]) {
      expect(docx.text).toContain(s);
    }
    // Times New Roman everywhere; A4 with the decree's margins (twips: 20 mm top, 30 mm left, 15 mm right).
    expect(docx.documentXml).toContain('w:ascii="Times New Roman"');
    expect(docx.documentXml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    expect(docx.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docx.documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // Page numbers from page 2 (a distinct, empty first-page header); the hash in the footer and properties.
    expect(docx.documentXml).toContain('<w:titlePg/>');
    expect(Object.values(docx.headers).join('\n')).toContain(`SHA-256: ${version.sha256}`);
    expect(docx.coreXml).toContain(version.sha256);
    const rendering = await t
      .http()
      .get(`/api/statements/${statementId}/versions/${version.number}`)
      .set(team.reader.auth);
    expect(rendering.body.document.numberLine).toBe('Số: 01/TB-SYT');
  });

  it('refuses unknown formats, and those who may not read the statement', async () => {
    const bad = await t.http().get(docUrl()).query({ format: 'odt' }).set(team.reader.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('format');
    const outsider = await t.createUser({ roles: [Role.Leader] });
    expect((await t.http().get(docUrl()).query({ format: 'pdf' }).set(outsider.auth)).status).toBe(404);
    expect((await t.http().get(docUrl()).query({ format: 'pdf' })).status).toBe(401);
  });

  it('exports the review report and the periodic report as DOCX in the same form', async () => {
    const res = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/report`)
      .query({ format: 'docx' })
      .set(team.reader.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_TYPE);
    await writeFile(path.join(ARTIFACTS, 'review-report.docx'), res.body as Buffer);
    const docx = await openDocx(res.body as Buffer);
    for (const s of [
      'SỞ Y TẾ TỈNH AN HÒA',
      'Số: …/BC-SYT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      '1. Thông tin chung',
      '10. Đề xuất, kiến nghị',
      'Phụ lục',
      version.sha256,
      'TỔ TRƯỞNG TỔ CÔNG TÁC',
      team.teamLeader.person.fullName,
    ]) {
      expect(docx.text).toContain(s);
    }
    expect(docx.documentXml).toContain('w:ascii="Times New Roman"');
    // Plain words: the legal basis without hedges, no rule identifiers, Vietnamese decimals.
    expect(docx.text).not.toContain('được đưa tin');
    expect(docx.text).not.toMatch(/volume_spike|negative_share|fake_news_named|high_authority_negative/);
    expect(docx.text).not.toMatch(/\d\.\d\s?%/);
    const pdf = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/report`)
      .query({ format: 'pdf' })
      .set(team.reader.auth)
      .buffer(true)
      .parse(binary);
    const pages = await pdfPages(pdf.body as Buffer);
    for (let i = 1; i <= pages.length; i++) {
      await renderPdfPage(pdf.body as Buffer, i, path.join(ARTIFACTS, `review-report-page-${i}.png`), 1);
    }
    // The last page never holds the signature block alone.
    const lastPage = pages[pages.length - 1];
    expect(lastPage.indexOf('Nơi nhận:')).toBeGreaterThan(20);

    const year = new Date().getUTCFullYear();
    const periodic = await t
      .http()
      .get('/api/reports/periodic')
      .query({ orgUnitId: team.unitId, from: `${year}-01-01`, to: `${year}-12-31`, format: 'docx' })
      .set(team.approver.auth)
      .buffer(true)
      .parse(binary);
    expect(periodic.status).toBe(200);
    const p = await openDocx(periodic.body as Buffer);
    expect(p.text).toContain('Số: …/BC-SYT');
    expect(p.text).toContain('Công tác xử lý sự cố, khủng hoảng truyền thông từ ngày');
    expect(p.text).toContain('GIÁM ĐỐC');
  });

  it('numbers the review report in the unit register when the review is completed, once', async () => {
    for (const to of ['active', 'resolved']) {
      const res = await t
        .http()
        .post(`/api/incidents/${team.incidentId}/transitions`)
        .set(team.admin.auth)
        .send({ to, reason: 'Đã xử lý xong' });
      expect(res.status).toBe(201);
    }
    const review = await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.teamLeader.auth)
      .send({
        wentWell: 'Công bố thông tin ban đầu đúng hạn.',
        wentPoorly: 'Tập hợp Tổ công tác còn chậm.',
        lessons: 'Chuẩn bị sẵn mẫu thông tin ban đầu.',
      });
    expect(review.status).toBe(200);
    const completeAt = new Date();
    const complete = () =>
      t.http().post(`/api/incidents/${team.incidentId}/review/complete`).set(team.teamLeader.auth).send({});
    expect((await complete()).status).toBe(201);
    const md = async () =>
      (
        await t
          .http()
          .get(`/api/incidents/${team.incidentId}/report`)
          .query({ format: 'md' })
          .set(team.reader.auth)
      ).text;
    // The unit's first report of the year (its statements are counted apart, under TB).
    expect(await md()).toContain('Số: 01/BC-SYT');
    expect(await md()).toContain(vnDate(completeAt));
    // Reopened and completed again: the same report, the same number.
    const reopen = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/review/reopen`)
      .set(team.teamLeader.auth)
      .send({ reason: 'Bổ sung bài học' });
    expect(reopen.status).toBe(201);
    expect((await complete()).status).toBe(201);
    expect(await md()).toContain('Số: 01/BC-SYT');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM issued_documents WHERE org_unit_id = $1 AND doc_type = 'BC'`,
      [team.unitId],
    );
    expect(n).toBe(1);
  });
});
