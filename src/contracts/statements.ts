/**
 * Statements, their immutable versions, approval chains, publications and comments.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { DecisionKind, Severity, StatementStatus } from './enums.js';

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
