/**
 * Shapes of the public HTTP API as the console reads them (see /docs). Websocket payloads come from the server's
 * own event map, src/rooms/rooms.events.ts.
 */

import type { Role, UnitSnapshot } from '../../../src/contracts/index.js';

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
  Incident,
  IncidentDetail,
  IncidentStatus,
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
  Version,
  VersionDetail,
  VersionDocument,
  VersionSummary,
  WorkingGroup,
  WorkingGroupRole,
} from '../../../src/contracts/index.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
  active?: boolean;
}

export interface LoginResult {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: User;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  unitType: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  capabilities?: { capability: string; validFrom: string; validTo: string | null }[];
}

export interface OrgUnitDetail extends OrgUnit {
  on: string;
  validOnDate: boolean;
  parent: { id: string; code: string; name: string } | null;
  children: { id: string; code: string; name: string; unitType: string }[];
  successors: { kind: string; effectiveOn: string; unit: { id: string; name: string } }[];
  predecessors: { kind: string; effectiveOn: string; unit: { id: string; name: string } }[];
}

export interface PersonSummary {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
}

export interface Speaker {
  designationId: string;
  person: PersonSummary;
  validFrom: string;
  validTo: string | null;
  decisionRef: string | null;
  matter?: string;
  grantedBy?: PersonSummary | null;
}

export interface Spokespersons {
  on: string;
  heads: PersonSummary[];
  spokespersons: Speaker[];
  authorized: Speaker[];
  successors?: { unit?: { id: string; name: string } }[];
}

export interface InAppNotification {
  id: string;
  kind: string;
  subject: string;
  text: string;
  data: Record<string, unknown>;
  createdAt: string;
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
