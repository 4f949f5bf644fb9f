/**
 * Post-incident reviews (what the working group writes after an incident) and the computed review report of one
 * incident (`GET /api/incidents/:id/report`) as its JSON format sends it (the other formats render the same data
 * as a document; the periodic report is in periodic-report.ts).
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { IncidentCategory, IncidentStatus, Severity } from './enums.js';
import type { UnitSnapshot } from './incidents.js';

/** An action item of a review. */
export interface ReviewActionItem {
  title: string;
  /** Who owns it: a user of the system, or only a named person. */
  ownerUserId?: string | null;
  ownerName: string;
  dueDate?: string | null;
  status: 'open' | 'done';
}

/** The review of an incident (`GET`/`PUT /api/incidents/:id/review`, `…/complete`, `…/reopen`). */
export interface IncidentReview {
  incidentId: string;
  status: 'draft' | 'completed';
  wentWell: string;
  wentPoorly: string;
  /** Shortcomings and their causes. */
  causes: string;
  lessons: string;
  proposals: string;
  actionItems: ReviewActionItem[];
  completedAt: string | null;
  completedByUserId: string | null;
  /** null while nothing was written. */
  updatedAt: string | null;
}

// ---- The review report of one incident (computed from its timeline) ----

/** The incident as the review report names it. */
export interface ReviewReportIncident {
  id: string;
  code: string;
  title: string;
  summary: string | null;
  category: IncidentCategory;
  severity: Severity;
  status: IncidentStatus;
  /** How it came to be: a detection rule, or declared by an officer. */
  origin: string;
  detectedAt: string;
  responsibleUnit: UnitSnapshot;
  /** The unit above the responsible one today (the upper line of the document's agency block). */
  parentUnitName: string | null;
  /** Where the document is dated from (the province). */
  placeName: string | null;
  /** Names of the units concerned. */
  concernedUnits: string[];
  categoryLabel: string;
  severityLabel: string;
  statusLabel: string;
}

/** The playbook applied to the incident, if any. */
export interface ReviewReportPlaybook {
  key: string;
  title: string;
  version: number;
  appliedAt: string;
}

/** A member of the working group and how fast they answered. */
export interface ReviewReportMember {
  fullName: string;
  position: string | null;
  unitName: string | null;
  role: string;
  roleName: string;
  status: string;
  invitedAt: string;
  respondedAt: string | null;
  ackSeconds: number | null;
}

/** A key event of the timeline, in plain words. */
export interface ReviewReportTimelineItem {
  seq: number;
  at: string;
  type: string;
  text: string;
}

export interface ReviewReportTimeline {
  totalEvents: number;
  /** Key events shown (at most the report's row limit). */
  shown: number;
  items: ReviewReportTimelineItem[];
}

/** An outlet among those that carried the incident's evidence most. */
export interface ReviewReportOutlet {
  outlet: string;
  mentions: number;
  reach: number;
  negative: number;
}

export interface ReviewReportSeriesBucket {
  start: string;
  volume: number;
  negative: number;
}

/** When negative share fell back after the first publication. */
export interface ReviewReportRecovery {
  /** The negative share before the incident; null when there were too few mentions to tell. */
  baselineShare: number | null;
  threshold: number;
  thresholdSource: 'baseline' | 'fallback';
  afterPublicationAt: string | null;
  recoveredAt: string | null;
  minutes: number | null;
}

/** How the matter spread: volume and negative share over time, the outlets, the recovery. */
export interface ReviewReportSpread {
  source: 'topics' | 'evidence';
  bucketMinutes: number;
  totalMentions: number;
  negativeMentions: number;
  negativeShare: number | null;
  evidenceMentions: number;
  topOutlets: ReviewReportOutlet[];
  firstSignalAt: string | null;
  series: ReviewReportSeriesBucket[];
  /** Publications drawn on the series. */
  markers: { at: string; label: string }[];
  peakNegative: { at: string; share: number; volume: number } | null;
  recovery: ReviewReportRecovery;
}

export interface ReviewReportSeverityChange {
  from: string;
  to: string;
  reason: string;
  at: string;
}

