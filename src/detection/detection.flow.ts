import { detectionRuleLabel } from './rule-labels.js';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentCategory, Severity, SEVERITY_RANK } from '../incidents/incident-types.js';
import { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { requestContext } from '../common/request-context.js';
import { IncidentChange, IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import type { Topic } from '../signals/entities/topic.entity.js';
import { IngestedBatch, NotableMention, SignalsEvents } from '../signals/signals.events.js';
import { TopicEvaluation } from './topic-evaluation.js';
import { MentionSummary } from '../signals/signals.repository.js';
import { SignalsService } from '../signals/signals.service.js';
import {
  DetectionEvidence,
  DetectionThresholds,
  EvidenceMention,
  Finding,
  opensRoom,
  severityFor,
} from './detection-rules.js';
import { DetectionRepository } from './detection.repository.js';
import { Detection, DetectionOutcome, DetectionRuleName } from './entities/detection.entity.js';
import { WatchListService } from './watch-list.service.js';

/** Which finding names the incident when several fire together. */
export const RULE_PRIORITY = [
  'fake_news_named',
  'authority_traction',
  'negative_spike',
  'negative_trend',
  'negative_share',
  'high_authority_negative',
  'volume_spike',
  'manual',
];

/** Titles of rooms and watch signals, in plain Vietnamese (the statistics stay in the evidence). */
export const TITLES: Record<string, (topic: string, f: Finding) => string> = {
  fake_news_named: (topic) => `Tin giả, tin sai sự thật nêu tên đơn vị (chủ đề «${topic}»)`,
  authority_traction: (topic, f) =>
    `Bài tiêu cực về «${topic}»${f.evidence.trigger?.outlet ? ` trên ${f.evidence.trigger.outlet}` : ''} đang lan rộng`,
  negative_spike: (topic) => `Ý kiến tiêu cực tăng đột biến về «${topic}»`,
  negative_trend: (topic) => `Ý kiến tiêu cực về «${topic}» tăng dần trong nhiều giờ`,
  negative_share: (topic) => `Dư luận tiêu cực tăng cao về «${topic}»`,
  high_authority_negative: (topic, f) =>
    `Bài tiêu cực về «${topic}»${f.evidence.trigger?.outlet ? ` trên ${f.evidence.trigger.outlet}` : ''}`,
  volume_spike: (topic) => `Nhiều người bàn về «${topic}» (chủ yếu không tiêu cực)`,
};

export function evidenceMention(m: MentionSummary): EvidenceMention {
  return {
    id: m.id,
    outlet: m.outlet,
    url: m.url,
    title: m.title,
    snippet: m.snippet,
    sentiment: m.sentiment,
    fakeNewsLabel: m.fakeNewsLabel,
    reach: m.effectiveReach,
    occurredAt: m.occurredAt.toISOString(),
  };
}

export function topOutlets(mentions: MentionSummary[]): { outlet: string; mentions: number }[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.outlet) counts.set(m.outlet, (counts.get(m.outlet) ?? 0) + 1);
  return [...counts].map(([outlet, n]) => ({ outlet, mentions: n })).sort((a, b) => b.mentions - a.mentions);
}

export interface DetectionDecision {
  outcome: DetectionOutcome;
  incidentId: string | null;
  detectionIds: string[];
}

/**
 * Detect → open (or attach to) the incident: the orchestration between signals, detection and incidents.
 * Runs after each committed ingest batch; every decision for a topic happens under a transaction-scoped
 * advisory lock on that topic, so concurrent batches and several nodes open one incident, not two.
 */
@Injectable()
export class DetectionFlow implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DetectionFlow.name);
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signalsEvents: SignalsEvents,
    private readonly signals: SignalsService,
    private readonly evaluation: TopicEvaluation,
    private readonly incidents: IncidentsService,
    private readonly timeline: IncidentTimeline,
    private readonly repository: DetectionRepository,
    private readonly watchList: WatchListService,
  ) {}

  onModuleInit() {
    this.unsubscribe = this.signalsEvents.onIngested((batch) => this.onIngested(batch));
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  async onIngested(batch: IngestedBatch): Promise<void> {
    // What detection decides is the system's doing, not the doing of the account that pushed the signals: its
    // timeline events and audit rows carry no user (the console shows "Hệ thống").
    const ctx = requestContext.get();
    return requestContext.run({ requestId: ctx?.requestId }, () => this.evaluateBatch(batch));
  }

  private async evaluateBatch(batch: IngestedBatch): Promise<void> {
    const byTopic = new Map<
      string,
      { starts: Set<number>; bucketSeconds: number; notable: NotableMention[] }
    >();
    const entry = (topicId: string, bucketSeconds: number) => {
      let e = byTopic.get(topicId);
      if (!e) byTopic.set(topicId, (e = { starts: new Set(), bucketSeconds, notable: [] }));
      return e;
    };
    for (const b of batch.topicBuckets) entry(b.topicId, b.bucketSeconds).starts.add(b.bucketStart.getTime());
    for (const n of batch.notable) byTopic.get(n.topicId)?.notable.push(n);
    for (const [topicId, work] of byTopic) {
      try {
        const found = await this.evaluation.evaluate(topicId, work.starts, work.bucketSeconds, work.notable);
        if (found) await this.act(found.topic, found.thresholds, found.findings);
      } catch (e) {
        this.logger.error(`Phát hiện trên chủ đề ${topicId} thất bại: ${(e as Error).stack ?? e}`);
      }
    }
  }

  /** Records the fresh findings as detections and opens, attaches or suppresses. */
  async act(topic: Topic, t: DetectionThresholds, all: Finding[]): Promise<DetectionDecision | null> {
    for (const f of all) {
      if (f.mentionIds.length) continue;
      const top = await this.signals.topMentions(topic.id, f.windowStart, f.windowEnd, 10);
      f.evidence.topMentions = top.map(evidenceMention);
      f.evidence.topOutlets = topOutlets(top);
      f.mentionIds = top.map((m) => m.id);
    }
    // Below the opening bar: the unit's watch list, never a room.
    const watch = all.filter((f) => !opensRoom(f.rule) || f.watchOnly);
    if (watch.length) {
      await this.watchList.record(
        topic,
        watch.map((f) => ({ finding: f, title: TITLES[f.rule](topic.name, f) })),
      );
    }
    const findings = all.filter((f) => opensRoom(f.rule) && !f.watchOnly);
    if (!findings.length) return null;
    const category = findings.some((f) => f.rule === 'fake_news_named')
      ? IncidentCategory.FakeNews
      : ((topic.category as string as IncidentCategory) ?? IncidentCategory.Other);

    let events: CommittedIncidentEvent[] = [];
    const decision = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockTopic(manager, topic.id);
      const fresh = await this.withoutDuplicates(manager, topic.id, findings);
      if (!fresh.length) return null;
      const units = await this.unitsConcerned(manager, category, topic.orgUnitId);
      const rated = fresh.map((f) => ({
        f,
        severity: severityFor(t.severityRules, {
          category,
          reach: f.reach,
          velocityPerHour: f.velocityPerHour,
          negativeShare: f.negativeShare,
          units,
        }),
      }));
      const severity = rated.reduce(
        (max, r) => (SEVERITY_RANK[r.severity] > SEVERITY_RANK[max] ? r.severity : max),
        Severity.L1,
      );
      const mentionIds = [...new Set(fresh.flatMap((f) => f.mentionIds))];
      const primary = [...fresh].sort(
        (a, b) => RULE_PRIORITY.indexOf(a.rule) - RULE_PRIORITY.indexOf(b.rule),
      )[0];

      const insert = (outcome: DetectionOutcome, incidentId: string | null) =>
        this.insertDetections(manager, topic, category, rated, outcome, incidentId);

      const open = await this.incidents.findOpenForTopic(manager, topic.id);
      const windowEnd = new Date(Math.max(...fresh.map((f) => f.windowEnd.getTime())));
      if (open) {
        const ids = await insert(DetectionOutcome.Attached, open.id);
        // Quiet rooms: at most one detection.attached per topic per coalesceMinutes of stream time, unless the
        // finding is materially stronger (it raises the severity).
        const last = await this.incidents.lastDetectionEvent(manager, open.id, topic.id);
        const stronger = SEVERITY_RANK[severity] > SEVERITY_RANK[open.severity];
        if (
          last?.windowEnd != null &&
          windowEnd.getTime() - last.windowEnd < t.coalesceMinutes * 60_000 &&
          !stronger
        ) {
          return { outcome: DetectionOutcome.Attached, incidentId: open.id, detectionIds: ids };
        }
        const pending = await this.repository.attachedSince(
          manager,
          open.id,
          topic.id,
          last?.windowEnd != null ? new Date(last.windowEnd) : null,
        );
        const byRule: Record<string, number> = {};
        for (const d of pending) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
        const strongest = [...pending].sort(
          (a, b) =>
            SEVERITY_RANK[b.severity as Severity] - SEVERITY_RANK[a.severity as Severity] ||
            RULE_PRIORITY.indexOf(a.rule) - RULE_PRIORITY.indexOf(b.rule) ||
            (b.evidence.observed?.negative ?? 0) - (a.evidence.observed?.negative ?? 0),
        )[0];
        const pendingMentions = pending.flatMap((d) => [
          ...(d.evidence.topMentions ?? []).map((m) => m.id),
          ...(d.evidence.trigger ? [d.evidence.trigger.id] : []),
        ]);
        const result = await this.timeline.changeWithin(manager, open.id, async (change) => {
          const linked = await this.incidents.linkMentions(manager, open.id, [
            ...new Set([...mentionIds, ...pendingMentions]),
          ]);
          change.emit('detection.attached', {
            detections: this.summaries(ids, rated),
            counts: { total: pending.length, byRule },
            strongest: strongest
              ? {
                  id: strongest.id,
                  rule: strongest.rule,
                  severity: strongest.severity,
                  summary: strongest.evidence.summary,
                  window: strongest.evidence.window,
                }
              : null,
            mentionsLinked: linked,
            topicId: topic.id,
            windowEnd: windowEnd.toISOString(),
          });
          // The reason people read on the timeline and in reports: the rule in plain words, not its figures.
          this.incidents.raiseSeverity(change, severity, detectionRuleLabel(primary.rule));
          await manager.save(change.incident);
        });
        events = result.events;
        return { outcome: DetectionOutcome.Attached, incidentId: open.id, detectionIds: ids };
      }

      const since = new Date(Date.now() - t.dismissalSuppressionHours * 3_600_000);
      const dismissed = await this.incidents.findDismissedForTopic(manager, topic.id, since);
      if (dismissed) {
        const ids = await insert(DetectionOutcome.Suppressed, dismissed.id);
        return { outcome: DetectionOutcome.Suppressed, incidentId: dismissed.id, detectionIds: ids };
      }

      let detectionIds: string[] = [];
      const result = await this.incidents.openWithin(
        manager,
        {
          title: TITLES[primary.rule](topic.name, primary),
          summary: fresh.map((f) => f.evidence.summary).join('\n'),
          category,
          severity,
          responsibleOrgUnitId: topic.orgUnitId,
          origin: 'detection',
          openedPayload: { rules: fresh.map((f) => f.rule), topicId: topic.id },
        },
        async (change: IncidentChange) => {
          await this.incidents.linkTopics(manager, change.incident.id, [topic.id]);
          const linked = await this.incidents.linkMentions(manager, change.incident.id, mentionIds);
          detectionIds = await insert(DetectionOutcome.Opened, change.incident.id);
          change.emit('detection.recorded', {
            detections: this.summaries(detectionIds, rated),
            mentionsLinked: linked,
            topicId: topic.id,
            windowEnd: windowEnd.toISOString(),
          });
        },
      );
      events = result.events;
      return { outcome: DetectionOutcome.Opened, incidentId: result.value.id, detectionIds };
    });
    await this.timeline.publish(events);
    if (decision) {
      this.logger.log(`Phát hiện trên «${topic.name}»: ${decision.outcome} (sự cố ${decision.incidentId})`);
    }
    return decision;
  }

  private async withoutDuplicates(
    manager: EntityManager,
    topicId: string,
    findings: Finding[],
  ): Promise<Finding[]> {
    const seen = new Set<string>();
    const unique = findings.filter((f) => {
      const key = `${f.rule}|${f.windowStart.getTime()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const taken = await this.repository.recordedWindows(
      manager,
      topicId,
      unique.map((f) => f.windowStart),
    );
    return unique.filter((f) => !taken.has(`${f.rule}|${f.windowStart.getTime()}`));
  }

  /** Org units whose topics fired in this category during the last hour (this one included). */
  private async unitsConcerned(
    manager: EntityManager,
    category: IncidentCategory,
    orgUnitId: string,
  ): Promise<number> {
    const units = await this.repository.unitsFiredLastHour(manager, category);
    return new Set([...units, orgUnitId]).size;
  }

  private async insertDetections(
    manager: EntityManager,
    topic: Topic,
    category: IncidentCategory,
    rated: { f: Finding; severity: Severity }[],
    outcome: DetectionOutcome,
    incidentId: string | null,
  ): Promise<string[]> {
    const rows = rated.map(({ f, severity }) =>
      manager.create(Detection, {
        topicId: topic.id,
        orgUnitId: topic.orgUnitId,
        rule: f.rule as DetectionRuleName,
        category,
        severity,
        windowStart: f.windowStart,
        windowEnd: f.windowEnd,
        evidence: f.evidence as DetectionEvidence,
        outcome,
        incidentId,
        declaredByUserId: null,
      }),
    );
    const saved = await manager.save(rows);
    return saved.map((d) => d.id);
  }

  private summaries(ids: string[], rated: { f: Finding; severity: Severity }[]) {
    return rated.map(({ f, severity }, i) => ({
      id: ids[i],
      rule: f.rule,
      severity,
      summary: f.evidence.summary,
      window: f.evidence.window,
    }));
  }
}
