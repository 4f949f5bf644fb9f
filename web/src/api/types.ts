/**
 * Shapes of the public HTTP API as the console reads them (see /docs). Websocket payloads come from the server's
 * own event map, src/rooms/rooms.events.ts.
 */

export type Role = 'admin' | 'leader' | 'officer' | 'analyst' | 'observer';
export type Severity = 'L1' | 'L2' | 'L3' | 'L4';
export type IncidentStatus =
  'detected' | 'triaged' | 'active' | 'monitoring' | 'resolved' | 'closed' | 'archived' | 'dismissed';
export type StatementStatus = 'draft' | 'in_review' | 'approved' | 'published' | 'corrected' | 'withdrawn';
export type DecisionKind = 'approve' | 'reject' | 'request_changes';

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

export interface UnitSnapshot {
  id: string;
  code: string;
  name: string;
  unitType: string;
}

export interface Deadline {
  key: string;
  label: string;
  anchor: string;
  dueAt: string | null;
  remainingMs: number | null;
  overdue: boolean;
  stoppedAt: string | null;
  met: boolean | null;
  rule: { id: string; value: number; unit: string; legalSource: string };
}

export interface Incident {
  id: string;
  code: string;
  title: string;
  summary: string | null;
  category: string;
  severity: Severity;
  status: IncidentStatus;
  responsibleOrgUnitId: string;
  responsibleUnitSnapshot: UnitSnapshot;
  origin: 'detection' | 'manual';
  detectedAt: string;
  statusChangedAt: string;
  lastSeq: number;
  deadlines: Deadline[];
  allowedTransitions: IncidentStatus[];
  createdAt: string;
  updatedAt: string;
}

export interface IncidentDetail extends Incident {
  concernedUnits: UnitSnapshot[];
  topics: { id: string; name: string | null; linkedAt: string }[];
  mentionCount: number;
}

export interface CreateIncident {
  title: string;
  summary?: string;
  category: string;
  severity: Severity;
  responsibleOrgUnitId: string;
  detectedAt?: string;
}

export interface Page<T> {
  items: T[];
  total?: number;
}

export interface Mention {
  id: string;
  sourceType: string;
  platform: string | null;
  outlet: string | null;
  url: string | null;
  title: string | null;
  snippet: string | null;
  publishedAt: string | null;
  reach: number | null;
  sentiment: string | null;
  fakeNewsLabel: string | null;
  evidenceUrl: string | null;
  linkedAt: string;
}

export interface TopicBucket {
  topicId: string;
  bucketStart: string;
  bucketSeconds: number;
  volume: number;
  negativeCount: number;
  positiveCount: number;
}

export interface Detection {
  id: string;
  rule: string;
  outcome: string;
  windowStart?: string;
  windowEnd?: string;
  evidence?: Record<string, unknown>;
  createdAt?: string;
  [key: string]: unknown;
}

export interface Task {
  id: string;
  incidentId: string;
  title: string;
  description: string | null;
  assigneeUserId: string | null;
  dueAt: string | null;
  status: 'todo' | 'in_progress' | 'done' | 'cancelled';
  completedAt: string | null;
  createdAt: string;
}

export interface Fact {
  id: string;
  incidentId: string;
  statement: string;
  source: string;
  status: 'unverified' | 'verified' | 'retracted';
  verifiedByUserId: string | null;
  verifiedAt: string | null;
  retractionReason: string | null;
  createdAt: string;
}

export interface GroupMember {
  id: string;
  invitationId: string;
  role: string;
  roleName: string;
  canEditStatements: boolean;
  canApprove: boolean;
  observer: boolean;
  status: 'invited' | 'accepted' | 'declined' | 'expired' | 'removed' | 'replaced' | string;
  person: {
    id: string;
    fullName?: string;
    position?: string;
    orgUnit?: { id: string; code: string; name: string } | null;
  };
  why: { reason: string | null };
  invitedAt: string;
  ackDueAt: string | null;
  respondedAt: string | null;
  ackSeconds: number | null;
  declineReason: string | null;
}

export interface WorkingGroup {
  incidentId: string;
  formed: boolean;
  rule: { key: string; name: string } | null;
  activatedAt: string | null;
  assembledAt: string | null;
  requirements: {
    role: string;
    roleName: string;
    count: number;
    required: boolean;
    accepted: number;
    invited: number;
  }[];
  members: GroupMember[];
}

