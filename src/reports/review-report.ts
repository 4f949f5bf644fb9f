import { detectionRuleLabel } from '../detection/rule-labels.js';
import type { OrgUnitSnapshot } from '../incidents/entities/incident.entity.js';
import { CATEGORY_LABEL_VI, SEVERITY_LABEL_VI, STATUS_LABEL_VI } from '../incidents/incident-types.js';
import type { IncidentCategory, IncidentStatus, Severity } from '../incidents/incident-types.js';
import type { IncidentDeadline } from '../incidents/legal-clock.js';
import { CHANNEL_LABEL_VI, STATEMENT_TYPE_LABEL_VI } from '../statements/statement-types.js';
import type { PublicationChannel, StatementType } from '../statements/statement-types.js';
import type { ReviewActionItem } from './entities/incident-review.entity.js';
import { publishedAt, responseMetrics } from './response-metrics.js';
import { projectApprovals } from './review-approvals.js';
import { describeEvent, KEY_EVENT_TYPES, MAX_TIMELINE_ROWS } from './review-timeline.js';
import type { MetricValue, TimelineEvent } from './response-metrics.js';
import { todayInVietnam } from '../common/dates.js';
import type { ReviewReport } from '../contracts/reports.js';

/** The review report as computed, before the section titles the JSON answer adds. */
export type ComputedReview = Omit<ReviewReport, 'sections'>;

export interface SeriesBucket {
  start: Date;
  volume: number;
  negative: number;
}

export interface ReviewMember {
  fullName: string;
  position: string | null;
  unitName: string | null;
  role: string;
  roleName: string;
  status: string;
  invitedAt: Date;
  respondedAt: Date | null;
  ackSeconds: number | null;
}

