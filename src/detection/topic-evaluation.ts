import { Injectable } from '@nestjs/common';
import type { Topic } from '../signals/entities/topic.entity.js';
import type { NotableMention } from '../signals/signals.events.js';
import { SignalsService } from '../signals/signals.service.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import {
  BucketCounts,
  DetectionThresholds,
  evaluateItem,
  evaluateTraction,
  evaluateWindow,
  Finding,
  holdDuringColdStart,
  isAuthorityItem,
  lookbackHours,
  NotableItem,
} from './detection-rules.js';
import { DetectionRepository } from './detection.repository.js';
import { evaluateSlowBurn, newVoicesExcept, slowBurnScanHours } from './slow-burn-rule.js';

/** What fired on a topic in a batch, with the thresholds it was judged by. */
export interface TopicFindings {
  topic: Topic;
  thresholds: DetectionThresholds;
  findings: Finding[];
}

/**
 * Detect: runs the rules (detection-rules.ts, slow-burn-rule.ts) on what a batch touched of a topic, reading
 * the topic's buckets and mentions from signals. What is done with the findings (watch list, open, attach,
 * suppress) is detection.flow.ts.
 */
@Injectable()
export class TopicEvaluation {
  /** Each topic's first bucket, once it is old enough not to change anything (the history only grows). */
  private readonly firstBuckets = new Map<string, number>();
  /** The slow burn's last evaluation per topic: the window end and when (it reads days of mentions). */
  private readonly slowBurnChecked = new Map<string, { end: number; at: number }>();

  constructor(
    private readonly signals: SignalsService,
    private readonly settings: DetectionSettingsService,
    private readonly repository: DetectionRepository,
  ) {}

  /**
   * The findings of a batch on one topic (its touched buckets, the slow burn, its notable items, authority with
   * traction), cold start applied; null when the topic is off or nothing fired.
   */
  async evaluate(
    topicId: string,
    starts: Set<number>,
    bucketSeconds: number,
    notable: NotableMention[],
  ): Promise<TopicFindings | null> {
    const topic = await this.signals.getTopic(topicId);
    if (!topic.active) return null;
    const { thresholds } = await this.settings.effective(topic.orgUnitId);
    const horizon = Date.now() - thresholds.evaluationHorizonHours * 3_600_000;
    const recent = [...starts].filter((s) => s + bucketSeconds * 1000 >= horizon).sort((a, b) => a - b);
    const findings: Finding[] = [];
    const lookback = lookbackHours(thresholds) * 3_600_000;
    let rows: BucketCounts[] = [];
    if (recent.length) {
      // One read covers every touched bucket and the history each one's baselines need.
      rows = await this.signals.getBuckets(
        topicId,
        new Date(recent[0] - lookback),
        new Date(recent[recent.length - 1] + 1),
      );
      for (const start of recent) {
        const current = rows.find((r) => r.bucketStart.getTime() === start);
        if (!current) continue;
        const window = rows.filter(
          (r) => r.bucketStart.getTime() >= start - lookback && r.bucketStart.getTime() <= start,
        );
        findings.push(...evaluateWindow(current, window, thresholds, topic.name));
      }
    }
    if (recent.length) {
      const end = recent[recent.length - 1] + bucketSeconds * 1000;
      const trend = await this.slowBurn(topic, thresholds, rows, end);
      if (trend) findings.push(trend);
    }
    const items: NotableItem[] = [];
    for (const n of notable) {
      if (n.occurredAt.getTime() < horizon) continue;
      items.push(n);
      findings.push(...evaluateItem(n, thresholds, topic.name, bucketSeconds));
    }
    if (recent.length) {
      const latestEnd = recent[recent.length - 1] + bucketSeconds * 1000;
      findings.push(...(await this.traction(topic, thresholds, items, rows, latestEnd, bucketSeconds)));
    }
    if (!findings.length) return null;
    const latest = Math.max(...findings.map((f) => f.windowEnd.getTime()));
    const first = await this.firstBucket(topic.id, latest);
    holdDuringColdStart(findings, thresholds, (latest - first) / 3_600_000);
    return { topic, thresholds, findings };
  }

  /** Where the topic's history starts (its first bucket; `at` when it has none), for the cold start. */
  private async firstBucket(topicId: string, at: number): Promise<number> {
    let first = this.firstBuckets.get(topicId);
    if (first === undefined) {
      first = (await this.signals.firstBucketStart(topicId))?.getTime() ?? at;
      // Remembered once it is past every cold start a unit may set (backfills only move it earlier).
      if (Date.now() - first > 31 * 24 * 3_600_000) this.firstBuckets.set(topicId, first);
    }
    return first;
  }

