export { CHANNEL_LABEL_VI, STATEMENT_STATUS_LABEL_VI, STATEMENT_TYPE_LABEL_VI } from '../contracts/labels.js';

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

/** Forms of providing information (NĐ 09/2017, art. 4) a publication is recorded on. */
export enum PublicationChannel {
  Portal = 'portal',
  PressConference = 'press_conference',
  PressOutlets = 'press_outlets',
  SocialPage = 'social_page',
  PressBriefing = 'press_briefing',
  Platform = 'platform',
}

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

/** Who may decide a stage and a policy's stages: written in the contracts (src/contracts/statements.ts). */
export type { ApproverSpec, StageSpec } from '../contracts/statements.js';