export interface Statement {
  id: string;
  incidentId: string;
  type: string;
  typeLabel: string;
  status: StatementStatus;
  statusLabel: string;
  channels: string[];
  citedFactIds: string[];
  currentVersion: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Decision {
  id: string;
  versionNumber: number;
  decision: DecisionKind;
  reason: string | null;
  decidedByUserId: string;
  onBehalfOfUserId: string | null;
  createdAt: string;
}

export interface ApprovalStage {
  key: string;
  name: string;
  step: number;
  quorum: number;
  status: 'waiting' | 'active' | 'approved' | 'rejected' | 'cancelled';
  dueAt: string | null;
  decisions: Decision[];
}

export interface ApprovalChain {
  versionNumber: number;
  sha256: string;
  status: string | null;
  stages: ApprovalStage[];
}

export interface VersionSummary {
  number: number;
  sha256: string;
  status: string | null;
  submittedByUserId: string | null;
  createdAt: string;
}

/** A version drawn as the official document it is issued as (heading, body, signature), and that drawing's hash. */
export interface VersionDocument {
  html: string;
  sha256: string;
  numberLine: string;
  placeDate: string;
  issuedAt: string | null;
}

export interface Version extends VersionSummary {
  id: string;
  statementId: string;
  title: string;
  body: string;
  rendered: string;
  document: VersionDocument;
}

export interface VersionDetail extends Version {
  approval: { stages: ApprovalStage[] };
}

export interface Publication {
  id: string;
  versionNumber: number;
  sha256: string;
  channel: string;
  url: string | null;
  publishedAt: string;
}

export interface StatementDetail extends Statement {
  draft: { title: string; body: string };
  rights: { canEdit: boolean; canComment: boolean; canPublish: boolean; groupRoles: string[] };
  versions: VersionSummary[];
  approval: ApprovalChain | null;
  publications: Publication[];
}

export interface SubmitResult {
  statement: Statement;
  version: Version;
  approval: ApprovalChain | null;
}

export interface DecisionResult {
  decision: Decision;
  statementStatus: StatementStatus;
  [key: string]: unknown;
}

export interface StatementComment {
  id: string;
  statementId: string;
  field: 'title' | 'body';
  quote: string;
  body: string;
  status: 'open' | 'resolved';
  authorUserId: string;
  createdAt: string;
  range: { index: number; length: number; text: string } | null;
  anchor: { start: string; end: string };
}

export interface ApprovalItem {
  statementId: string;
  type: string;
  typeLabel: string;
  incident: { id: string; code?: string; title?: string; severity?: Severity };
  versionNumber: number;
  sha256: string;
  title: string;
  stage: { key: string; name: string; step: number; quorum: number; dueAt: string | null };
  onBehalfOfUserId: string | null;
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

export interface PlaybookSummary {
  id: string;
  key: string;
  title: string;
  currentVersion: number;
  orgUnitId: string | null;
  shipped: boolean;
  summary: string;
  categories: string[];
  severityMin: Severity;
  severityMax: Severity;
}

export interface PlaybookContent {
  summary: string;
  categories: string[];
  severityMin: Severity;
  severityMax: Severity;
  triggers: { keywords: string[]; topicKeys?: string[] };
  stages: {
    key: string;
    title: string;
    tasks: { title: string; description?: string; dueAfterMinutes: number; role?: string }[];
  }[];
  roleRequirements: { role: string; count: number; required: boolean; reason: string }[];
  statementTemplates: { type: string; title: string; body: string }[];
  holdingLines: string[];
  legalReferences: string[];
  guidanceMarkdown: string;
}

export interface PlaybookDetail {
  id: string;
  key: string;
  title: string;
  currentVersion: number;
  shipped: boolean;
  current: { version: number; title: string; origin: string; createdAt: string; content: PlaybookContent };
  versions: { version: number; title: string; origin: string; createdAt: string }[];
}

export interface SearchHit {
  kind: 'playbook' | 'incident';
  id: string;
  title: string;
  titleHtml: string;
  snippetHtml: string;
  rank: number;
  version?: number;
  code?: string;
  severity?: string | string[];
  responsibleUnitName?: string;
  archivedAt?: string;
}

export interface PlaybookSuggestion {
  playbookId: string;
  version: number;
  title: string;
  summary: string;
  score: number;
  reasons: string[];
}

export interface AppliedPlaybook {
  playbookId: string;
  key: string;
  version: number;
  title: string;
  appliedAt: string;
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
