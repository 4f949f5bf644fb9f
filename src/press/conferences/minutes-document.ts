import { issuerCode, DOCUMENT_TYPE_CODES, parentAgencyLine } from '../../documents/document-symbols.js';
import type { IssuerUnit } from '../../documents/document-symbols.js';
import { formatVi } from '../../documents/format-vi.js';
import type { Block, OfficialDocument } from '../../documents/official-document.js';
import type { PressConferenceCommitment } from './entities/press-conference-commitment.entity.js';
import type { PressConferenceQuestion } from './entities/press-conference-question.entity.js';
import type { PressConference } from './entities/press-conference.entity.js';

export const CONFERENCE_KIND_LABEL_VI = {
  regular: 'định kỳ',
  thematic: 'chuyên đề',
  emergency: 'đột xuất',
} as const;

/** "14 giờ 30 phút" in Vietnam time. */
function clockVi(at: Date): string {
  const [h, m] = formatVi.dateTime(at).split(' ')[0].split(':');
  return `${h} giờ ${m} phút`;
}

export interface MinutesInput {
  conference: PressConference;
  questions: PressConferenceQuestion[];
  commitments: PressConferenceCommitment[];
  /** The owner unit of each commitment, by id. */
  unitNames: Map<string, string>;
  invitedOutlets: string[];
  issuer: { unit: IssuerUnit; parent: IssuerUnit | null; placeName: string | null };
}

/**
 * The minutes of a press conference (biên bản họp báo) in the form of Nghị định 30/2020/NĐ-CP: time and place,
 * who chaired, spoke and attended, what was announced, the questions asked and the answers, the commitments with
 * their owners and due times, the statements issued and the chair's conclusion. Unnumbered until the records
 * office issues it ("Số: …/BB-…"); the chair signs.
 */
export function minutesDocument(m: MinutesInput): OfficialDocument {
  const c = m.conference;
  const held = c.heldAt ?? c.startsAt;
  const blocks: Block[] = [];
  const h = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });

  p(`Hình thức: họp báo ${CONFERENCE_KIND_LABEL_VI[c.kind]}.`);
  p(`Thời gian bắt đầu: ${clockVi(held)}, ${formatVi.longDate(held)}.`);
  p(`Địa điểm: ${c.place}.`);
  h('I. Thành phần tham dự');
  p(`Chủ trì: ${c.chairName}${c.chairPosition ? `, ${c.chairPosition}` : ''}.`);
  p(
    c.spokespersonName
      ? `Người phát ngôn: ${c.spokespersonName}${c.spokespersonPosition ? `, ${c.spokespersonPosition}` : ''}.`
      : 'Người phát ngôn: người chủ trì trực tiếp phát ngôn.',
  );
  const present = c.attendance.map((a) => a.outletName);
  const outlets = present.length ? present : m.invitedOutlets;
  p(
    outlets.length
      ? `Cơ quan báo chí ${present.length ? 'tham dự' : 'được mời'} (${outlets.length}):`
      : 'Cơ quan báo chí tham dự: không ghi nhận.',
  );
  if (outlets.length) blocks.push({ kind: 'list', items: outlets });

  h('II. Nội dung thông tin cung cấp');
  if (c.agenda.length) blocks.push({ kind: 'list', items: c.agenda, ordered: true });
  else p('Không có nội dung ghi trong chương trình.');

  h('III. Câu hỏi của phóng viên và nội dung trả lời');
  if (m.questions.length) {
    blocks.push({
      kind: 'table',
      headers: ['TT', 'Người hỏi, cơ quan báo chí', 'Câu hỏi', 'Trả lời'],
      widths: [0.35, 1.3, 2, 2.2],
      rows: m.questions.map((q) => [
        String(q.position),
        q.outletName ? `${q.askedBy} (${q.outletName})` : q.askedBy,
        q.question,
        q.answer ? `${q.answer}${q.answeredBy ? ` (${q.answeredBy})` : ''}` : 'Chưa trả lời tại họp báo',
      ]),
    });
  } else p('Không có câu hỏi.');

  h('IV. Các nội dung cam kết');
  if (m.commitments.length) {
    blocks.push({
      kind: 'table',
      headers: ['TT', 'Nội dung', 'Đơn vị, người thực hiện', 'Thời hạn'],
      widths: [0.35, 2.6, 1.6, 1],
      rows: m.commitments.map((x, i) => [
        String(i + 1),
        x.description,
        [m.unitNames.get(x.ownerOrgUnitId) ?? '', x.ownerName ?? ''].filter(Boolean).join(', '),
        formatVi.dateTime(x.dueAt),
      ]),
    });
  } else p('Không có nội dung cam kết.');

  if (c.statementsIssued.length) {
    h('V. Văn bản phát hành tại họp báo');
    blocks.push({ kind: 'list', items: c.statementsIssued.map((s) => s.title) });
  }
  h(c.statementsIssued.length ? 'VI. Kết luận của người chủ trì' : 'V. Kết luận của người chủ trì');
  p(c.conclusion ?? 'Không ghi nhận kết luận.');
  if (c.endsAt) p(`Họp báo kết thúc vào ${clockVi(c.endsAt)} cùng ngày.`);

  return {
    parentAgency: parentAgencyLine(m.issuer.parent),
    agency: m.issuer.unit.name,
    number: { number: null, typeCode: DOCUMENT_TYPE_CODES.minutes, issuerCode: issuerCode(m.issuer.unit) },
    placeName: m.issuer.placeName ?? '',
    issuedAt: null,
    title: 'BIÊN BẢN',
    // "Họp báo về …" reads as the subject; any other title is the subject of a press conference.
    subtitle: /^họp báo/iu.test(c.title) ? c.title : `Họp báo ${c.title}`,
    blocks,
    recipients: ['Người chủ trì;', 'Các đơn vị có cam kết;', 'Lưu: VT.'],
    signature: { authority: [], title: 'CHỦ TRÌ', name: c.chairName },
    documentName: `Biên bản họp báo ${formatVi.date(held)}`,
  };
}
