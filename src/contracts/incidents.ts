/**
 * Incidents, their tasks and verified facts: one shape on HTTP, the timeline and the `/rooms` socket.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { FactStatus, IncidentStatus, Severity, TaskStatus } from './enums.js';

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
  rule: {
    id: string;
    value: number;
    unit: string;
    legalSource: string;
    effectiveFrom: string;
    effectiveTo: string | null;
  };
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

export interface Task {
  id: string;
  incidentId: string;
  title: string;
  description: string | null;
  assigneeUserId: string | null;
  dueAt: string | null;
  status: TaskStatus;
  completedAt: string | null;
  createdByUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Fact {
  id: string;
  incidentId: string;
  statement: string;
  source: string;
  status: FactStatus;
  verifiedByUserId: string | null;
  verifiedAt: string | null;
  retractionReason: string | null;
  createdByUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A legal deadline rule: how long, from which act, for which incidents, on which legal text, in force when. */
export interface DeadlineRule {
  id: string;
  key: string;
  label: string;
  value: number;
  unit: 'minutes' | 'hours' | 'days';
  anchor: string;
  categories: string[];
  minSeverity: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalSource: string;
  stoppedByStatementTypes: string[];
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One committed change of an incident's timeline: the same shape on `GET /api/incidents/:id/events`, in the
 * `/rooms` socket's `room:event` and in its join replay.
 */
export interface TimelineEvent {
  incidentId: string;
  seq: number;
  /** `domain.verb`: incident.opened, incident.status_changed, task.created, fact.verified, … */
  type: string;
  /** User id of who made the change; null for the system (detection). */
  actor: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** A page of the timeline after a seq. */
export interface TimelinePage {
  items: TimelineEvent[];
  lastSeq: number;
  hasMore: boolean;
}
