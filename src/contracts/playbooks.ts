/**
 * Playbooks (cẩm nang): their versions and content, what an incident applied, suggestions (the same shape on HTTP
 * and in the `playbook.suggested` timeline payload), proposals, and search over playbooks and archived incidents.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { IncidentCategory, PublicationChannel, Severity, StatementType } from './enums.js';
import type { CandidateSource } from './working-groups.js';

/** What one playbook version says (stored as JSONB; versions are immutable, a change is a new version). */
export interface PlaybookContent {
  /** Short summary shown in suggestions and search results. */
  summary: string;
  /** Incident categories the playbook is written for (at least one). */
  categories: IncidentCategory[];
  severityMin: Severity;
  severityMax: Severity;
  /**
   * Words and phrases (Vietnamese, with diacritics) whose presence in the incident text or its topics suggests
   * it; `topicKeys`: ids or names (accent-insensitive) of watchlist topics whose incidents it fits.
   */
  triggers: { keywords: string[]; topicKeys?: string[] };
  /** Ordered stages of the response, each with checklist tasks. */
  stages: PlaybookStage[];
  /** Roles the working group must (or should) have for this kind of incident, added to the assembly rule's. */
  roleRequirements: PlaybookRoleRequirement[];
  /** Statement drafts created when the playbook is applied. */
  statementTemplates: PlaybookStatementTemplate[];
  /** Pre-approved holding lines (câu trả lời chờ): safe sentences a spokesperson may say before approval. */
  holdingLines: string[];
  /** Legal references, e.g. "Nghị định 09/2017/NĐ-CP, Điều 4". */
  legalReferences: string[];
  /** Guidance for the team, Markdown. */
  guidanceMarkdown: string;
}

export interface PlaybookStage {
  key: string;
  title: string;
  tasks: PlaybookTask[];
}

export interface PlaybookTask {
  title: string;
  description?: string;
  /** Deadline relative to the incident's detection (the legal clock's anchor), in minutes. */
  dueAfterMinutes: number;
  /** Working-group role expected to do it (key from the role catalogue); the assignee is chosen from it. */
  role?: string;
}

export interface PlaybookRoleRequirement {
  /** Key from the role catalogue (team_leader, spokesperson, drafter, legal_reviewer, police_liaison, …). */
  role: string;
  count: number;
  required: boolean;
  /** Where candidates come from; empty: the responsible unit and its subtree. */
  sources?: CandidateSource[];
  /** Why the playbook needs this role (shown in the working group). */
  reason: string;
}

/** A statement draft template, Markdown, with `{{placeholders}}` filled on apply (see playbook-content.ts). */
export interface PlaybookStatementTemplate {
  type: StatementType;
  title: string;
  body: string;
  channels?: PublicationChannel[];
}

export type PlaybookOrigin = 'shipped' | 'created' | 'proposal';

export interface Playbook {
  id: string;
  key: string;
  title: string;
  currentVersion: number;
  /** Null: a playbook every unit uses; else the unit owning it. */
  orgUnitId: string | null;
  shipped: boolean;
  updatedAt: string;
}

/** A playbook in the library, with what its current version is for. */
export interface PlaybookSummary extends Playbook {
  summary: string;
  categories: IncidentCategory[];
  severityMin: Severity;
  severityMax: Severity;
}

export interface PlaybookVersionSummary {
  version: number;
  title: string;
  origin: PlaybookOrigin;
  proposalId: string | null;
  createdAt: string;
}

export interface PlaybookVersion extends PlaybookVersionSummary {
  playbookId: string;
  content: PlaybookContent;
}

export interface PlaybookDetail extends Playbook {
  current: PlaybookVersion;
  versions: PlaybookVersionSummary[];
}

/** A playbook fitting an incident, with the reasons (HTTP and the `playbook.suggested` timeline payload). */
export interface PlaybookSuggestion {
  playbookId: string;
  version: number;
  title: string;
  summary: string;
  score: number;
  reasons: string[];
}

export interface PlaybookSuggestions {
  items: PlaybookSuggestion[];
  /** Whether the reader may apply one (the console shows the button only then). */
  canApply: boolean;
}

/** The playbook version an incident applied, and what applying it created. */
export interface AppliedPlaybook {
  playbookId: string;
  key: string;
  version: number;
  title: string;
  appliedAt: string;
  appliedByUserId: string | null;
  created: { taskIds: string[]; statementIds: string[]; roles: string[] };
}

/** What applying a playbook created: tasks, statement drafts, roles added to the working group. */
export interface PlaybookApplication {
  incidentId: string;
  playbook: { id: string; key: string; version: number; title: string };
  taskIds: string[];
  statementIds: string[];
  roles: { role: string; invited: number; missing: number }[];
  /** Template placeholders no value was found for (left visible as "[…]" in the drafts). */
  missingPlaceholders: string[];
}

export type PlaybookProposalStatus = 'pending' | 'approved' | 'rejected';

/** Lessons learned proposed as a new version of a playbook (or a new playbook when `playbookId` is null). */
export interface PlaybookProposal {
  id: string;
  playbookId: string | null;
  baseVersion: number | null;
  newKey: string | null;
  title: string;
  content: PlaybookContent;
  rationale: string;
  sourceIncidentId: string | null;
  status: PlaybookProposalStatus;
  proposedByUserId: string;
  decidedByUserId: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  resultingVersion: number | null;
  createdAt: string;
}

interface SearchHitBase {
  id: string;
  title: string;
  /** The title with the matched words in `<mark>` (the rest escaped). */
  titleHtml: string;
  /** A passage around the matched words, `<mark>`ed and escaped. */
  snippetHtml: string;
  rank: number;
}

export interface PlaybookSearchHit extends SearchHitBase {
  kind: 'playbook';
  version: number;
  categories: string[];
  /** The severity range, e.g. "L2–L4". */
  severity: string;
}

export interface IncidentSearchHit extends SearchHitBase {
  kind: 'incident';
  code: string;
  category: string;
  severity: string;
  archivedAt: string | null;
  responsibleUnitName: string;
  /** The status's Vietnamese name (the library holds archived incidents). */
  status: string;
}

export type SearchHit = PlaybookSearchHit | IncidentSearchHit;

export interface SearchResult {
  q: string;
  items: SearchHit[];
}
