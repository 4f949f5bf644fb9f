import { DOCUMENT_TYPE_CODES, headOf, issuerCode, parentAgencyLine } from '../documents/document-symbols.js';
import type { IssuerUnit } from '../documents/document-symbols.js';
import { formatVi } from '../documents/format-vi.js';
import type { Block, OfficialDocument } from '../documents/official-document.js';
import type { IssuedDocument } from '../documents/register/document-register.service.js';
import { holdsHeadTitle, signatureFor } from '../documents/signature.js';
import type { PeriodicReport } from './periodic-report.js';
import { durationVi } from './response-metrics.js';
import type { ReviewReport } from './review-report.js';

const dateTimeVi = formatVi.dateTime;
const dateOnlyVi = formatVi.date;
const numberVi = formatVi.integer;
const percentVi = formatVi.percent;

/** What a report document needs beyond its figures: the issuing unit, the one above it, its register number. */
export interface ReportIssuer {
  unit: IssuerUnit;
  parent: IssuerUnit | null;
  placeName: string | null;
  /** The register entry once issued (a review report: when its review is completed); null for a draft. */
  issued: IssuedDocument | null;
}

/**
 * The section titles of the post-incident report (DOMAIN.md "Post-incident report"), numbered once here for the
 * PDF, DOCX, HTML and Markdown exports and the console's report page.
 */
export const REVIEW_SECTIONS = {
  general: '1. Thông tin chung',
  timeline: '2. Diễn biến sự việc',
  spread: '3. Nguồn gốc và mức độ lan truyền',
  assessment: '4. Đánh giá, phân loại',
  actions: '5. Các biện pháp đã thực hiện',
  results: '6. Kết quả',
  deadlines: '7. Việc tuân thủ thời hạn',
  shortcomings: '8. Tồn tại, hạn chế và nguyên nhân',
  lessons: '9. Bài học kinh nghiệm',
  proposals: '10. Đề xuất, kiến nghị',
  annex: 'Phụ lục: Văn bản đã công bố (mã băm SHA-256 của đúng văn bản được duyệt)',
} as const;

const MEMBER_STATUS_VI: Record<string, string> = {
  invited: 'Đã mời, chưa trả lời',
  accepted: 'Đã nhận nhiệm vụ',
  declined: 'Từ chối',
  expired: 'Quá hạn xác nhận',
  removed: 'Đã rút khỏi Tổ',
  replaced: 'Đã được thay',
  handed_over: 'Đã bàn giao',
};
const OUTCOME_VI: Record<string, string> = {
  approved: 'Đồng ý',
  rejected: 'Từ chối',
  changes_requested: 'Yêu cầu sửa',
  open: 'Đang chờ',
  superseded: 'Thay bằng phiên bản sau',
};
const DECISION_VI: Record<string, string> = {
  approve: 'Đồng ý',
  reject: 'Từ chối',
  request_changes: 'Yêu cầu sửa',
};

