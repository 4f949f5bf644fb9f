import type { CandidateSource } from '../working-groups/entities/assembly-rule.entity.js';
import type { IncidentCategory, Severity } from '../incidents/incident-types.js';
import type { PublicationChannel, StatementType } from '../statements/statement-types.js';

/**
 * What one playbook version (cẩm nang xử lý) says. Stored as JSONB in `playbook_versions.content`; versions are
 * immutable, a change is a new version. Shipped playbooks live in `shipped/`; admins and leaders add their own.
 */
export interface PlaybookContent {
  /** Short summary shown in suggestions and search results. */
  summary: string;
  /** Incident categories the playbook is written for (at least one). */
  categories: IncidentCategory[];
  severityMin: Severity;
  severityMax: Severity;
  /** Words and phrases (Vietnamese, with diacritics) whose presence in the incident text or its topics suggests it. */
  /** `topicKeys`: ids or names (accent-insensitive) of watchlist topics whose incidents it fits. */
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
  /** Working-group role expected to do it (key from working_group_roles); the assignee is chosen from it. */
  role?: string;
}

export interface PlaybookRoleRequirement {
  /** Key from working_group_roles (team_leader, spokesperson, drafter, legal_reviewer, police_liaison, …). */
  role: string;
  count: number;
  required: boolean;
  /** Where candidates come from; empty: the responsible unit and its subtree. */
  sources?: CandidateSource[];
  /** Why the playbook needs this role (shown in the working group). */
  reason: string;
}

/**
 * A statement draft template, Markdown. Placeholders in double braces, filled on apply:
 * {{don_vi}} responsible unit's name · {{don_vi_cap_tren}} its parent unit · {{nguoi_phat_ngon}} spokesperson's
 * name · {{chuc_vu_nguoi_phat_ngon}} title · {{lien_he_nguoi_phat_ngon}} phone and e-mail · {{thoi_gian}} now,
 * "14 giờ 30 ngày 02/12/2026" (Vietnam time) · {{ngay}} "ngày 02 tháng 12 năm 2026" · {{dia_danh}} place name ·
 * {{su_co}} incident title · {{ma_su_co}} incident code · {{tom_tat}} incident summary (title and summary only of
 * an incident a person declared) · {{su_kien_da_xac_minh}} bulleted list of the verified facts ·
 * {{cap_nhat_tiep_theo}} next update time (+ hours). A placeholder with no value is left visible as "[…]" so the
 * drafter sees what to fill. The heading (agency, number, Quốc hiệu, place and date) and the signature are not
 * part of the template: the official document draws them, and the date is the day of issue (publication), so a
 * template never writes its own issue time.
 */
export interface PlaybookStatementTemplate {
  type: StatementType;
  title: string;
  body: string;
  channels?: PublicationChannel[];
}

/** A playbook as shipped with the product: a stable key and its first version. */
export interface ShippedPlaybook {
  key: string;
  title: string;
  content: PlaybookContent;
}
