import { SEVERITY_LABEL_VI } from '../incidents/incident-types.js';
import type { Severity } from '../incidents/incident-types.js';

/** The letters the working group sends: an invitation to a role, and the report to a unit head. */

export const timeVi = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(d);

interface IncidentRef {
  code: string;
  title: string;
  severity: Severity;
}

export function invitationLetter(input: {
  incident: IncidentRef;
  fullName: string;
  roleName: string;
  reason: string;
  ackDueAt: Date;
  invitationId: string;
}): { subject: string; text: string } {
  const { incident } = input;
  return {
    subject: `Mời tham gia Tổ công tác xử lý sự cố ${incident.code}`,
    text:
      `Kính gửi đồng chí ${input.fullName},\n` +
      `Đồng chí được mời tham gia Tổ công tác xử lý sự cố, khủng hoảng truyền thông "${incident.title}" ` +
      `(${incident.code}, mức ${SEVERITY_LABEL_VI[incident.severity]}) với vai trò ${input.roleName}.\n\n` +
      `Lý do lựa chọn: ${input.reason}.\n\n` +
      `Đề nghị đồng chí xác nhận tham gia hoặc từ chối (nêu rõ lý do) trước ${timeVi(input.ackDueAt)}. ` +
      `Quá thời hạn, hệ thống sẽ mời người khác và báo cáo lãnh đạo đơn vị.\n` +
      `Mã lời mời: ${input.invitationId}`,
  };
}

export function escalationLetter(input: {
  incident: IncidentRef;
  headName: string;
  memberName: string;
  roleName: string;
  cause: 'ack_deadline_passed' | 'declined';
  declineReason: string | null;
  ackDueAt: Date;
  nextName: string | null;
}): { subject: string; text: string } {
  const { incident } = input;
  const what =
    input.cause === 'declined'
      ? `đã từ chối vai trò ${input.roleName} (lý do: ${input.declineReason ?? 'không nêu'})`
      : `chưa xác nhận vai trò ${input.roleName} trước thời hạn ${timeVi(input.ackDueAt)}`;
  return {
    subject: `Báo cáo: Tổ công tác sự cố ${incident.code} thiếu ${input.roleName}`,
    text:
      `Kính gửi đồng chí ${input.headName},\n` +
      `Trong Tổ công tác xử lý sự cố "${incident.title}" (${incident.code}), đồng chí ${input.memberName} ${what}.\n` +
      (input.nextName
        ? `Hệ thống đã mời đồng chí ${input.nextName} thay thế.\n`
        : 'Không còn ứng viên phù hợp theo quy tắc; đề nghị đồng chí chỉ định người thay thế.\n') +
      'Trân trọng!',
  };
}