export interface ReviewReportDetection {
  at: string;
  rule: string;
  ruleLabel: string;
  severity: string;
  summary: string;
}

/** A response time (from detection, or from the first signal for detection itself). */
export interface ReviewReportMetric {
  key: string;
  label: string;
  from: 'first_signal' | 'detected';
  startAt: string | null;
  at: string | null;
  seconds: number | null;
  /** The legal deadline it is held against, when there is one. */
  deadline: { key: string; label: string; dueAt: string | null; met: boolean | null } | null;
}

/** One approval stage of one version: how long it took and how it ended. */
export interface ReviewReportApprovalStage {
  statementId: string;
  statementTitle: string;
  versionNumber: number;
  stageKey: string;
  stageName: string;
  openedAt: string | null;
  closedAt: string | null;
  seconds: number | null;
  outcome: 'approved' | 'rejected' | 'changes_requested' | 'open' | 'superseded';
  overdue: boolean;
}

/** A recorded decision (approval, refusal, request for changes) on a version. */
export interface ReviewReportDecision {
  statementId: string;
  statementTitle: string;
  versionNumber: number;
  sha256: string;
  stageKey: string;
  decision: string;
  reason: string | null;
  decidedBy: string | null;
  onBehalfOf: string | null;
  at: string;
}

export interface ReviewReportApprovals {
  /** Versions submitted. */
  versions: number;
  rejections: number;
  changesRequested: number;
  stages: ReviewReportApprovalStage[];
  decisions: ReviewReportDecision[];
}

export interface ReviewReportLateTask {
  title: string;
  dueAt: string | null;
  status: string;
  completedAt: string | null;
  lateSeconds: number;
}

export interface ReviewReportPublication {
  statementId: string;
  type: string;
  typeLabel: string;
  title: string;
  versionNumber: number;
  sha256: string;
  channel: string;
  channelLabel: string;
  url: string | null;
  publishedAt: string;
  /** Name of who recorded it; null for the system. */
  publishedBy: string | null;
}

export interface ReviewReportCorrection {
  kind: 'corrected' | 'withdrawn';
  statementId: string;
  title: string;
  byStatementId: string;
  at: string;
}

export interface ReviewReportActions {
  publications: ReviewReportPublication[];
  corrections: ReviewReportCorrection[];
  takedownRequests: ReviewReportPublication[];
  correctionRequests: ReviewReportPublication[];
  /** Press conferences held (counted by day). */
  pressConferences: number;
}

export interface ReviewReportDeadline {
  key: string;
  label: string;
  dueAt: string | null;
  stoppedAt: string | null;
  met: boolean | null;
  overdue: boolean;
  legalSource: string;
}

/** What the working group wrote, as the report shows it. */
export type ReviewReportReview = Pick<
  IncidentReview,
  'status' | 'wentWell' | 'wentPoorly' | 'causes' | 'lessons' | 'proposals' | 'actionItems' | 'completedAt'
>;

/** The review report's sections, numbered as the PDF and DOCX number them. */
export type ReviewReportSectionKey =
  | 'general'
  | 'timeline'
  | 'spread'
  | 'assessment'
  | 'actions'
  | 'results'
  | 'deadlines'
  | 'shortcomings'
  | 'lessons'
  | 'proposals'
  | 'annex';

/** The review report of one incident: every figure computed from the timeline, never typed in. */
export interface ReviewReport {
  kind: 'review';
  generatedAt: string;
  incident: ReviewReportIncident;
  playbook: ReviewReportPlaybook | null;
  team: ReviewReportMember[];
  timeline: ReviewReportTimeline;
  spread: ReviewReportSpread;
  assessment: { severityChanges: ReviewReportSeverityChange[]; detections: ReviewReportDetection[] };
  metrics: ReviewReportMetric[];
  approvals: ReviewReportApprovals;
  tasks: { total: number; done: number; late: ReviewReportLateTask[] };
  actions: ReviewReportActions;
  deadlines: ReviewReportDeadline[];
  review: ReviewReportReview | null;
  /** Section titles as the documents number them, so the console numbers its sections the same way. */
  sections: Record<ReviewReportSectionKey, string>;
}
