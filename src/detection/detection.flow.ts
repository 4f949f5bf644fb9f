import { detectionRuleLabel } from './rule-labels.js';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentCategory, Severity, SEVERITY_RANK } from '../incidents/incident-types.js';
import { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { requestContext } from '../common/request-context.js';
import { IncidentChange, IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { Topic } from '../signals/entities/topic.entity.js';
import { IngestedBatch, NotableMention, SignalsEvents } from '../signals/signals.events.js';
import { MentionSummary } from '../signals/signals.repository.js';
import { SignalsService } from '../signals/signals.service.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import {
  DetectionEvidence,
  DetectionThresholds,
  EvidenceMention,
  evaluateItem,
  evaluateWindow,
  Finding,
  severityFor,
} from './detection-rules.js';
import { Detection, DetectionOutcome, DetectionRuleName } from './entities/detection.entity.js';

/** Which finding names the incident when several fire together. */
const RULE_PRIORITY = [
  'fake_news_named',
  'high_authority_negative',
  'volume_spike',
  'negative_share',
  'manual',
];

const TITLES: Record<string, (topic: string, f: Finding) => string> = {
  fake_news_named: (topic) => `Tin giả, tin sai sự thật nêu tên đơn vị (chủ đề «${topic}»)`,
  high_authority_negative: (topic, f) =>
    `Thông tin tiêu cực lan tỏa mạnh về «${topic}»${f.evidence.trigger?.outlet ? ` trên ${f.evidence.trigger.outlet}` : ''}`,
  volume_spike: (topic) => `Lượng thảo luận tăng đột biến về «${topic}»`,
  negative_share: (topic) => `Dư luận tiêu cực tăng cao về «${topic}»`,
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
    private readonly settings: DetectionSettingsService,
    private readonly incidents: IncidentsService,
    private readonly timeline: IncidentTimeline,
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
        await this.evaluateTopic(topicId, work.starts, work.bucketSeconds, work.notable);
      } catch (e) {
        this.logger.error(`Phát hiện trên chủ đề ${topicId} thất bại: ${(e as Error).stack ?? e}`);
      }
    }
  }

  private async evaluateTopic(
    topicId: string,
    starts: Set<number>,
    bucketSeconds: number,
    notable: NotableMention[],
  ) {
    const topic = await this.signals.getTopic(topicId);
    if (!topic.active) return;
    const { thresholds } = await this.settings.effective(topic.orgUnitId);
    const horizon = Date.now() - thresholds.evaluationHorizonHours * 3_600_000;
    const recent = [...starts].filter((s) => s + bucketSeconds * 1000 >= horizon).sort((a, b) => a - b);
    const findings: Finding[] = [];
    if (recent.length) {
      // One read covers every touched bucket and the history each one's baseline needs.
      const from = new Date(recent[0] - thresholds.baselineWindowHours * 3_600_000);
      const rows = await this.signals.getBuckets(topicId, from, new Date(recent[recent.length - 1] + 1));
      for (const start of recent) {
        const current = rows.find((r) => r.bucketStart.getTime() === start);
        if (!current) continue;
        const windowFrom = start - thresholds.baselineWindowHours * 3_600_000;
        const window = rows.filter(
          (r) => r.bucketStart.getTime() >= windowFrom && r.bucketStart.getTime() <= start,
        );
        findings.push(...evaluateWindow(current, window, thresholds, topic.name));
      }
    }
    for (const n of notable) {
      if (n.occurredAt.getTime() < horizon) continue;
      findings.push(...evaluateItem({ ...n, sentiment: n.sentiment }, thresholds, topic.name, bucketSeconds));
    }
    if (findings.length) await this.act(topic, thresholds, findings);
  }

  /** Records the fresh findings as detections and opens, attaches or suppresses. */
  async act(topic: Topic, t: DetectionThresholds, findings: Finding[]): Promise<DetectionDecision | null> {
    for (const f of findings) {
      if (f.mentionIds.length) continue;
      const top = await this.signals.topMentions(topic.id, f.windowStart, f.windowEnd, 10);
      f.evidence.topMentions = top.map(evidenceMention);
      f.evidence.topOutlets = topOutlets(top);
      f.mentionIds = top.map((m) => m.id);
    }
    const category = findings.some((f) => f.rule === 'fake_news_named')
      ? IncidentCategory.FakeNews
      : ((topic.category as string as IncidentCategory) ?? IncidentCategory.Other);

    let events: CommittedIncidentEvent[] = [];
    const decision = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`detection:${topic.id}`]);
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
      if (open) {
        const ids = await insert(DetectionOutcome.Attached, open.id);
        const result = await this.timeline.changeWithin(manager, open.id, async (change) => {
          const linked = await this.incidents.linkMentions(manager, open.id, mentionIds);
          change.emit('detection.attached', {
            detections: this.summaries(ids, rated),
            mentionsLinked: linked,
            topicId: topic.id,
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
    const existing: { rule: string; window_start: Date }[] = await manager.query(
      `SELECT rule, window_start FROM detections WHERE topic_id = $1 AND window_start = ANY($2::timestamptz[])`,
      [topicId, unique.map((f) => f.windowStart)],
    );
    const taken = new Set(existing.map((e) => `${e.rule}|${new Date(e.window_start).getTime()}`));
    return unique.filter((f) => !taken.has(`${f.rule}|${f.windowStart.getTime()}`));
  }

  /** Org units whose topics fired in this category during the last hour (this one included). */
  private async unitsConcerned(
    manager: EntityManager,
    category: IncidentCategory,
    orgUnitId: string,
  ): Promise<number> {
    const rows: { org_unit_id: string }[] = await manager.query(
      `SELECT DISTINCT org_unit_id FROM detections WHERE category = $1 AND created_at > now() - interval '1 hour'`,
      [category],
    );
    return new Set([...rows.map((r) => r.org_unit_id), orgUnitId]).size;
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
