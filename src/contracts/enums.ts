/**
 * Value sets of the API, as string unions (the service's enums have the same values).
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

export const ROLES = ['admin', 'leader', 'officer', 'analyst', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const SEVERITIES = ['L1', 'L2', 'L3', 'L4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = [
  'detected',
  'triaged',
  'active',
  'monitoring',
  'resolved',
  'closed',
  'archived',
  'dismissed',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_CATEGORIES = [
  'fake_news',
  'policy_backlash',
  'accident_disaster',
  'public_health',
  'service_failure',
  'misconduct_allegation',
  'data_leak',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const STATEMENT_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'published',
  'corrected',
  'withdrawn',
] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const STATEMENT_TYPES = [
  'holding_statement',
  'press_release',
  'spokesperson_statement',
  'press_answer',
  'correction_request',
  'takedown_request',
  'social_post',
  'qa_sheet',
] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];

export const PUBLICATION_CHANNELS = [
  'portal',
  'press_conference',
  'press_outlets',
  'social_page',
  'press_briefing',
  'platform',
] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

export const DECISION_KINDS = ['approve', 'reject', 'request_changes'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FACT_STATUSES = ['unverified', 'verified', 'retracted'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** A working-group member's state: invited and accepted hold the role; the others ended it. */
export const MEMBER_STATUSES = [
  'invited',
  'accepted',
  'declined',
  'expired',
  'removed',
  'handed_over',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A step of an approval chain (a request for changes ends it `rejected` too). */
export const APPROVAL_STAGE_STATUSES = ['waiting', 'active', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalStageStatus = (typeof APPROVAL_STAGE_STATUSES)[number];

/**
 * What a deadline rule's clock counts from: an incident's detection or takedown request, or (`press_…`) a press
 * desk request or press report, whose clocks run on the press desk, never on an incident.
 */
export const DEADLINE_ANCHORS = [
  'detected',
  'takedown_requested',
  'press_inquiry_received',
  'press_report_received',
] as const;
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

/** A page of a list: the rows, and the total when the route counts it. */
export interface Page<T> {
  items: T[];
  total?: number;
}
