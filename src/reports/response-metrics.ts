import type { IncidentDeadline } from '../incidents/legal-clock.js';
import type { ReviewReportMetric } from '../contracts/reports.js';

/** A timeline event as the reports read it (a row of `incident_events`). */
export interface TimelineEvent {
  seq: number;
  type: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

export type MetricKey =
  'detect' | 'openRoom' | 'assemble' | 'firstAck' | 'holdingStatement' | 'firstApproval' | 'firstPublication';

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  /** What the duration is measured from. */
  from: 'first_signal' | 'detected';
  /** The legal deadline (rule key) the moment is held against, when there is one. */
  deadlineKey?: string;
}

/** The response times of DOMAIN.md's report, in the order the report shows them. */
export const METRICS: MetricDefinition[] = [
  { key: 'detect', label: 'Phát hiện (từ tín hiệu đầu tiên đến khi phát hiện)', from: 'first_signal' },
  { key: 'openRoom', label: 'Mở phòng xử lý', from: 'detected' },
  { key: 'assemble', label: 'Tập hợp đủ Tổ công tác', from: 'detected' },
  { key: 'firstAck', label: 'Thành viên đầu tiên xác nhận tham gia', from: 'detected' },
  {
    key: 'holdingStatement',
    label: 'Cung cấp thông tin ban đầu',
    from: 'detected',
    deadlineKey: 'initial_information',
  },
  { key: 'firstApproval', label: 'Văn bản đầu tiên được phê duyệt', from: 'detected' },
  { key: 'firstPublication', label: 'Văn bản đầu tiên được công bố công khai', from: 'detected' },
];

/** A response time as the review report sends it (the contract's), its key one of METRICS'. */
export interface MetricValue extends ReviewReportMetric {
  key: MetricKey;
}

const first = (events: TimelineEvent[], pred: (e: TimelineEvent) => boolean) => events.find(pred) ?? null;

/** When a publication happened: the time it records (never before approval), else when it was recorded. */
export function publishedAt(e: TimelineEvent): Date {
  const at = typeof e.payload.publishedAt === 'string' ? new Date(e.payload.publishedAt) : null;
  return at && !Number.isNaN(at.getTime()) ? at : e.occurredAt;
}

/** Statements addressed to platforms or outlets, not to the public (they do not count as speaking). */
export const NOT_PUBLIC_TYPES = new Set(['takedown_request', 'correction_request']);

/** The moments of the response, read from the timeline (events in seq order). */
export function milestones(events: TimelineEvent[]): Record<Exclude<MetricKey, 'detect'>, Date | null> {
  const published = events.filter(
    (e) => e.type === 'statement.published' && !NOT_PUBLIC_TYPES.has(String(e.payload.type)),
  );
  const holdings = published.filter((e) => e.payload.type === 'holding_statement');
  const holding = holdings.length
    ? holdings.reduce((a, b) => (publishedAt(b).getTime() < publishedAt(a).getTime() ? b : a))
    : undefined;
  return {
    openRoom: first(events, (e) => e.type === 'incident.opened')?.occurredAt ?? null,
    assemble: first(events, (e) => e.type === 'working_group.assembled')?.occurredAt ?? null,
    firstAck: first(events, (e) => e.type === 'working_group.invitation_accepted')?.occurredAt ?? null,
    holdingStatement: holding ? publishedAt(holding) : null, // overridden by the legal clock's stop when in force
    firstApproval: first(events, (e) => e.type === 'statement.approved')?.occurredAt ?? null,
    firstPublication: published.length
      ? new Date(Math.min(...published.map((e) => publishedAt(e).getTime())))
      : null,
  };
}

const seconds = (from: Date | null, to: Date | null) =>
  from && to ? Math.round((to.getTime() - from.getTime()) / 1000) : null;

/**
 * The response times of one incident: each from detection (or from the first signal, for detection itself),
 * and, where a legal deadline applies, whether the moment met it.
 */
export function responseMetrics(
  detectedAt: Date,
  firstSignalAt: Date | null,
  events: TimelineEvent[],
  deadlines: IncidentDeadline[],
): MetricValue[] {
  const m = milestones(events);
  return METRICS.map((def) => {
    const start = def.from === 'first_signal' ? firstSignalAt : detectedAt;
    const d = def.deadlineKey ? deadlines.find((x) => x.key === def.deadlineKey) : undefined;
    // Initial information is given by the first publication the rule counts (a holding statement, a press
    // release, …): the legal clock's stop says when; without that rule in force, the first holding statement.
    const at =
      def.key === 'detect'
        ? firstSignalAt
          ? detectedAt
          : null
        : d?.stoppedAt
          ? new Date(d.stoppedAt)
          : m[def.key];
    const due = d?.dueAt ? new Date(d.dueAt) : null;
    return {
      key: def.key,
      label: def.label,
      from: def.from,
      startAt: start?.toISOString() ?? null,
      at: at?.toISOString() ?? null,
      seconds: seconds(start, at),
      deadline: d
        ? {
            key: d.key,
            label: d.label,
            dueAt: d.dueAt,
            met: due && at ? at.getTime() <= due.getTime() : null,
          }
        : null,
    };
  });
}

/** Linear-interpolated quantile (the usual "type 7"); null for no values. */
export function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** "2 giờ 05 phút", "45 phút", "30 giây" for a duration in seconds. */
export function durationVi(s: number | null): string {
  if (s === null) return '—';
  const neg = s < 0;
  let rest = Math.abs(Math.round(s));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ngày`);
  if (hours) parts.push(`${hours} giờ`);
  if (minutes) parts.push(`${minutes} phút`);
  if (!days && !hours && (secs || !parts.length)) parts.push(`${secs} giây`);
  return (neg ? '-' : '') + parts.join(' ');
}
