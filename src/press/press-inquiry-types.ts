/** How a request for information reached the press desk. */
export const INQUIRY_CHANNELS = ['email', 'phone', 'letter', 'in_person', 'press_briefing'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];

export const INQUIRY_CHANNEL_LABEL_VI: Record<InquiryChannel, string> = {
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  letter: 'Công văn, thư',
  in_person: 'Trực tiếp',
  press_briefing: 'Giao ban báo chí',
};

export enum InquiryStatus {
  Received = 'received',
  Assigned = 'assigned',
  Drafting = 'drafting',
  InReview = 'in_review',
  Answered = 'answered',
  Declined = 'declined',
  Transferred = 'transferred',
}

export const INQUIRY_STATUS_LABEL_VI: Record<InquiryStatus, string> = {
  [InquiryStatus.Received]: 'Mới tiếp nhận',
  [InquiryStatus.Assigned]: 'Đã phân công',
  [InquiryStatus.Drafting]: 'Đang soạn trả lời',
  [InquiryStatus.InReview]: 'Đang trình duyệt',
  [InquiryStatus.Answered]: 'Đã trả lời',
  [InquiryStatus.Declined]: 'Từ chối cung cấp',
  [InquiryStatus.Transferred]: 'Đã chuyển đơn vị khác',
};

export const OPEN_INQUIRY_STATUSES: InquiryStatus[] = [
  InquiryStatus.Received,
  InquiryStatus.Assigned,
  InquiryStatus.Drafting,
  InquiryStatus.InReview,
];

/** The status machine as data: which status may follow which (answered/declined only by sending). */
export const INQUIRY_TRANSITIONS: Record<InquiryStatus, InquiryStatus[]> = {
  [InquiryStatus.Received]: [InquiryStatus.Assigned, InquiryStatus.Transferred],
  [InquiryStatus.Assigned]: [InquiryStatus.Assigned, InquiryStatus.Drafting, InquiryStatus.Transferred],
  [InquiryStatus.Drafting]: [InquiryStatus.Assigned, InquiryStatus.InReview, InquiryStatus.Transferred],
  [InquiryStatus.InReview]: [InquiryStatus.Drafting, InquiryStatus.Answered, InquiryStatus.Declined],
  [InquiryStatus.Answered]: [],
  [InquiryStatus.Declined]: [],
  [InquiryStatus.Transferred]: [],
};

export function canTransition(from: InquiryStatus, to: InquiryStatus): boolean {
  return INQUIRY_TRANSITIONS[from].includes(to);
}

/** The answer is either information given or a refusal on one of the law's grounds; both are approved. */
export type InquiryOutcome = 'answer' | 'refusal';

/** Deadline rule keys of the press desk (rows of `deadline_rules`, anchor `press_inquiry_received`). */
export const INQUIRY_RULE_KEYS: Record<InquiryChannel, string> = {
  email: 'press_inquiry_answer',
  phone: 'press_inquiry_answer',
  letter: 'press_inquiry_answer',
  in_person: 'press_inquiry_answer',
  press_briefing: 'press_briefing_answer',
};
export const INQUIRY_RULE_ANCHOR = 'press_inquiry_received';
