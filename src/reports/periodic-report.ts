import {
  CATEGORY_LABEL_VI,
  IncidentCategory,
  Severity,
  STATUS_LABEL_VI,
} from '../incidents/incident-types.js';
import type { IncidentStatus } from '../incidents/incident-types.js';
import type { IncidentDeadline } from '../incidents/legal-clock.js';
import { STATEMENT_TYPE_LABEL_VI } from '../statements/statement-types.js';
import type { StatementType } from '../statements/statement-types.js';
import { METRICS, quantile, responseMetrics } from './response-metrics.js';
import type { TimelineEvent } from './response-metrics.js';
import { todayInVietnam } from '../common/dates.js';
import type {
  PeriodicReport,
  PeriodicReportPress,
  PeriodicReportSpokespersonChange,
  SeverityCounts,
} from '../contracts/periodic-report.js';

export type { PeriodicReport } from '../contracts/periodic-report.js';

export interface PeriodicIncident {
  id: string;
  code: string;
  title: string;
  category: string;
  severity: string;
  status: string;
  detectedAt: Date;
  events: TimelineEvent[];
  firstSignalAt: Date | null;
  deadlines: IncidentDeadline[];
}

/** A spokesperson designation that started or ended in the period (one row each): the contract's row. */
export type SpokespersonChange = PeriodicReportSpokespersonChange;

export interface PeriodicInput {
  generatedAt: Date;
  unit: {
    id: string;
    name: string;
    code: string;
    unitType: string;
    parentName: string | null;
    placeName: string | null;
  };
  from: string;
  to: string;
  incidents: PeriodicIncident[];
  publications: { incidentId: string; type: string; channel: string; first: boolean; occurredAt: Date }[];
  spokespersonChanges: SpokespersonChange[];
  press: PressInput;
}

/**
 * The press desk's figures of the period: conferences held (by kind) against those the unit's cadence rule
 * requires, press reports (báo nêu) and their answers, requests for information answered (on time) and refused
 * (by ground).
 */
export interface PressInput {
  conferencesHeld: { byKind: Record<string, number>; ownRegular: number };
  /** Regular conferences the period requires under the unit's rule; null when the unit has no such duty. */
  conferencesRequired: { count: number; intervalMonths: number; legalSource: string } | null;
  coverage: {
    status: string;
    dueAt: Date | null;
    respondedAt: Date | null;
    responseKind: string | null;
    outcomeKind: string | null;
  }[];
  inquiries: PressInquiryFigures;
  generatedAt: Date;
}

export interface PressInquiryFigures {
  received: number;
  answered: number;
  answeredOnTime: number;
  refusalsByGround: { ground: string; label: string; count: number }[];
}

/** The press section of the periodic report: a pure function of the conferences and reports of the period. */
export function projectPress(p: PressInput): PeriodicReportPress {
  const byKind = { regular: 0, thematic: 0, emergency: 0, ...p.conferencesHeld.byKind };
  const answered = p.coverage.filter((c) => c.respondedAt !== null);
  const onTime = answered.filter((c) => c.dueAt === null || c.respondedAt!.getTime() <= c.dueAt.getTime());
  const open = p.coverage.filter((c) => c.respondedAt === null);
  return {
    conferences: {
      held: byKind.regular + byKind.thematic + byKind.emergency,
      byKind,
      /** The regular conferences of the unit itself, against what its cadence rule requires. */
      ownRegularHeld: p.conferencesHeld.ownRegular,
      required: p.conferencesRequired,
    },
    coverage: {
      received: p.coverage.length,
      answered: answered.length,
      answeredOnTime: onTime.length,
      answeredLate: answered.length - onTime.length,
      open: open.length,
      overdue: open.filter((c) => c.dueAt !== null && c.dueAt.getTime() < p.generatedAt.getTime()).length,
      byResponse: {
        answer: answered.filter((c) => c.responseKind === 'answer').length,
        correctionRequest: answered.filter((c) => c.responseKind === 'correction_request').length,
        replyRequest: answered.filter((c) => c.responseKind === 'reply_request').length,
        incident: answered.filter((c) => c.responseKind === 'incident').length,
      },
      correctionsPublished: p.coverage.filter((c) => c.outcomeKind === 'correction_published').length,
    },
    inquiries: p.inquiries,
  };
}

const SEVERITIES = [Severity.L1, Severity.L2, Severity.L3, Severity.L4];