/** Paragraphs of text entered by the team (blank lines separate them); an em dash when nothing was entered. */
function textBlocks(text: string | undefined | null, empty = 'Chưa nhập.'): Block[] {
  const paras = (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (paras.length ? paras : [empty]).map((p) => ({ kind: 'paragraph' as const, text: p }));
}

function metricVerdict(m: ReviewReport['metrics'][number]) {
  if (!m.deadline) return '';
  if (m.deadline.met === true) return 'Đúng hạn';
  if (m.deadline.met === false) return 'Chậm so với thời hạn';
  if (m.deadline.dueAt && !m.at && new Date(m.deadline.dueAt).getTime() < Date.now())
    return 'Quá hạn, chưa thực hiện';
  return 'Chưa thực hiện';
}

/** The post-incident review as a Vietnamese administrative report (DOMAIN.md: sections 1–10 and annexes). */
export function reviewDocument(r: ReviewReport, issuer: ReportIssuer): OfficialDocument {
  const i = r.incident;
  const leader = r.team.find((m) => m.role === 'team_leader' && m.status === 'accepted');
  const blocks: Block[] = [];
  const h = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text });
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });

  h(REVIEW_SECTIONS.general);
  blocks.push({
    kind: 'table',
    headers: ['Nội dung', 'Thông tin'],
    widths: [1, 2.4],
    rows: [
      ['Tên sự cố', `${i.title} (${i.code})`],
      ['Loại sự cố', i.categoryLabel],
      ['Mức độ', i.severityLabel],
      ['Đơn vị chủ trì', i.responsibleUnit.name],
      ['Đơn vị liên quan', i.concernedUnits.length ? i.concernedUnits.join('; ') : 'Không'],
      ['Thời điểm phát hiện', dateTimeVi(i.detectedAt)],
      ['Nguồn phát hiện', i.origin === 'manual' ? 'Cán bộ khai báo' : 'Hệ thống giám sát tự động'],
      ['Trạng thái', i.statusLabel],
      [
        'Cẩm nang áp dụng',
        r.playbook ? `${r.playbook.title} (phiên bản ${r.playbook.version})` : 'Không áp dụng',
      ],
    ],
  });
  if (i.summary) p(`Tóm tắt: ${i.summary}`);
  h2('Thành phần Tổ công tác');
  blocks.push({
    kind: 'table',
    headers: ['Họ và tên', 'Chức vụ, đơn vị', 'Vai trò', 'Trạng thái', 'Xác nhận sau'],
    widths: [1.3, 1.8, 1.2, 1.1, 0.8],
    rows: r.team.length
      ? r.team.map((m) => [
          m.fullName,
          [m.position, m.unitName].filter(Boolean).join(', '),
          m.roleName,
          MEMBER_STATUS_VI[m.status] ?? m.status,
          durationVi(m.ackSeconds),
        ])
      : [['Chưa thành lập Tổ công tác', '', '', '', '']],
  });

  h(REVIEW_SECTIONS.timeline);
  p(
    `Nhật ký sự cố ghi ${numberVi(r.timeline.totalEvents)} sự kiện; dưới đây là ${numberVi(r.timeline.shown)} mốc chính ` +
      '(trích từ nhật ký, theo thứ tự thời gian).',
  );
  blocks.push({
    kind: 'table',
    headers: ['Thời gian', 'Sự kiện'],
    widths: [1, 4],
    rows: r.timeline.items.map((e) => [dateTimeVi(e.at), e.text]),
  });

  h(REVIEW_SECTIONS.spread);
  const s = r.spread;
  p(
    `Tín hiệu đầu tiên: ${dateTimeVi(s.firstSignalAt)}. Trong khoảng theo dõi có ${numberVi(s.totalMentions)} tin, ` +
      `trong đó ${numberVi(s.negativeMentions)} tin tiêu cực (${percentVi(s.negativeShare)}); ` +
      `${numberVi(s.evidenceMentions)} tin được lưu làm bằng chứng. Số liệu lấy từ ` +
      `${s.source === 'topics' ? 'các chủ đề theo dõi gắn với sự cố' : 'các tin gắn với sự cố'}, ` +
      `gộp theo ${s.bucketMinutes} phút.`,
  );
  blocks.push({
    kind: 'chart',
    chart: {
      title:
        'Biểu đồ: số tin và tỷ lệ tin tiêu cực theo thời gian; các vạch đứt là thời điểm công bố văn bản',
      bucketMinutes: s.bucketMinutes,
      points: s.series.map((b) => ({ t: new Date(b.start), volume: b.volume, negative: b.negative })),
      markers: s.markers.map((m) => ({ t: new Date(m.at), label: m.label })),
    },
  });
  if (s.topOutlets.length) {
    blocks.push({
      kind: 'table',
      headers: ['Nguồn, kênh', 'Số tin', 'Lượt tiếp cận', 'Tin tiêu cực'],
      widths: [2.4, 0.8, 1, 0.8],
      rows: s.topOutlets.map((o) => [
        o.outlet,
        numberVi(o.mentions),
        numberVi(o.reach),
        numberVi(o.negative),
      ]),
    });
  }

  h(REVIEW_SECTIONS.assessment);
  p(`Sự cố được phân loại "${i.categoryLabel}", mức độ ${i.severityLabel}.`);
  if (r.assessment.severityChanges.length) {
    blocks.push({
      kind: 'list',
      items: r.assessment.severityChanges.map(
        (c) => `${dateTimeVi(c.at)}: mức độ ${c.from} → ${c.to}${c.reason ? ` (${c.reason})` : ''}`,
      ),
    });
  }
  if (r.assessment.detections.length) {
    h2('Căn cứ phát hiện');
    blocks.push({
      kind: 'list',
      items: r.assessment.detections.map((d) => `${dateTimeVi(d.at)}: ${d.ruleLabel}, mức ${d.severity}`),
    });
  }

  h(REVIEW_SECTIONS.actions);
  h2('Văn bản đã công bố');
  blocks.push({
    kind: 'table',
    headers: ['Thời gian', 'Loại văn bản', 'Tiêu đề', 'Phiên bản', 'Hình thức'],
    widths: [1, 1.2, 2.2, 0.6, 1.3],
    rows: r.actions.publications.length
      ? r.actions.publications.map((x) => [
          dateTimeVi(x.publishedAt),
          x.typeLabel,
          x.title,
          String(x.versionNumber),
          x.channelLabel,
        ])
      : [['—', 'Chưa công bố văn bản nào', '', '', '']],
  });
  p(
    `Họp báo: ${r.actions.pressConferences}; đề nghị cải chính, phản hồi: ${r.actions.correctionRequests.length}; ` +
      `yêu cầu gỡ bỏ nội dung: ${r.actions.takedownRequests.length}; văn bản đã cải chính hoặc thu hồi: ` +
      `${r.actions.corrections.length}.`,
  );
  h2('Trình duyệt và phê duyệt');
  p(
    `Số phiên bản trình duyệt: ${r.approvals.versions}; bị từ chối: ${r.approvals.rejections}; ` +
      `yêu cầu sửa: ${r.approvals.changesRequested}.`,
  );
  if (r.approvals.stages.length) {
    blocks.push({
      kind: 'table',
      headers: ['Văn bản', 'Phiên bản', 'Bước duyệt', 'Thời gian xử lý', 'Kết quả'],
      widths: [2, 0.6, 1.8, 1, 1],
      rows: r.approvals.stages.map((st) => [
        st.statementTitle,
        String(st.versionNumber),
        st.stageName,
        durationVi(st.seconds) + (st.overdue ? ' (quá hạn)' : ''),
        OUTCOME_VI[st.outcome] ?? st.outcome,
      ]),
    });
  }
  if (r.approvals.decisions.length) {
    blocks.push({
      kind: 'table',
      headers: ['Thời gian', 'Người quyết định', 'Văn bản (phiên bản)', 'Quyết định', 'Lý do'],
      widths: [1, 1.3, 2, 0.9, 1.5],
      rows: r.approvals.decisions.map((d) => [
        dateTimeVi(d.at),
        (d.decidedBy ?? '—') + (d.onBehalfOf ? ` (thay ${d.onBehalfOf})` : ''),
        `${d.statementTitle} (${d.versionNumber})`,
        DECISION_VI[d.decision] ?? d.decision,
        d.reason ?? '',
      ]),
    });
  }
  h2('Nhiệm vụ');
  p(
    `Tổng số nhiệm vụ: ${r.tasks.total}; đã hoàn thành: ${r.tasks.done}; hoàn thành chậm hoặc quá hạn: ${r.tasks.late.length}.`,
  );
  if (r.tasks.late.length) {
    blocks.push({
      kind: 'table',
      headers: ['Nhiệm vụ', 'Hạn', 'Hoàn thành', 'Chậm'],
      widths: [2.6, 1, 1, 1],
      rows: r.tasks.late.map((t) => [
        t.title,
        dateTimeVi(t.dueAt),
        dateTimeVi(t.completedAt),
        durationVi(t.lateSeconds),
      ]),
    });
  }

  h(REVIEW_SECTIONS.results);
  const rec = s.recovery;
  p(
    (s.peakNegative
      ? `Tỷ lệ tin tiêu cực cao nhất ${percentVi(s.peakNegative.share)} lúc ${dateTimeVi(s.peakNegative.at)}. `
      : '') +
      (rec.afterPublicationAt
        ? rec.minutes !== null
          ? `Sau khi công bố văn bản đầu tiên (${dateTimeVi(rec.afterPublicationAt)}), tỷ lệ tin tiêu cực giảm về ` +
            `mức ${percentVi(rec.threshold)} trở xuống sau ${durationVi(rec.minutes * 60)}.`
          : `Sau khi công bố văn bản đầu tiên (${dateTimeVi(rec.afterPublicationAt)}), tỷ lệ tin tiêu cực chưa giảm ` +
            `về mức ${percentVi(rec.threshold)}.`
        : 'Chưa công bố văn bản nào.') +
      ` Mức so sánh: ${rec.thresholdSource === 'baseline' ? `mức nền trước sự cố (${percentVi(rec.baselineShare)}) cộng 5 điểm phần trăm` : 'ngưỡng mặc định theo cấu hình'}.`,
  );

  h(REVIEW_SECTIONS.deadlines);
  blocks.push({
    kind: 'table',
    headers: ['Chỉ tiêu', 'Thời điểm', 'Thời gian', 'Thời hạn', 'Đánh giá'],
    widths: [2, 1, 1, 1, 1.1],
    rows: r.metrics.map((m) => [
      m.label,
      dateTimeVi(m.at),
      durationVi(m.seconds),
      m.deadline?.dueAt ? dateTimeVi(m.deadline.dueAt) : '—',
      metricVerdict(m),
    ]),
  });
  if (r.deadlines.length) {
    blocks.push({
      kind: 'list',
      items: r.deadlines.map(
        (d) =>
          `${d.label}: hạn ${dateTimeVi(d.dueAt)}; ${d.met === true ? 'đúng hạn' : d.met === false ? 'chậm' : d.overdue ? 'quá hạn, chưa thực hiện' : d.dueAt ? 'chưa đến hạn hoặc chưa thực hiện' : 'chưa phát sinh'} (căn cứ: ${d.legalSource}).`,
      ),
    });
  }

  const rv = r.review;
  h(REVIEW_SECTIONS.shortcomings);
  blocks.push(...textBlocks(rv?.wentPoorly));
  if (rv?.causes) blocks.push(...textBlocks(rv.causes));
  h(REVIEW_SECTIONS.lessons);
  if (rv?.wentWell) {
    h2('Những việc làm tốt');
    blocks.push(...textBlocks(rv.wentWell));
  }
  h2('Bài học');
  blocks.push(...textBlocks(rv?.lessons));
  h(REVIEW_SECTIONS.proposals);
  blocks.push(...textBlocks(rv?.proposals, 'Không có đề xuất thêm.'));
  if (rv?.actionItems.length) {
    blocks.push({
      kind: 'table',
      headers: ['Việc cần làm', 'Người phụ trách', 'Thời hạn', 'Trạng thái'],
      widths: [2.6, 1.4, 0.9, 0.8],
      rows: rv.actionItems.map((a) => [
        a.title,
        a.ownerName,
        a.dueDate ? dateOnlyVi(a.dueDate) : '—',
        a.status === 'done' ? 'Đã xong' : 'Đang thực hiện',
      ]),
    });
  }

  h(REVIEW_SECTIONS.annex);
  blocks.push({
    kind: 'table',
    headers: ['Văn bản', 'Phiên bản', 'SHA-256', 'Đường dẫn'],
    widths: [1.8, 0.6, 2.6, 1.4],
    rows: r.actions.publications.length
      ? r.actions.publications.map((x) => [x.title, String(x.versionNumber), x.sha256, x.url ?? '—'])
      : [['—', '', '', '']],
  });

  const code = DOCUMENT_TYPE_CODES.report;
  return {
    parentAgency: parentAgencyLine(issuer.parent),
    agency: issuer.unit.name,
    number: {
      number: issuer.issued?.number ?? null,
      typeCode: code,
      issuerCode: issuer.issued?.issuerCode ?? issuerCode(issuer.unit),
    },
    placeName: issuer.placeName ?? '',
    issuedAt: issuer.issued?.issuedAt ?? null,
    title: 'BÁO CÁO',
    subtitle: `Kết quả xử lý sự cố truyền thông "${i.title}" và rút kinh nghiệm`,
    blocks,
    signature: leaderSignature(issuer.unit, leader ?? null),
    recipients: ['Lãnh đạo đơn vị (để báo cáo);', 'Thành viên Tổ công tác;', 'Lưu: VT, hồ sơ sự cố.'],
    documentName: `Báo cáo kết quả xử lý sự cố ${i.code}`,
  };
}

/**
 * The team leader signs the review report: for the unit (KT., TL. by their position) when they belong to it,
 * otherwise as the working group's leader.
 */
function leaderSignature(
  unit: IssuerUnit,
  leader: { fullName: string; position: string | null; unitName: string | null } | null,
) {
  const head = headOf(unit);
  if (leader?.position && leader.unitName === unit.name && holdsHeadTitle(leader.position, head.headTitle)) {
    return signatureFor({ ...head, position: leader.position, fullName: leader.fullName });
  }
  return { authority: [], title: 'TỔ TRƯỞNG TỔ CÔNG TÁC', name: leader?.fullName ?? null };
}

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
