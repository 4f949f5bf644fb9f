/** Document types of DOMAIN.md ("What an official statement carries"). */
export enum StatementType {
  HoldingStatement = 'holding_statement',
  PressRelease = 'press_release',
  SpokespersonStatement = 'spokesperson_statement',
  PressAnswer = 'press_answer',
  CorrectionRequest = 'correction_request',
  TakedownRequest = 'takedown_request',
  SocialPost = 'social_post',
  QaSheet = 'qa_sheet',
}

export const STATEMENT_TYPE_LABEL_VI: Record<StatementType, string> = {
  [StatementType.HoldingStatement]: 'Thông tin ban đầu',
  [StatementType.PressRelease]: 'Thông cáo báo chí',
  [StatementType.SpokespersonStatement]: 'Nội dung phát ngôn',
  [StatementType.PressAnswer]: 'Trả lời báo chí',
  [StatementType.CorrectionRequest]: 'Đề nghị cải chính, phản hồi',
  [StatementType.TakedownRequest]: 'Yêu cầu gỡ bỏ',
  [StatementType.SocialPost]: 'Bài đăng mạng xã hội',
  [StatementType.QaSheet]: 'Hỏi - đáp',
};

/**
 * Lifecycle (DOMAIN.md): draft → in_review → approved → published; a rejection or a request for changes returns
 * to draft; after publication: corrected / withdrawn (by a new statement linked to it).
 */
export enum StatementStatus {
  Draft = 'draft',
  InReview = 'in_review',
  Approved = 'approved',
  Published = 'published',
  Corrected = 'corrected',
  Withdrawn = 'withdrawn',
}

export const STATEMENT_STATUS_LABEL_VI: Record<StatementStatus, string> = {
  [StatementStatus.Draft]: 'Dự thảo',
  [StatementStatus.InReview]: 'Đang trình duyệt',
  [StatementStatus.Approved]: 'Đã phê duyệt',
  [StatementStatus.Published]: 'Đã công bố',
  [StatementStatus.Corrected]: 'Đã cải chính',
  [StatementStatus.Withdrawn]: 'Đã thu hồi',
};

/** Forms of providing information (NĐ 09/2017, art. 4) a publication is recorded on. */
export enum PublicationChannel {
  Portal = 'portal',
  PressConference = 'press_conference',
  PressOutlets = 'press_outlets',
  SocialPage = 'social_page',
  PressBriefing = 'press_briefing',
  Platform = 'platform',
}

export const CHANNEL_LABEL_VI: Record<PublicationChannel, string> = {
  [PublicationChannel.Portal]: 'Cổng/trang thông tin điện tử',
  [PublicationChannel.PressConference]: 'Họp báo',
  [PublicationChannel.PressOutlets]: 'Gửi thông cáo, văn bản trả lời cho cơ quan báo chí',
  [PublicationChannel.SocialPage]: 'Trang mạng xã hội chính thức',
  [PublicationChannel.PressBriefing]: 'Giao ban báo chí',
  [PublicationChannel.Platform]: 'Gửi nền tảng (yêu cầu gỡ bỏ, ngăn chặn)',
};

export enum DecisionKind {
  Approve = 'approve',
  Reject = 'reject',
  RequestChanges = 'request_changes',
}

export enum StageStatus {
  /** A later step: waits for the steps before it. */
  Waiting = 'waiting',
  Active = 'active',
  Approved = 'approved',
  Rejected = 'rejected',
  /** The version was rejected or replaced before this stage decided. */
  Cancelled = 'cancelled',
}

/** Who may decide a stage, resolved on the incident's working group and its responsible unit. */
export type ApproverSpec =
  | { kind: 'group_role'; role: string }
  | { kind: 'unit_tag'; tag: string }
  | { kind: 'unit_position'; position: string }
  | { kind: 'person'; personId: string };

export interface StageSpec {
  key: string;
  /** Vietnamese, e.g. "Pháp chế rà soát". */
  name: string;
  /** Stages with the same step run in parallel; step n+1 starts when every stage of step n approved. */
  step: number;
  /** Approvals needed (e.g. 1 of 2 deputy directors). */
  quorum: number;
  approvers: ApproverSpec[];
  /** Minutes the stage may take, by severity; past it the stage escalates. */
  slaMinutes: Record<string, number>;
}