  /**
   * The slow burn on the newest window of the batch only (a rule of hours: a backfilled bucket does not make a
   * new trend), at most once per topic and window end every half minute (it reads a week of the topic's
   * mentions; a busy feed posts many batches into the same bucket).
   */
  private async slowBurn(
    topic: Topic,
    t: DetectionThresholds,
    rows: BucketCounts[],
    end: number,
  ): Promise<Finding | null> {
    if (!t.enabledRules.includes('negative_trend')) return null;
    const last = this.slowBurnChecked.get(topic.id);
    if (last && last.end === end && Date.now() - last.at < 30_000) return null;
    this.slowBurnChecked.set(topic.id, { end, at: Date.now() });
    const day = 24 * 3_600_000;
    const longest = Math.max(1, ...t.trendWindowsHours) * 3_600_000;
    const ranges: [number, number][] = [[end - longest - day, end]];
    for (let k = 1; k <= t.trendBaselineDays; k++) ranges.push([end - k * day - longest, end - k * day]);
    const scanFrom = end - slowBurnScanHours(t) * 3_600_000;
    const posts = await this.signals.negativeAuthorPosts(
      topic.id,
      new Date(scanFrom),
      new Date(end),
      t.trendBaselineDays * day,
      ranges,
    );
    return evaluateSlowBurn(end, rows, posts, t, topic.name, await this.firstBucket(topic.id, end));
  }

  /**
   * Authority with traction: for each authority item of the last tractionWindowMinutes (this batch's, and those
   * already on the watch list), the negative pick-up by other outlets since it, against the topic's usual rate,
   * and how many of them are new voices (as the slow burn counts them: slow-burn-rule.ts).
   */
  private async traction(
    topic: Topic,
    t: DetectionThresholds,
    items: NotableItem[],
    rows: BucketCounts[],
    latestEnd: number,
    bucketSeconds: number,
  ): Promise<Finding[]> {
    if (!t.enabledRules.includes('authority_traction')) return [];
    const windowMs = t.tractionWindowMinutes * 60_000;
    const since = new Date(latestEnd - windowMs - bucketSeconds * 1000);
    const candidates = new Map<string, NotableItem>();
    for (const n of items) if (isAuthorityItem(n, t)) candidates.set(n.mentionId, n);
    const listed = (await this.repository.recentAuthoritySignals(topic.id, since)).flatMap((w) => [
      ...(w.evidence.trigger ? [w.evidence.trigger] : []),
      ...(w.evidence.gathered?.items ?? []),
    ]);
    for (const tr of listed) {
      if (candidates.has(tr.id) || new Date(tr.occurredAt) < since) continue;
      candidates.set(tr.id, {
        mentionId: tr.id,
        matchedOn: tr.matchedOn ?? 'term',
        sentiment: tr.sentiment,
        fakeNewsLabel: tr.fakeNewsLabel,
        reach: tr.reach,
        followers: tr.followers ?? 0,
        verified: tr.verified ?? false,
        majorOutlet: tr.majorOutlet ?? false,
        outlet: tr.outlet,
        url: tr.url,
        occurredAt: new Date(tr.occurredAt),
      });
    }
    const out: Finding[] = [];
    for (const item of candidates.values()) {
      const from = item.occurredAt.getTime();
      const to = Math.min(from + windowMs, latestEnd);
      if (to <= from) continue;
      // The topic's usual negative mentions per bucket over the baseline window before the item.
      const baseFrom = from - t.baselineWindowHours * 3_600_000;
      const before = rows.filter(
        (r) => r.bucketStart.getTime() >= baseFrom && r.bucketStart.getTime() < from,
      );
      const perBucket =
        before.reduce((sum, r) => sum + r.negativeCount, 0) /
        ((t.baselineWindowHours * 3600) / bucketSeconds);
      const expected = perBucket * ((to - from) / (bucketSeconds * 1000));
      const pickup = await this.signals.negativePickup(
        topic.id,
        new Date(from),
        new Date(to),
        item.mentionId,
      );
      // Cheap floors first: the new voices read a week of the topic's mentions.
      if (pickup.outlets < t.tractionMinOutlets || pickup.mentions < t.tractionMinMentions) continue;
      const memory = t.trendBaselineDays * 24 * 3_600_000;
      const posts = await this.signals.negativeAuthorPosts(
        topic.id,
        new Date(from - memory),
        new Date(to),
        memory,
        [[from, to]],
      );
      const newVoices = newVoicesExcept(posts, from, to, item.outlet);
      const f = evaluateTraction(
        item,
        { ...pickup, expected, newVoices },
        t,
        topic.name,
        bucketSeconds,
        new Date(to),
      );
      if (f) out.push(f);
    }
    return out;
  }
}
