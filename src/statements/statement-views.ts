/** The statements' answers as the API gives them: a statement, its versions, their word diff, its publications. */
import type {
  Publication,
  Statement as StatementView,
  VersionDiff,
  VersionSummary,
  VersionText,
} from '../contracts/statements.js';
import { diffWords } from 'diff';
import type { StatementPublication } from './entities/statement-publication.entity.js';
import type { StatementVersionReview } from './entities/statement-version-review.entity.js';
import type { StatementVersion } from './entities/statement-version.entity.js';
import type { Statement } from './entities/statement.entity.js';
import { STATEMENT_STATUS_LABEL_VI, STATEMENT_TYPE_LABEL_VI, StatementType } from './statement-types.js';

export function statementView(s: Statement): StatementView {
  return {
    id: s.id,
    incidentId: s.incidentId,
    type: s.type,
    typeLabel: STATEMENT_TYPE_LABEL_VI[s.type as StatementType],
    status: s.status,
    statusLabel: STATEMENT_STATUS_LABEL_VI[s.status],
    channels: s.channels,
    citedFactIds: s.citedFactIds,
    currentVersion: s.currentVersion || null,
    relatesToStatementId: s.relatesToStatementId,
    relation: s.relation,
    createdByUserId: s.createdByUserId,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function versionSummary(v: StatementVersion, review?: StatementVersionReview): VersionSummary {
  return {
    number: v.number,
    sha256: v.sha256,
    status: review?.status ?? null,
    submittedByUserId: v.submittedByUserId,
    createdAt: v.createdAt.toISOString(),
  };
}

export function versionView(v: StatementVersion, status: string | null): VersionText {
  return {
    id: v.id,
    statementId: v.statementId,
    number: v.number,
    title: v.title,
    body: v.body,
    rendered: v.rendered,
    sha256: v.sha256,
    citedFactIds: v.citedFactIds,
    policy: v.policy,
    status,
    submittedByUserId: v.submittedByUserId,
    createdAt: v.createdAt.toISOString(),
  };
}

export function publicationView(p: StatementPublication): Publication {
  return {
    id: p.id,
    statementId: p.statementId,
    versionNumber: p.versionNumber,
    sha256: p.sha256,
    channel: p.channel,
    url: p.url,
    publishedAt: p.publishedAt.toISOString(),
    spokespersonPersonId: p.spokespersonPersonId,
    note: p.note,
    recordedByUserId: p.recordedByUserId,
  };
}

/** Word-level diff between two versions' canonical texts, with the words inserted and deleted. */
export function versionDiff(a: StatementVersion, b: StatementVersion): VersionDiff {
  const parts = diffWords(a.rendered, b.rendered).map((p): VersionDiff['parts'][number] => ({
    op: p.added ? 'insert' : p.removed ? 'delete' : 'equal',
    text: p.value,
  }));
  const words = (ops: string) =>
    parts.filter((p) => p.op === ops).reduce((n, p) => n + (p.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  return {
    from: { number: a.number, sha256: a.sha256 },
    to: { number: b.number, sha256: b.sha256 },
    insertedWords: words('insert'),
    deletedWords: words('delete'),
    parts,
  };
}
