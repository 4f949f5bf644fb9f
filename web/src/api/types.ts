/**
 * Shapes of the public HTTP API as the console reads them (see /docs). Websocket payloads come from the server's
 * own event map, src/rooms/rooms.events.ts.
 */

import type { UnitSnapshot } from '../../../src/contracts/index.js';

export type {
  AppliedPlaybook,
  ApprovalChain,
  ApprovalItem,
  ApprovalStage,
  CreateIncident,
  Deadline,
  Decision,
  DecisionKind,
  DecisionResult,
  Detection,
  Fact,
  GroupMember,
  InAppNotification,
  Incident,
  IncidentDetail,
  IncidentStatus,
  LoginResult,
  Mention,
  Page,
  PlaybookContent,
  PlaybookApplication,
  PlaybookDetail,
  PlaybookSuggestion,
  PlaybookSuggestions,
  PlaybookSummary,
  Publication,
  Role,
  SearchHit,
  SearchResult,
  Severity,
  Statement,
  StatementComment,
  StatementDetail,
  StatementStatus,
  SubmitResult,
  Task,
  TopicBucket,
  UnitSnapshot,
  User,
  Version,
  VersionDetail,
  VersionDocument,
  VersionSummary,
  WorkingGroup,
  WorkingGroupRole,
} from '../../../src/contracts/index.js';
export type {
  AuthorizedSpeaker,
  OfficerReportResult,
  OrgUnitDetail,
  OrgUnitListItem as OrgUnit,
  PersonSummary,
  Speaker,
  UnitSpeakers as Spokespersons,
} from '../../../src/contracts/index.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

export interface ReviewReport {
  kind: 'review';
  generatedAt: string;
  incident: {
    id: string;
    code: string;
    title: string;
    summary: string | null;
    detectedAt: string;
    categoryLabel: string;
    severityLabel: string;
    statusLabel: string;
    responsibleUnit: UnitSnapshot;
  };
  playbook: { key: string; title: string; version: number; appliedAt: string } | null;
  team: {
    fullName: string;
    position: string | null;
    unitName: string | null;
    roleName: string;
    status: string;
    ackSeconds: number | null;
  }[];
  timeline: {
    totalEvents: number;
    shown: number;
    items: { seq: number; at: string; type: string; text: string }[];
  };
  spread: {
    source: string;
    bucketMinutes: number;
    totalMentions: number;
    negativeMentions: number;
    negativeShare: number | null;
    topOutlets: { outlet: string; mentions: number; negative: number }[];
    series: { start: string; volume: number; negative: number }[];
    recovery: {
      recoveredAt: string | null;
      minutes: number | null;
      threshold?: number;
      afterPublicationAt?: string | null;
    };
    peakNegative?: { at: string; share: number; volume: number } | null;
  };
  assessment?: {
    severityChanges: { from: string; to: string; reason: string | null; at: string }[];
    detections: { at: string; rule: string; ruleLabel: string; severity: string }[];
  };
  /** Section titles numbered as the PDF and DOCX number them (1–10 and the annex). */
  sections?: Record<
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
    | 'annex',
    string
  >;
  metrics: {
    key: string;
    label: string;
    seconds: number | null;
    at: string | null;
    deadline: { label: string; met: boolean | null } | null;
  }[];
  approvals: { versions: number; rejections: number; changesRequested: number };
  tasks: { total: number; done: number; late: unknown[] };
  actions: {
    publications: {
      statementId: string;
      typeLabel: string;
      title: string;
      channelLabel: string;
      publishedAt: string;
      sha256: string;
      url: string | null;
    }[];
    pressConferences: number;
  };
  deadlines: {
    key: string;
    label: string;
    dueAt: string | null;
    stoppedAt: string | null;
    met: boolean | null;
    overdue: boolean;
    legalSource: string;
  }[];
  review: {
    status: 'draft' | 'completed';
    wentWell: string;
    wentPoorly: string;
    causes: string;
    lessons: string;
    proposals: string;
    actionItems: { title: string; ownerName: string; dueDate?: string | null; status: 'open' | 'done' }[];
  } | null;
}
