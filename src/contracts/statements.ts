/**
 * Statements, their immutable versions, approval chains, publications and comments.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { ApprovalStageStatus, DecisionKind, Severity, StatementStatus } from './enums.js';

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
  /** The published statement this one corrects or withdraws. */
  relatesToStatementId: string | null;
  relation: 'corrects' | 'withdraws' | null;
  createdByUserId: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Decision {
  id: string;
  versionNumber: number;
  decision: DecisionKind;
  /** The hash of the version's canonical text the decision is bound to. */
  sha256: string;
  reason: string | null;
  decidedByUserId: string;
  /** The approver a delegate decided for (null: decided in person). */
  onBehalfOfUserId: string | null;
  delegationId: string | null;
  /** The approver typed their password again (an approval). */
  steppedUp: boolean;
  createdAt: string;
}

/** Who may decide a stage, resolved on the incident's working group and its responsible unit. */
export type ApproverSpec =
  | { kind: 'group_role'; role: string }
  | { kind: 'unit_tag'; tag: string }
  | { kind: 'unit_position'; position: string }
  | { kind: 'person'; personId: string };

/** A stage of an approval policy (stages with the same step run in parallel). */
export interface StageSpec {
  key: string;
  name: string;
  step: number;
  quorum: number;
  approvers: ApproverSpec[];
  /** Minutes the stage may take, by severity; past it the stage escalates. */
  slaMinutes: Record<string, number>;
}

export interface ApprovalStage {
  key: string;
  name: string;
  step: number;
  quorum: number;
  status: ApprovalStageStatus;
  approvers: ApproverSpec[];
  /** Minutes this stage may take at the incident's severity. */
  slaMinutes: number;
  activatedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
  decisions: Decision[];
}

export interface ApprovalStages {
  stages: ApprovalStage[];
}

export interface ApprovalChain extends ApprovalStages {
  versionNumber: number;
  sha256: string;
  status: string | null;
  /** The approval policy chosen at submission (key, version, fast path) and its stages as they were. */
  policy: Record<string, unknown>;
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

/** A submitted version: its canonical text (`rendered`) and the SHA-256 approvals bind to. */
export interface VersionText extends VersionSummary {
  id: string;
  statementId: string;
  title: string;
  body: string;
  rendered: string;
  citedFactIds: string[];
  policy: Record<string, unknown>;
}

export interface Version extends VersionText {
  document: VersionDocument;
}

export interface VersionDetail extends Version {
  approval: ApprovalStages;
}

export interface Publication {
  id: string;
  statementId: string;
  versionNumber: number;
  sha256: string;
  channel: string;
  url: string | null;
  publishedAt: string;
  spokespersonPersonId: string | null;
  note: string | null;
  recordedByUserId: string;
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
  version: VersionText;
  approval: ApprovalChain | null;
}

export interface DecisionResult {
  decision: Decision;
  statementStatus: StatementStatus;
  approval: ApprovalChain | null;
}

/** A word diff between two versions' canonical texts. */
export interface VersionDiff {
  from: { number: number; sha256: string };
  to: { number: number; sha256: string };
  insertedWords: number;
  deletedWords: number;
  parts: { op: 'insert' | 'delete' | 'equal'; text: string }[];
}

export interface StatementComment {
  id: string;
  statementId: string;
  field: 'title' | 'body';
  quote: string;
  body: string;
  status: 'open' | 'resolved';
  authorUserId: string;
  resolvedByUserId: string | null;
  resolvedAt: string | null;
  createdAt: string;
  /** Where the anchored text is now (null: its text was deleted, or the anchor is not in this draft). */
  range: { index: number; length: number; text: string } | null;
  anchor: { start: string; end: string };
}

export interface ApprovalItem {
  statementId: string;
  type: string;
  typeLabel: string;
  incident: { id: string; code: string; title: string; severity: Severity };
  versionNumber: number;
  sha256: string;
  title: string;
  stage: { key: string; name: string; step: number; quorum: number; dueAt: string | null };
  /** Deciding as a delegate: the approver decided for. */
  onBehalfOfUserId: string | null;
  delegationId: string | null;
}

/** A delegation of one's approvals on an incident, for a period; never delegated again. */
export interface ApprovalDelegation {
  id: string;
  delegatorUserId: string;
  delegateUserId: string;
  incidentId: string;
  matter: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
  active: boolean;
}

/** One version of an approval policy: which statements it governs and the stages they go through. */
export interface ApprovalPolicy {
  id: string;
  key: string;
  version: number;
  name: string;
  priority: number;
  statementTypes: string[];
  minSeverity: string | null;
  maxSeverity: string | null;
  orgUnitId: string | null;
  /** Holding statements made of pre-approved lines skip the chain. */
  fastPath: boolean;
  stages: StageSpec[];
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string | null;
  createdAt: string;
}

/** A holding line approved in advance (the fast path). */
export interface PreApprovedLine {
  id: string;
  text: string;
  statementTypes: string[];
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdAt: string;
}
