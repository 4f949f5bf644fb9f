/** Window rules on a topic's buckets: negative spike, volume spike (watch only), negative share. */
import type { Finding } from './detection-evidence.js';
import { denseSeries, ewmaBaseline, sumRange, zScore } from './detection-stats.js';
import type { Baseline, BucketCounts } from './detection-stats.js';
import type { DetectionThresholds } from './detection-thresholds.js';
import { pct, round, timesUsual, usualLevel } from './detection-wording.js';

/** How far back evaluateWindow needs buckets before the current one. */
export function lookbackHours(t: DetectionThresholds): number {
  return Math.max(t.baselineWindowHours, t.negativeWindowMinutes / 60, ...t.trendWindowsHours);
}

/**
 * Window rules on one bucket of a topic. `rows` holds the topic's buckets from lookbackHours(t) before
 * `current` up to and including it.
 *
 * - negative_spike (opens): negative mentions in the bucket against the topic's own negative baseline (EWMA),
 *   with a floor on the count and on the bucket's negative share: a burst of praise or of neutral news is not
 *   a negative spike even when it carries a few dozen critical comments.
 * - volume_spike (watch only): the raw volume spiked but its negative part did not.
 * - negative_share (opens): the share over the last negativeWindowMinutes, as before.
 */
export function evaluateWindow(
  current: BucketCounts,
  rows: BucketCounts[],
  t: DetectionThresholds,
  topicName: string,
): Finding[] {
  const findings: Finding[] = [];
  const start = current.bucketStart;
  const end = new Date(start.getTime() + current.bucketSeconds * 1000);
  const minutes = current.bucketSeconds / 60;
  const velocityPerHour = (current.volume * 3600) / current.bucketSeconds;
  const window = { start: start.toISOString(), end: end.toISOString() };
  const observed = {
    volume: current.volume,
    negative: current.negativeCount,
    reach: current.reachSum,
    velocityPerHour: round(velocityPerHour),
  };
  const share = current.volume ? current.negativeCount / current.volume : 0;

  const baselineOf = (pickCount: (r: BucketCounts) => number) => {
    const from = new Date(start.getTime() - t.baselineWindowHours * 3_600_000);
    const history = rows.filter((r) => r.bucketStart < start).map((r) => ({ ...r, volume: pickCount(r) }));
    return ewmaBaseline(
      denseSeries(history, from, start, current.bucketSeconds),
      current.bucketSeconds,
      t.baselineHalfLifeHours,
      t.baselineWindowHours,
    );
  };
  const stored = (b: Baseline) => ({ ...b, mean: round(b.mean, 3), std: round(b.std, 3) });

  let negativeSpike = false;
  if (
    t.enabledRules.includes('negative_spike') &&
    current.negativeCount >= t.negativeSpikeMinCount &&
    share >= t.negativeSpikeMinShare
  ) {
    const baseline = baselineOf((r) => r.negativeCount);
    const z = zScore(current.negativeCount, baseline);
    if (z >= t.negativeSpikeZ) {
      negativeSpike = true;
      findings.push({
        rule: 'negative_spike',
        windowStart: start,
        windowEnd: end,
        mentionIds: [],
        reach: current.reachSum,
        velocityPerHour,
        negativeShare: share,
        evidence: {
          rule: 'negative_spike',
          summary:
            `${current.negativeCount} đề cập tiêu cực về «${topicName}» trong ${minutes} phút ` +
            `(${pct(share)} trong ${current.volume} đề cập)${timesUsual(current.negativeCount, baseline.mean)}; ` +
            usualLevel(baseline.mean, minutes, true),
          window,
          baseline: stored(baseline),
          observed,
          zScore: round(z),
          negativeShare: round(share, 3),
          strength: round(z),
          thresholds: {
            negativeSpikeZ: t.negativeSpikeZ,
            negativeSpikeMinCount: t.negativeSpikeMinCount,
            negativeSpikeMinShare: t.negativeSpikeMinShare,
          },
        },
      });
    }
  }

  if (!negativeSpike && t.enabledRules.includes('volume_spike') && current.volume >= t.spikeMinCount) {
    const baseline = baselineOf((r) => r.volume);
    const z = zScore(current.volume, baseline);
    if (z >= t.spikeZ) {
      findings.push({
        rule: 'volume_spike',
        windowStart: start,
        windowEnd: end,
        mentionIds: [],
        reach: current.reachSum,
        velocityPerHour,
        negativeShare: share,
        evidence: {
          rule: 'volume_spike',
          summary:
            `${current.volume} đề cập về «${topicName}» trong ${minutes} phút${timesUsual(current.volume, baseline.mean)}; ` +
            `${usualLevel(baseline.mean, minutes)}. Phần lớn không tiêu cực ` +
            `(tiêu cực ${pct(share)}): cần theo dõi, chưa phải khủng hoảng`,
          window,
          baseline: stored(baseline),
          observed,
          zScore: round(z),
          negativeShare: round(share, 3),
          strength: round(z),
          thresholds: { spikeZ: t.spikeZ, spikeMinCount: t.spikeMinCount },
        },
      });
    }
  }

  const negFrom = new Date(end.getTime() - t.negativeWindowMinutes * 60_000);
  const neg = sumRange(rows, negFrom.getTime(), end.getTime());
  const negativeShare = neg.volume ? neg.negative / neg.volume : 0;
  if (
    t.enabledRules.includes('negative_share') &&
    neg.negative >= t.negativeMinCount &&
    negativeShare >= t.negativeShareThreshold
  ) {
    findings.push({
      rule: 'negative_share',
      windowStart: negFrom,
      windowEnd: end,
      mentionIds: [],
      reach: neg.reach,
      velocityPerHour: (neg.volume * 60) / t.negativeWindowMinutes,
      negativeShare,
      evidence: {
        rule: 'negative_share',
        summary:
          `${pct(negativeShare)} đề cập về «${topicName}» trong ${t.negativeWindowMinutes} phút qua là tiêu cực ` +
          `(${neg.negative}/${neg.volume})`,
        window: { start: negFrom.toISOString(), end: end.toISOString() },
        observed: {
          volume: neg.volume,
          negative: neg.negative,
          reach: neg.reach,
          velocityPerHour: round((neg.volume * 60) / t.negativeWindowMinutes),
        },
        negativeShare: round(negativeShare, 3),
        strength: round(negativeShare, 3),
        thresholds: {
          negativeShareThreshold: t.negativeShareThreshold,
          negativeMinCount: t.negativeMinCount,
        },
      },
    });
  }
  return findings;
}
