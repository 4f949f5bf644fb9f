import { DeadlineRule, DeadlineUnit } from './entities/deadline-rule.entity.js';
import { IncidentCategory, Severity, SEVERITY_RANK } from './incident-types.js';

export interface IncidentDeadline {
  key: string;
  label: string;
  anchor: string;
  /** Null while the act that starts this clock (e.g. a takedown request) has not happened. */
  dueAt: string | null;
  /** Milliseconds left (negative: overdue); null when not started. */
  remainingMs: number | null;
  overdue: boolean;
  /** When the act that meets it happened (e.g. the holding statement published); the clock stops then. */
  stoppedAt: string | null;
  /** Met in time (stopped before the due time); null while running. */
  met: boolean | null;
  rule: {
    id: string;
    value: number;
    unit: DeadlineUnit;
    legalSource: string;
    effectiveFrom: string;
    effectiveTo: string | null;
  };
}

const UNIT_MS: Record<DeadlineUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** The calendar date in Vietnam (UTC+7) of an instant: rules are dated in local law, not UTC. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Clocks of the press desk (`press_inquiry_received`, …) run on its requests, never on an incident. */
export const isPressDeskRule = (r: Pick<DeadlineRule, 'anchor'>) => r.anchor.startsWith('press_');

/** Rules in force on the incident's detection date that apply to its category and severity. */
export function rulesInForce(
  rules: DeadlineRule[],
  incident: { detectedAt: Date; category: IncidentCategory; severity: Severity },
): DeadlineRule[] {
  const day = vietnamDate(incident.detectedAt);
  return rules.filter(
    (r) =>
      !isPressDeskRule(r) &&
      r.effectiveFrom <= day &&
      (r.effectiveTo === null || r.effectiveTo >= day) &&
      (r.categories.length === 0 || r.categories.includes(incident.category)) &&
      (r.minSeverity === null ||
        SEVERITY_RANK[incident.severity] >= SEVERITY_RANK[r.minSeverity as Severity]),
  );
}

export function computeDeadlines(
  rules: DeadlineRule[],
  incident: { detectedAt: Date; category: IncidentCategory; severity: Severity },
  now: Date = new Date(),
  anchors: Record<string, Date | undefined> = {},
  stops: Record<string, Date | undefined> = {},
): IncidentDeadline[] {
  const startOf = (anchor: string) => (anchor === 'detected' ? incident.detectedAt : anchors[anchor]);
  return rulesInForce(rules, incident)
    .map((r) => {
      const start = startOf(r.anchor);
      const due = start ? new Date(start.getTime() + r.value * UNIT_MS[r.unit]) : null;
      const stopped = stops[r.key];
      const remainingMs = due ? due.getTime() - (stopped ?? now).getTime() : null;
      return {
        key: r.key,
        label: r.label,
        anchor: r.anchor,
        dueAt: due?.toISOString() ?? null,
        remainingMs,
        overdue: remainingMs !== null && remainingMs < 0,
        stoppedAt: stopped?.toISOString() ?? null,
        met: stopped && due ? stopped.getTime() <= due.getTime() : null,
        rule: {
          id: r.id,
          value: r.value,
          unit: r.unit,
          legalSource: r.legalSource,
          effectiveFrom: r.effectiveFrom,
          effectiveTo: r.effectiveTo,
        },
      };
    })
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
}
