import { DOCUMENT_TYPE_CODES, headOf, issuerCode, parentAgencyLine } from '../documents/document-symbols.js';
import { formatVi } from '../documents/format-vi.js';
import type { Block, OfficialDocument } from '../documents/official-document.js';
import { signatureFor } from '../documents/signature.js';
import type { PeriodicReport } from './periodic-report.js';
import type { ReportIssuer } from './report-issuer.js';
import { durationVi } from './response-metrics.js';

const dateTimeVi = formatVi.dateTime;
const dateOnlyVi = formatVi.date;
const percentVi = formatVi.percent;

/** The periodic report (e.g. the annual report before 10 December) as an administrative document. */
export function periodicDocument(r: PeriodicReport, issuer: ReportIssuer): OfficialDocument {
  const blocks: Block[] = [];
  const h = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });
  const from = dateOnlyVi(r.period.from);
  const to = dateOnlyVi(r.period.to);

  h('I. Tình hình chung');
  p(
    `Từ ngày ${from} đến ngày ${to}, ${r.unit.name} và các đơn vị trực thuộc tiếp nhận, xử lý ${r.totals.incidents} ` +
      `sự cố, khủng hoảng truyền thông (L1: ${r.totals.bySeverity.L1}, L2: ${r.totals.bySeverity.L2}, ` +
      `L3: ${r.totals.bySeverity.L3}, L4: ${r.totals.bySeverity.L4}); ${r.totals.dismissed} cảnh báo được xác định là ` +
      'báo động nhầm và không tính vào số liệu.',
  );
  h('II. Phân loại sự cố theo loại và mức độ');
  blocks.push({
    kind: 'table',
    headers: ['Loại sự cố', 'L1', 'L2', 'L3', 'L4', 'Tổng'],
    widths: [2.6, 0.5, 0.5, 0.5, 0.5, 0.6],
    rows: r.byCategory.length
      ? [
          ...r.byCategory.map((c) => [
            c.label,
            String(c.bySeverity.L1),
            String(c.bySeverity.L2),
            String(c.bySeverity.L3),
            String(c.bySeverity.L4),
            String(c.total),
          ]),
          [
            'Tổng cộng',
            String(r.totals.bySeverity.L1),
            String(r.totals.bySeverity.L2),
            String(r.totals.bySeverity.L3),
            String(r.totals.bySeverity.L4),
            String(r.totals.incidents),
          ],
        ]
      : [['Không có sự cố', '0', '0', '0', '0', '0']],
  });
  h('III. Thời gian phản ứng');
  blocks.push({
    kind: 'table',
    headers: ['Chỉ tiêu', 'Số sự cố', 'Trung vị', 'Phân vị 90'],
    widths: [2.8, 0.8, 1, 1],
    rows: r.metrics.map((m) => [
      m.label,
      String(m.incidents),
      durationVi(m.medianSeconds),
      durationVi(m.p90Seconds),
    ]),
  });
  h('IV. Tuân thủ thời hạn');
  blocks.push({
    kind: 'table',
    headers: [
      'Thời hạn',
      'Đúng hạn',
      'Chậm, quá hạn',
      'Chưa đến hạn',
      'Chưa phát sinh',
      'Chưa ghi nhận kết quả',
      'Tỷ lệ đúng hạn',
    ],
    widths: [2.2, 0.7, 0.8, 0.8, 0.8, 0.9, 0.8],
    rows: r.deadlineCompliance.length
      ? r.deadlineCompliance.map((d) => [
          d.label,
          String(d.met),
          String(d.missed),
          String(d.pending),
          String(d.notStarted),
          String(d.notRecorded),
          percentVi(d.rate),
        ])
      : [['Không có', '', '', '', '', '', '']],
  });
  h('V. Hoạt động cung cấp thông tin cho báo chí');
  p(`Tổng số văn bản đã công bố: ${r.statements.published}; số cuộc họp báo: ${r.pressConferences}.`);
  if (r.statements.byType.length) {
    blocks.push({
      kind: 'table',
      headers: ['Loại văn bản', 'Số lượng'],
      widths: [3, 1],
      rows: r.statements.byType.map((s) => [s.label, String(s.count)]),
    });
  }
  const pc = r.press.conferences;
  const cv = r.press.coverage;
  p(
    `Họp báo đã tổ chức: ${pc.held} (định kỳ ${pc.byKind.regular}, chuyên đề ${pc.byKind.thematic}, ` +
      `đột xuất ${pc.byKind.emergency}).` +
      (pc.required
        ? ` Họp báo định kỳ của ${r.unit.name}: ${pc.ownRegularHeld}/${pc.required.count} cuộc theo quy định ` +
          `(${pc.required.intervalMonths} tháng một lần; ${pc.required.legalSource}).`
        : ''),
  );
  p(
    `Thông tin báo chí phản ánh (báo nêu): tiếp nhận ${cv.received}, đã trả lời ${cv.answered} ` +
      `(đúng hạn ${cv.answeredOnTime}, chậm ${cv.answeredLate}), chưa trả lời ${cv.open} (quá hạn ${cv.overdue}); ` +
      `đề nghị cải chính ${cv.byResponse.correctionRequest}, đề nghị đăng phản hồi ${cv.byResponse.replyRequest}, ` +
      `mở sự cố ${cv.byResponse.incident}; báo đã cải chính ${cv.correctionsPublished}.`,
  );
  {
    const q = r.press.inquiries;
    p(
      `Đề nghị cung cấp thông tin của báo chí: tiếp nhận ${q.received}, đã trả lời ${q.answered} ` +
        `(đúng hạn ${q.answeredOnTime}).` +
        (q.refusalsByGround.length
          ? ` Từ chối: ${q.refusalsByGround.map((g) => `${g.label} ${g.count}`).join('; ')}.`
          : ''),
    );
  }
  h('VI. Thay đổi danh sách người phát ngôn');
  blocks.push({
    kind: 'table',
    headers: ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Thay đổi', 'Ngày', 'Văn bản'],
    widths: [1.3, 1.3, 1.5, 1, 0.8, 0.9],
    rows: r.spokespersonChanges.length
      ? r.spokespersonChanges.map((c) => [
          c.fullName,
          c.position,
          c.unitName,
          c.change === 'started'
            ? c.kind === 'authorized'
              ? 'Ủy quyền phát ngôn'
              : 'Giao nhiệm vụ phát ngôn'
            : 'Thôi phát ngôn',
          dateOnlyVi(c.change === 'started' ? c.validFrom : c.validTo!),
          c.decisionRef ?? '—',
        ])
      : [['Không có thay đổi', '', '', '', '', '']],
  });
  h('Phụ lục: Danh sách sự cố');
  blocks.push({
    kind: 'table',
    headers: ['Mã', 'Tên sự cố', 'Loại', 'Mức', 'Phát hiện', 'Thông tin ban đầu'],
    widths: [0.9, 2.2, 1.2, 0.4, 0.9, 1],
    rows: r.incidents.map((x) => [
      x.code,
      x.title,
      x.categoryLabel,
      x.severity,
      dateTimeVi(x.detectedAt),
      x.holdingStatementSeconds === null
        ? 'Chưa công bố'
        : `${durationVi(x.holdingStatementSeconds)}${x.initialInformationMet === false ? ' (chậm)' : ''}`,
    ]),
  });
  return {
    parentAgency: parentAgencyLine(issuer.parent),
    agency: issuer.unit.name,
    number: {
      number: issuer.issued?.number ?? null,
      typeCode: DOCUMENT_TYPE_CODES.report,
      issuerCode: issuer.issued?.issuerCode ?? issuerCode(issuer.unit),
    },
    placeName: issuer.placeName ?? '',
    issuedAt: issuer.issued?.issuedAt ?? null,
    title: 'BÁO CÁO',
    subtitle: `Công tác xử lý sự cố, khủng hoảng truyền thông từ ngày ${from} đến ngày ${to}`,
    blocks,
    // The head signs (a committee's on its behalf); the name is written when the report is signed.
    signature: signatureFor({ ...headOf(issuer.unit), position: null, fullName: null }),
    recipients: [...(issuer.parent ? [`${issuer.parent.name} (để báo cáo);`] : []), 'Lưu: VT.'],
    documentName: `Báo cáo định kỳ ${from} – ${to}`,
  };
}
