/**
 * The periodic report of a unit (`GET /api/reports/periodic`) as its JSON format sends it (the other formats
 * render the same data as a document). Plain TypeScript shared by the service (response DTOs implement these)
 * and the web console: no Nest or TypeORM imports here.
 */

import type { IncidentCategory, Severity } from './enums.js';

export interface PeriodicReportUnit {
  id: string;
  name: string;
  code: string;
  unitType: string;
  parentName: string | null;
  placeName: string | null;
}

/** Incidents counted by severity (L1–L4). */
export type SeverityCounts = Record<Severity, number>;

export interface PeriodicReportCategoryRow {
  category: IncidentCategory;
  label: string;
  bySeverity: SeverityCounts;
  total: number;
}

/** A response time over the period's incidents: median and 90th percentile. */
export interface PeriodicReportMetric {
  key: string;
  label: string;
  /** Incidents where the moment happened. */
  incidents: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** How often a legal deadline was met. */
export interface PeriodicReportCompliance {
  key: string;
  label: string;
  met: number;
  missed: number;
  pending: number;
  notStarted: number;
  /** Past due on someone else's act the timeline does not record. */
  notRecorded: number;
  /** met / (met + missed); null when neither. */
  rate: number | null;
}

export interface PeriodicReportStatementType {
  type: string;
  label: string;
  count: number;
}

/** A spokesperson designation that started or ended in the period. */
export interface PeriodicReportSpokespersonChange {
  kind: string;
  validFrom: string;
  validTo: string | null;
  decisionRef: string | null;
  matter: string | null;
  fullName: string;
  position: string;
  unitName: string;
  change: 'started' | 'ended';
}

export interface PeriodicReportRefusals {
  ground: string;
  label: string;
  count: number;
}

/** The press desk's figures of the period. */
export interface PeriodicReportPress {
  conferences: {
    held: number;
    byKind: Record<string, number>;
    /** The regular conferences of the unit itself, against what its cadence rule requires. */
    ownRegularHeld: number;
    /** Null when the unit has no such duty. */
    required: { count: number; intervalMonths: number; legalSource: string } | null;
  };
  coverage: {
    received: number;
    answered: number;
    answeredOnTime: number;
    answeredLate: number;
    open: number;
    overdue: number;
    byResponse: { answer: number; correctionRequest: number; replyRequest: number; incident: number };
    correctionsPublished: number;
  };
  inquiries: {
    received: number;
    answered: number;
    answeredOnTime: number;
    refusalsByGround: PeriodicReportRefusals[];
  };
}

/** An incident of the period, one row of the annex. */
export interface PeriodicReportIncident {
  code: string;
  title: string;
  category: string;
  categoryLabel: string;
  severity: string;
  status: string;
  statusLabel: string;
  detectedAt: string;
  holdingStatementSeconds: number | null;
  initialInformationMet: boolean | null;
}

/** The periodic report of a unit for a period (dismissed incidents counted apart). */
export interface PeriodicReport {
  kind: 'periodic';
  generatedAt: string;
  unit: PeriodicReportUnit;
  period: { from: string; to: string };
  totals: { incidents: number; dismissed: number; bySeverity: SeverityCounts };
  byCategory: PeriodicReportCategoryRow[];
  metrics: PeriodicReportMetric[];
  deadlineCompliance: PeriodicReportCompliance[];
  statements: { published: number; byType: PeriodicReportStatementType[] };
  /** Press conferences that released statements (once per incident and day). */
  pressConferences: number;
  press: PeriodicReportPress;
  spokespersonChanges: PeriodicReportSpokespersonChange[];
  incidents: PeriodicReportIncident[];
}
