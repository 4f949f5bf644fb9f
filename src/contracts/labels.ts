import type {
  DecisionKind,
  ApprovalStageStatus,
  FactStatus,
  IncidentCategory,
  MemberStatus,
  IncidentStatus,
  PublicationChannel,
  Role,
  Severity,
  StatementStatus,
  StatementType,
  TaskStatus,
} from './enums.js';

/**
 * The Vietnamese names of the API's values, in one place: the service writes them into documents, e-mails and
 * timeline payloads, the web console shows them (web/src/i18n.ts keeps only the English ones).
 */

export const ROLE_LABEL_VI: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  leader: 'Lãnh đạo',
  officer: 'Cán bộ, chuyên viên',
  analyst: 'Giám sát dư luận',
  observer: 'Quan sát',
};

export const SEVERITY_LABEL_VI: Record<Severity, string> = {
  L1: 'L1 – Theo dõi',
  L2: 'L2 – Đơn vị',
  L3: 'L3 – Tỉnh',
  L4: 'L4 – Quốc gia',
};

export const CATEGORY_LABEL_VI: Record<IncidentCategory, string> = {
  fake_news: 'Tin giả, tin sai sự thật',
  policy_backlash: 'Phản ứng với chính sách',
  accident_disaster: 'Tai nạn, thiên tai',
  public_health: 'Y tế công cộng',
  service_failure: 'Sự cố dịch vụ công',
  misconduct_allegation: 'Cáo buộc sai phạm của cán bộ',
  data_leak: 'Lộ lọt dữ liệu cá nhân',
  other: 'Khác',
};

export const STATUS_LABEL_VI: Record<IncidentStatus, string> = {
  detected: 'Mới phát hiện',
  triaged: 'Đã phân loại',
  active: 'Đang xử lý',
  monitoring: 'Theo dõi sau xử lý',
  resolved: 'Đã giải quyết',
  closed: 'Đã đóng',
  archived: 'Đã lưu trữ',
  dismissed: 'Đã bác bỏ (báo động nhầm)',
};

export const STATEMENT_TYPE_LABEL_VI: Record<StatementType, string> = {
  holding_statement: 'Thông tin ban đầu',
  press_release: 'Thông cáo báo chí',
  spokesperson_statement: 'Nội dung phát ngôn',
  press_answer: 'Trả lời báo chí',
  correction_request: 'Đề nghị cải chính, phản hồi',
  takedown_request: 'Yêu cầu gỡ bỏ',
  social_post: 'Bài đăng mạng xã hội',
  qa_sheet: 'Hỏi - đáp',
};

export const STATEMENT_STATUS_LABEL_VI: Record<StatementStatus, string> = {
  draft: 'Dự thảo',
  in_review: 'Đang trình duyệt',
  approved: 'Đã phê duyệt',
  published: 'Đã công bố',
  corrected: 'Đã cải chính',
  withdrawn: 'Đã thu hồi',
};

export const CHANNEL_LABEL_VI: Record<PublicationChannel, string> = {
  portal: 'Cổng/trang thông tin điện tử',
  press_conference: 'Họp báo',
  press_outlets: 'Gửi thông cáo, văn bản trả lời cho cơ quan báo chí',
  social_page: 'Trang mạng xã hội chính thức',
  press_briefing: 'Giao ban báo chí',
  platform: 'Gửi nền tảng (yêu cầu gỡ bỏ, ngăn chặn)',
};

export const DECISION_LABEL_VI: Record<DecisionKind, string> = {
  approve: 'Phê duyệt',
  reject: 'Từ chối',
  request_changes: 'Yêu cầu sửa',
};

export const TASK_STATUS_LABEL_VI: Record<TaskStatus, string> = {
  todo: 'Chưa làm',
  in_progress: 'Đang làm',
  done: 'Hoàn thành',
  cancelled: 'Đã hủy',
};

export const FACT_STATUS_LABEL_VI: Record<FactStatus, string> = {
  unverified: 'Chưa xác minh',
  verified: 'Đã xác minh',
  retracted: 'Đã rút lại',
};

export const MEMBER_STATUS_LABEL_VI: Record<MemberStatus, string> = {
  invited: 'Đã mời, chờ trả lời',
  accepted: 'Đã nhận nhiệm vụ',
  declined: 'Đã từ chối',
  expired: 'Quá hạn trả lời',
  removed: 'Đã rút khỏi tổ',
  handed_over: 'Đã bàn giao',
};

export const APPROVAL_STAGE_STATUS_LABEL_VI: Record<ApprovalStageStatus, string> = {
  waiting: 'Chờ bước trước',
  active: 'Đang chờ duyệt',
  approved: 'Đã duyệt',
  // A stage ends "rejected" on a rejection and on a request for changes alike.
  rejected: 'Không thông qua',
  cancelled: 'Đã hủy',
};
