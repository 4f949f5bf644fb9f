/**
 * Detections: what a rule found in a topic's window, and what became of it.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { IncidentCategory, Severity } from './enums.js';

export interface Detection {
  id: string;
  topicId: string | null;
  orgUnitId: string;
  rule: string;
  category: IncidentCategory;
  severity: Severity;
  windowStart: string;
  windowEnd: string;
  evidence: Record<string, unknown>;
  outcome: string;
  incidentId: string | null;
  declaredByUserId: string | null;
  createdAt: string;
}
