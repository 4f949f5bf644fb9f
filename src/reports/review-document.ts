import { DOCUMENT_TYPE_CODES, headOf, issuerCode, parentAgencyLine } from '../documents/document-symbols.js';
import type { IssuerUnit } from '../documents/document-symbols.js';
import { formatVi } from '../documents/format-vi.js';
import type { Block, OfficialDocument } from '../documents/official-document.js';
import { holdsHeadTitle, signatureFor } from '../documents/signature.js';
import type { ReportIssuer } from './report-issuer.js';
import { durationVi } from './response-metrics.js';
import type { ComputedReview } from './review-report.js';
import type { ReviewReportSectionKey } from '../contracts/reports.js';

const dateTimeVi = formatVi.dateTime;
const dateOnlyVi = formatVi.date;
const numberVi = formatVi.integer;
const percentVi = formatVi.percent;

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
} as const satisfies Record<ReviewReportSectionKey, string>;

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

function metricVerdict(m: ComputedReview['metrics'][number]) {
  if (!m.deadline) return '';
  if (m.deadline.met === true) return 'Đúng hạn';
  if (m.deadline.met === false) return 'Chậm so với thời hạn';
  if (m.deadline.dueAt && !m.at && new Date(m.deadline.dueAt).getTime() < Date.now())
    return 'Quá hạn, chưa thực hiện';
  return 'Chưa thực hiện';
}

/** The post-incident review as a Vietnamese administrative report (DOMAIN.md: sections 1–10 and annexes). */
export function reviewDocument(r: ComputedReview, issuer: ReportIssuer): OfficialDocument {
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
