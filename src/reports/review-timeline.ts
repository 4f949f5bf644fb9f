import type { IncidentStatus } from '../incidents/incident-types.js';
import { STATUS_LABEL_VI } from '../incidents/incident-types.js';
import { CHANNEL_LABEL_VI, STATEMENT_TYPE_LABEL_VI } from '../statements/statement-types.js';
import type { PublicationChannel, StatementType } from '../statements/statement-types.js';
import type { TimelineEvent } from './response-metrics.js';

/** The review report's timeline section (review-report.ts): which events it lists, and one line for each. */

/** Event types shown in the report's timeline section (the rest are counted, not listed). */
export const KEY_EVENT_TYPES = new Set([
  'incident.opened',
  'incident.status_changed',
  'incident.severity_changed',
  'detection.recorded',
  'detection.attached',
  'working_group.formed',
  'working_group.assembled',
  'working_group.escalated',
  'playbook.applied',
  'statement.submitted',
  'statement.approved',
  'statement.rejected',
  'statement.changes_requested',
  'statement.approval_overdue',
  'statement.published',
  'statement.corrected',
  'statement.withdrawn',
  'legal_clock.warning',
  'legal_clock.stopped',
  'review.completed',
]);
export const MAX_TIMELINE_ROWS = 300;

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** One line of Vietnamese for a key event. */
export function describeEvent(e: TimelineEvent, names: Record<string, string>): string {
  const p = e.payload;
  switch (e.type) {
    case 'incident.opened':
      return `Mở phòng xử lý sự cố (${p.origin === 'manual' ? 'khai báo thủ công' : 'phát hiện tự động'})`;
    case 'incident.status_changed':
      return (
        `Chuyển trạng thái: ${STATUS_LABEL_VI[p.from as IncidentStatus] ?? str(p.from)} → ` +
        `${STATUS_LABEL_VI[p.to as IncidentStatus] ?? str(p.to)}${p.reason ? ` (lý do: ${str(p.reason)})` : ''}`
      );
    case 'incident.severity_changed':
      // Raised by detection (no actor): its stored reason may carry the rule's figures; say it plainly.
      return `Mức độ: ${str(p.from)} → ${str(p.to)} (${e.actorUserId ? str(p.reason) || 'điều chỉnh' : 'theo kết quả giám sát tự động'})`;
    case 'detection.recorded':
      return 'Hệ thống phát hiện dấu hiệu sự cố (bằng chứng lưu kèm)';
    case 'detection.attached':
      return `Phát hiện bổ sung gắn vào sự cố (${str(p.mentionsLinked)} tin mới)`;
    case 'working_group.formed':
      return `Thành lập Tổ công tác, mời ${str(p.invited)} người`;
    case 'working_group.assembled':
      return 'Tổ công tác đủ thành phần bắt buộc';
    case 'working_group.escalated':
      return p.cause === 'declined'
        ? 'Báo cáo lãnh đạo: thành viên từ chối, không còn người thay'
        : 'Báo cáo lãnh đạo: thành viên chưa xác nhận đúng hạn';
    case 'playbook.applied':
      return `Áp dụng cẩm nang "${str(p.title)}" (phiên bản ${str(p.version)})`;
    case 'statement.submitted':
      return `Trình duyệt phiên bản ${str(p.versionNumber)}${p.title ? `: ${str(p.title)}` : ''}`;
    case 'statement.approved':
      return `Phê duyệt phiên bản ${str(p.versionNumber)}: ${str(p.title)}`;
    case 'statement.rejected':
      return `Từ chối phiên bản ${str(p.versionNumber)} (lý do: ${str(p.reason)})`;
    case 'statement.changes_requested':
      return `Yêu cầu sửa phiên bản ${str(p.versionNumber)} (lý do: ${str(p.reason)})`;
    case 'statement.approval_overdue':
      return `Quá hạn duyệt bước "${str(p.stageName)}"`;
    case 'statement.published':
      return (
        `Công bố ${STATEMENT_TYPE_LABEL_VI[p.type as StatementType] ?? str(p.type)} "${str(p.title)}" ` +
        `qua ${CHANNEL_LABEL_VI[p.channel as PublicationChannel] ?? str(p.channel)}`
      );
    case 'statement.corrected':
      return 'Văn bản đã công bố được cải chính';
    case 'statement.withdrawn':
      return 'Văn bản đã công bố được thu hồi';
    case 'legal_clock.warning':
      return `Cảnh báo thời hạn: ${str(p.label)}`;
    case 'legal_clock.stopped':
      return `Đáp ứng thời hạn: ${str(p.label)}`;
    case 'review.completed':
      return `Hoàn thành báo cáo rút kinh nghiệm${e.actorUserId && names[e.actorUserId] ? ` (${names[e.actorUserId]})` : ''}`;
    default:
      return e.type;
  }
}