/**
 * The periodic report of a unit (e.g. the annual report due before 10 December): incidents by category and
 * severity, median and p90 of the response times, deadline compliance, statements, press conferences and
 * spokesperson list changes; a pure function of the incidents' timelines.
 */
export function projectPeriodic(input: PeriodicInput): PeriodicReport {
  const counted = input.incidents.filter((i) => i.status !== 'dismissed');
  const dismissed = input.incidents.length - counted.length;

  const byCategory = Object.values(IncidentCategory)
    .map((category) => {
      const of = counted.filter((i) => i.category === category);
      return {
        category,
        label: CATEGORY_LABEL_VI[category],
        bySeverity: Object.fromEntries(
          SEVERITIES.map((s) => [s, of.filter((i) => i.severity === s).length]),
        ) as SeverityCounts,
        total: of.length,
      };
    })
    .filter((r) => r.total > 0);
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, counted.filter((i) => i.severity === s).length]),
  ) as SeverityCounts;

  const perIncident = counted.map((i) => ({
    incident: i,
    metrics: responseMetrics(i.detectedAt, i.firstSignalAt, i.events, i.deadlines),
  }));
  const metrics = METRICS.map((def) => {
    const values = perIncident
      .map((p) => p.metrics.find((m) => m.key === def.key)!.seconds)
      .filter((s): s is number => s !== null);
    const rounded = (q: number) => {
      const v = quantile(values, q);
      return v === null ? null : Math.round(v);
    };
    return {
      key: def.key,
      label: def.label,
      incidents: values.length,
      medianSeconds: rounded(0.5),
      p90Seconds: rounded(0.9),
    };
  });

  type ComplianceRow = {
    key: string;
    label: string;
    met: number;
    missed: number;
    pending: number;
    notStarted: number;
    notRecorded: number;
  };
  const compliance = new Map<string, ComplianceRow>();
  for (const i of counted) {
    for (const d of i.deadlines) {
      const row = compliance.get(d.key) ?? {
        key: d.key,
        label: d.label,
        met: 0,
        missed: 0,
        pending: 0,
        notStarted: 0,
        notRecorded: 0,
      };
      if (d.met === true) row.met++;
      else if (d.met === false) row.missed++;
      else if (!d.dueAt) row.notStarted++;
      // A deadline that runs from someone else's act (a platform's removal after a request) is met by an act the
      // timeline does not record: past due, it is "not recorded", not the agency's miss.
      else if (d.overdue) row[d.anchor === 'detected' ? 'missed' : 'notRecorded']++;
      else row.pending++;
      compliance.set(d.key, row);
    }
  }
  const deadlineCompliance = [...compliance.values()].map((r) => ({
    ...r,
    rate: r.met + r.missed ? r.met / (r.met + r.missed) : null,
  }));

  const counts = new Map<string, number>();
  for (const p of input.publications.filter((x) => x.first))
    counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  const statements = [...counts.entries()]
    .map(([type, count]) => ({ type, label: STATEMENT_TYPE_LABEL_VI[type as StatementType] ?? type, count }))
    .sort((a, b) => b.count - a.count);
  // One press conference may release several statements: counted once per incident and day (Vietnam time).
  const pressConferences = new Set(
    input.publications
      .filter((p) => p.channel === 'press_conference')
      .map((p) => `${p.incidentId}:${todayInVietnam(new Date(p.occurredAt))}`),
  ).size;

  return {
    kind: 'periodic' as const,
    generatedAt: input.generatedAt.toISOString(),
    unit: input.unit,
    period: { from: input.from, to: input.to },
    totals: { incidents: counted.length, dismissed, bySeverity },
    byCategory,
    metrics,
    deadlineCompliance,
    statements: { published: statements.reduce((n, s) => n + s.count, 0), byType: statements },
    pressConferences,
    press: projectPress(input.press),
    spokespersonChanges: input.spokespersonChanges,
    incidents: perIncident.map(({ incident: i, metrics: m }) => {
      const holding = m.find((x) => x.key === 'holdingStatement')!;
      return {
        code: i.code,
        title: i.title,
        category: i.category,
        categoryLabel: CATEGORY_LABEL_VI[i.category as IncidentCategory] ?? i.category,
        severity: i.severity,
        status: i.status,
        statusLabel: STATUS_LABEL_VI[i.status as IncidentStatus] ?? i.status,
        detectedAt: i.detectedAt.toISOString(),
        holdingStatementSeconds: holding.seconds,
        initialInformationMet: holding.deadline?.met ?? null,
      };
    }),
  };
}