export interface ReviewInput {
  generatedAt: Date;
  incident: {
    id: string;
    code: string;
    title: string;
    summary: string | null;
    category: IncidentCategory;
    severity: Severity;
    status: IncidentStatus;
    origin: string;
    detectedAt: Date;
    responsibleUnit: OrgUnitSnapshot;
    /** The unit above the responsible one today (the upper line of the document's agency block). */
    parentUnitName: string | null;
    /** Where the document is dated from (the province). */
    placeName: string | null;
    concernedUnits: string[];
  };
  events: TimelineEvent[];
  /** Earliest publication time among the incident's evidence mentions: the first matching signal. */
  firstSignalAt: Date | null;
  deadlines: IncidentDeadline[];
  series: { bucketMinutes: number; buckets: SeriesBucket[]; source: 'topics' | 'evidence' };
  recovery: { fallbackShare: number; margin: number; minBaselineVolume: number; minBucketVolume: number };
  spread: {
    evidenceMentions: number;
    topOutlets: { outlet: string; mentions: number; reach: number; negative: number }[];
  };
  members: ReviewMember[];
  /** Names of the users who acted (decisions, publications). */
  userNames: Record<string, string>;
  review: {
    status: 'draft' | 'completed';
    wentWell: string;
    wentPoorly: string;
    causes: string;
    lessons: string;
    proposals: string;
    actionItems: ReviewActionItem[];
    completedAt: Date | null;
  } | null;
  playbook: { key: string; title: string; version: number; appliedAt: Date } | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/**
 * The post-incident review report (DOMAIN.md's administrative pattern), a pure projection of the timeline and
 * the review entered by the team: every figure is computed here from events, never typed in.
 */
export function projectReview(input: ReviewInput): ComputedReview {
  const { incident, events, userNames } = input;
  const metrics: MetricValue[] = responseMetrics(
    incident.detectedAt,
    input.firstSignalAt,
    events,
    input.deadlines,
  );

  const { versions, rejections, changesRequested, approvalStages, decisions, statementTitles } =
    projectApprovals(events, userNames);

  // Tasks: the last state each task reached on the timeline.
  const tasks = new Map<
    string,
    { title: string; dueAt: string | null; status: string; completedAt: string | null }
  >();
  for (const e of events) {
    if (!e.type.startsWith('task.')) continue;
    const t = e.payload.task as {
      id: string;
      title: string;
      dueAt: string | null;
      status: string;
      completedAt: string | null;
    };
    if (t?.id)
      tasks.set(t.id, { title: t.title, dueAt: t.dueAt, status: t.status, completedAt: t.completedAt });
  }
  // An open task is late until the incident was closed (the report of a closed incident does not change).
  const closed = [...events]
    .reverse()
    .find(
      (e) =>
        e.type === 'incident.status_changed' &&
        ['closed', 'archived', 'dismissed'].includes(String(e.payload.to)),
    );
  const now = (closed?.occurredAt ?? input.generatedAt).getTime();
  const lateTasks = [...tasks.values()]
    .filter((t) => t.dueAt && t.status !== 'cancelled')
    .map((t) => {
      const due = new Date(t.dueAt!).getTime();
      const end = t.completedAt ? new Date(t.completedAt).getTime() : t.status === 'done' ? due : now;
      return { ...t, lateSeconds: Math.round((end - due) / 1000) };
    })
    .filter((t) => t.lateSeconds > 0);

  // Publications, corrections, takedown requests, decisions.
  const publications = events
    .filter((e) => e.type === 'statement.published')
    .map((e) => ({
      statementId: str(e.payload.statementId),
      type: str(e.payload.type),
      typeLabel: STATEMENT_TYPE_LABEL_VI[e.payload.type as StatementType] ?? str(e.payload.type),
      title: str(e.payload.title),
      versionNumber: Number(e.payload.versionNumber),
      sha256: str(e.payload.sha256),
      channel: str(e.payload.channel),
      channelLabel: CHANNEL_LABEL_VI[e.payload.channel as PublicationChannel] ?? str(e.payload.channel),
      url: (e.payload.url as string | null) ?? null,
      publishedAt: publishedAt(e).toISOString(),
      publishedBy: e.actorUserId ? (userNames[e.actorUserId] ?? null) : null,
    }));
  const corrections = events
    .filter((e) => e.type === 'statement.corrected' || e.type === 'statement.withdrawn')
    .map((e) => ({
      kind: e.type === 'statement.corrected' ? ('corrected' as const) : ('withdrawn' as const),
      statementId: str(e.payload.statementId),
      title: statementTitles.get(str(e.payload.statementId)) ?? '',
      byStatementId: str(e.payload.byStatementId),
      at: e.occurredAt.toISOString(),
    }));
  // Spread over time and how long negative share took to fall back after the first publication.
  const { bucketMinutes, buckets } = input.series;
  const bucketMs = bucketMinutes * 60_000;
  const total = buckets.reduce((n, b) => n + b.volume, 0);
  const negative = buckets.reduce((n, b) => n + b.negative, 0);
  const baselineBuckets = buckets.filter(
    (b) => b.start.getTime() + bucketMs <= incident.detectedAt.getTime() - 3600_000,
  );
  const baselineVolume = baselineBuckets.reduce((n, b) => n + b.volume, 0);
  const baselineShare =
    baselineVolume >= input.recovery.minBaselineVolume
      ? baselineBuckets.reduce((n, b) => n + b.negative, 0) / baselineVolume
      : null;
  const threshold =
    baselineShare !== null
      ? Math.min(1, baselineShare + input.recovery.margin)
      : input.recovery.fallbackShare;
  let peak: SeriesBucket | null = null;
  for (const b of buckets) {
    if (
      b.volume >= input.recovery.minBucketVolume &&
      (!peak || b.negative / b.volume > peak.negative / peak.volume)
    ) {
      peak = b;
    }
  }
  const firstPublication = metrics.find((m) => m.key === 'firstPublication')!.at;
  let recoveredAt: Date | null = null;
  if (firstPublication) {
    const p = new Date(firstPublication).getTime();
    const after = buckets.find(
      (b) =>
        b.start.getTime() >= p &&
        b.volume >= input.recovery.minBucketVolume &&
        b.negative / b.volume <= threshold,
    );
    if (after) recoveredAt = new Date(after.start.getTime() + bucketMs);
  }

  const keyEvents = events.filter((e) => KEY_EVENT_TYPES.has(e.type));
  const severityChanges = events
    .filter((e) => e.type === 'incident.severity_changed')
    .map((e) => ({
      from: str(e.payload.from),
      to: str(e.payload.to),
      reason: e.actorUserId ? str(e.payload.reason) : 'theo kết quả giám sát tự động',
      at: e.occurredAt.toISOString(),
    }));
  const detections = events
    .filter((e) => e.type === 'detection.recorded' || e.type === 'detection.attached')
    .flatMap((e) =>
      (
        (e.payload.detections as { rule?: string; severity?: string; summary?: string }[] | undefined) ?? []
      ).map((d) => ({
        at: e.occurredAt.toISOString(),
        rule: str(d.rule),
        ruleLabel: detectionRuleLabel(str(d.rule)),
        severity: str(d.severity),
        summary: str(d.summary),
      })),
    );

  return {
    kind: 'review' as const,
    generatedAt: input.generatedAt.toISOString(),
    incident: {
      ...incident,
      detectedAt: incident.detectedAt.toISOString(),
      categoryLabel: CATEGORY_LABEL_VI[incident.category],
      severityLabel: SEVERITY_LABEL_VI[incident.severity],
      statusLabel: STATUS_LABEL_VI[incident.status],
    },
    playbook: input.playbook
      ? { ...input.playbook, appliedAt: input.playbook.appliedAt.toISOString() }
      : null,
    team: input.members.map((m) => ({
      ...m,
      invitedAt: m.invitedAt.toISOString(),
      respondedAt: iso(m.respondedAt),
    })),
    timeline: {
      totalEvents: events.length,
      shown: Math.min(keyEvents.length, MAX_TIMELINE_ROWS),
      items: keyEvents.slice(0, MAX_TIMELINE_ROWS).map((e) => ({
        seq: e.seq,
        at: e.occurredAt.toISOString(),
        type: e.type,
        text: describeEvent(e, userNames),
      })),
    },
    spread: {
      source: input.series.source,
      bucketMinutes,
      totalMentions: total,
      negativeMentions: negative,
      negativeShare: total ? negative / total : null,
      evidenceMentions: input.spread.evidenceMentions,
      topOutlets: input.spread.topOutlets,
      firstSignalAt: iso(input.firstSignalAt),
      series: buckets.map((b) => ({ start: b.start.toISOString(), volume: b.volume, negative: b.negative })),
      markers: publications.map((p) => ({ at: p.publishedAt, label: p.typeLabel })),
      peakNegative: peak
        ? { at: peak.start.toISOString(), share: peak.negative / peak.volume, volume: peak.volume }
        : null,
      recovery: {
        baselineShare,
        threshold,
        thresholdSource: baselineShare !== null ? 'baseline' : 'fallback',
        afterPublicationAt: firstPublication,
        recoveredAt: iso(recoveredAt),
        minutes:
          recoveredAt && firstPublication
            ? Math.round((recoveredAt.getTime() - new Date(firstPublication).getTime()) / 60_000)
            : null,
      },
    },
    assessment: { severityChanges, detections },
    metrics,
    approvals: {
      versions,
      rejections,
      changesRequested,
      stages: approvalStages,
      decisions,
    },
    tasks: {
      total: tasks.size,
      done: [...tasks.values()].filter((t) => t.status === 'done').length,
      late: lateTasks,
    },
    actions: {
      publications,
      corrections,
      takedownRequests: publications.filter((p) => p.type === 'takedown_request'),
      correctionRequests: publications.filter((p) => p.type === 'correction_request'),
      // One press conference may release several statements: count conferences by day (Vietnam time).
      pressConferences: new Set(
        publications
          .filter((p) => p.channel === 'press_conference')
          .map((p) => todayInVietnam(new Date(p.publishedAt))),
      ).size,
    },
    deadlines: input.deadlines.map((d) => ({
      key: d.key,
      label: d.label,
      dueAt: d.dueAt,
      stoppedAt: d.stoppedAt,
      met: d.met,
      overdue: d.overdue,
      legalSource: d.rule.legalSource,
    })),
    review: input.review ? { ...input.review, completedAt: iso(input.review.completedAt) } : null,
  };
}
