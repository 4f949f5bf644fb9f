import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import { foldText } from '../signals/text-normalizer.js';

/** One time bucket of a topic's counters (see signals' topic_buckets). */
export interface BucketCounts {
  bucketStart: Date;
  bucketSeconds: number;
  volume: number;
  negativeCount: number;
  reachSum: number;
  negativeReachSum: number;
}

export interface Baseline {
  method: 'ewma';
  windowHours: number;
  halfLifeHours: number;
  buckets: number;
  mean: number;
  std: number;
}

export interface SeverityRule {
  severity: Severity;
  /** Any category listed matches (empty or absent: any category). */
  categories?: IncidentCategory[];
  minReach?: number;
  minVelocityPerHour?: number;
  minNegativeShare?: number;
  minUnits?: number;
  /** true: every condition given must hold; false (default): any one of them. */
  all?: boolean;
}

export interface DetectionThresholds {
  enabledRules: string[];
  baselineWindowHours: number;
  baselineHalfLifeHours: number;
  evaluationHorizonHours: number;
  spikeZ: number;
  spikeMinCount: number;
  negativeShareThreshold: number;
  negativeMinCount: number;
  negativeWindowMinutes: number;
  authorityReachThreshold: number;
  authorityFollowersThreshold: number;
  majorOutlets: string[];
  dismissalSuppressionHours: number;
  severityRules: SeverityRule[];
}

export interface EvidenceMention {
  id: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  snippet: string | null;
  sentiment: string | null;
  fakeNewsLabel: string | null;
  reach: number;
  occurredAt: string;
}

/** Why a rule fired, kept with the detection and shown in the room. */
export interface DetectionEvidence {
  rule: string;
  summary: string;
  window: { start: string; end: string };
  baseline?: Baseline;
  observed: { volume: number; negative: number; reach: number; velocityPerHour: number };
  zScore?: number;
  negativeShare?: number;
  thresholds: Record<string, number | string>;
  trigger?: EvidenceMention & { matchedOn?: string; followers?: number; verified?: boolean };
  topMentions?: EvidenceMention[];
  topOutlets?: { outlet: string; mentions: number }[];
}

export interface Finding {
  rule: 'volume_spike' | 'negative_share' | 'high_authority_negative' | 'fake_news_named';
  windowStart: Date;
  windowEnd: Date;
  evidence: DetectionEvidence;
  /** Mentions that triggered it directly (notable items); window rules take their evidence at act time. */
  mentionIds: string[];
  reach: number;
  velocityPerHour: number;
  negativeShare: number;
}

/**
 * Exponentially weighted mean and variance over a dense series (missing buckets are zeros), oldest first.
 * alpha follows from the half-life: a bucket `halfLife` old weighs half as much as the newest.
 */
export function ewmaBaseline(
  series: number[],
  bucketSeconds: number,
  halfLifeHours: number,
  windowHours: number,
): Baseline {
  const alpha = 1 - Math.pow(0.5, bucketSeconds / (halfLifeHours * 3600));
  let mean = series.length ? series[0] : 0;
  let variance = 0;
  for (let i = 1; i < series.length; i++) {
    const diff = series[i] - mean;
    mean += alpha * diff;
    variance = (1 - alpha) * (variance + alpha * diff * diff);
  }
  return {
    method: 'ewma',
    windowHours,
    halfLifeHours,
    buckets: series.length,
    mean,
    std: Math.sqrt(variance),
  };
}

/**
 * z-score with a floor on the spread: counts are roughly Poisson, so the deviation is never taken below
 * √mean (nor below 1). Without it a topic that was perfectly quiet would "spike" on two mentions.
 */
export function zScore(observed: number, baseline: Baseline): number {
  const spread = Math.max(baseline.std, Math.sqrt(Math.max(baseline.mean, 0)), 1);
  return (observed - baseline.mean) / spread;
}

/** Fills the gaps of a sparse bucket list between `from` (inclusive) and `to` (exclusive). */
export function denseSeries(rows: BucketCounts[], from: Date, to: Date, bucketSeconds: number): number[] {
  const byStart = new Map(rows.map((r) => [r.bucketStart.getTime(), r.volume]));
  const out: number[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += bucketSeconds * 1000) out.push(byStart.get(t) ?? 0);
  return out;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * Window rules on one bucket of a topic: volume spike against the topic's own history, and negative share over
 * the last `negativeWindowMinutes`. `rows` holds the topic's buckets from baselineWindowHours before `current`
 * up to and including it.
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
  const velocityPerHour = (current.volume * 3600) / current.bucketSeconds;

  const negFrom = new Date(end.getTime() - t.negativeWindowMinutes * 60_000);
  const negRows = rows.filter((r) => r.bucketStart >= negFrom && r.bucketStart <= start);
  const negVolume = negRows.reduce((s, r) => s + r.volume, 0);
  const negCount = negRows.reduce((s, r) => s + r.negativeCount, 0);
  const negReach = negRows.reduce((s, r) => s + r.reachSum, 0);
  const negativeShare = negVolume ? negCount / negVolume : 0;

  if (t.enabledRules.includes('volume_spike') && current.volume >= t.spikeMinCount) {
    const from = new Date(start.getTime() - t.baselineWindowHours * 3_600_000);
    const history = rows.filter((r) => r.bucketStart < start);
    const baseline = ewmaBaseline(
      denseSeries(history, from, start, current.bucketSeconds),
      current.bucketSeconds,
      t.baselineHalfLifeHours,
      t.baselineWindowHours,
    );
    const z = zScore(current.volume, baseline);
    if (z >= t.spikeZ) {
      const share = current.volume ? current.negativeCount / current.volume : 0;
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
            `Lượng thảo luận về «${topicName}» tăng đột biến: ${current.volume} đề cập trong ${current.bucketSeconds / 60} phút, ` +
            `gấp ${round(current.volume / Math.max(baseline.mean, 0.01), 1)} lần mức nền (${round(baseline.mean)}), z = ${round(z)}`,
          window: { start: start.toISOString(), end: end.toISOString() },
          baseline: { ...baseline, mean: round(baseline.mean, 3), std: round(baseline.std, 3) },
          observed: {
            volume: current.volume,
            negative: current.negativeCount,
            reach: current.reachSum,
            velocityPerHour: round(velocityPerHour),
          },
          zScore: round(z),
          negativeShare: round(share, 3),
          thresholds: { spikeZ: t.spikeZ, spikeMinCount: t.spikeMinCount },
        },
      });
    }
  }

  if (
    t.enabledRules.includes('negative_share') &&
    negCount >= t.negativeMinCount &&
    negativeShare >= t.negativeShareThreshold
  ) {
    findings.push({
      rule: 'negative_share',
      windowStart: negFrom,
      windowEnd: end,
      mentionIds: [],
      reach: negReach,
      velocityPerHour: (negVolume * 60) / t.negativeWindowMinutes,
      negativeShare,
      evidence: {
        rule: 'negative_share',
        summary:
          `Tỷ lệ đề cập tiêu cực về «${topicName}» là ${round(negativeShare * 100, 1)}% ` +
          `(${negCount}/${negVolume}) trong ${t.negativeWindowMinutes} phút qua`,
        window: { start: negFrom.toISOString(), end: end.toISOString() },
        observed: {
          volume: negVolume,
          negative: negCount,
          reach: negReach,
          velocityPerHour: round((negVolume * 60) / t.negativeWindowMinutes),
        },
        negativeShare: round(negativeShare, 3),
        thresholds: {
          negativeShareThreshold: t.negativeShareThreshold,
          negativeMinCount: t.negativeMinCount,
        },
      },
    });
  }
  return findings;
}

export interface NotableItem {
  mentionId: string;
  matchedOn: string;
  sentiment: string | null;
  fakeNewsLabel: string | null;
  reach: number;
  followers: number;
  verified: boolean;
  outlet: string | null;
  url: string | null;
  occurredAt: Date;
}

/**
 * Folded major outlets per list: the list comes from cached settings (the same array for many items), and
 * folding it again for every notable mention was a visible share of ingestion's CPU.
 */
const foldedOutlets = new WeakMap<readonly string[], Set<string>>();

export function isMajorOutlet(outlet: string | null, majorOutlets: string[]): boolean {
  if (!outlet) return false;
  let folded = foldedOutlets.get(majorOutlets);
  if (!folded) {
    folded = new Set(majorOutlets.map(foldText));
    foldedOutlets.set(majorOutlets, folded);
  }
  return folded.has(foldText(outlet));
}

/** Item rules: one high-authority negative item; a fake-news-labelled item that names the unit or its leaders. */
export function evaluateItem(
  item: NotableItem,
  t: DetectionThresholds,
  topicName: string,
  bucketSeconds: number,
): Finding[] {
  const findings: Finding[] = [];
  // Item rules key on the bucket the item falls in: one detection per topic, rule and bucket.
  const start = new Date(
    Math.floor(item.occurredAt.getTime() / (bucketSeconds * 1000)) * bucketSeconds * 1000,
  );
  const end = new Date(start.getTime() + bucketSeconds * 1000);
  const trigger = {
    id: item.mentionId,
    outlet: item.outlet,
    url: item.url,
    title: null,
    snippet: null,
    sentiment: item.sentiment,
    fakeNewsLabel: item.fakeNewsLabel,
    reach: item.reach,
    occurredAt: item.occurredAt.toISOString(),
    matchedOn: item.matchedOn,
    followers: item.followers,
    verified: item.verified,
  };
  const base = {
    windowStart: start,
    windowEnd: end,
    mentionIds: [item.mentionId],
    reach: item.reach,
    velocityPerHour: 0,
  };
  const window = { start: start.toISOString(), end: end.toISOString() };
  const observed = {
    volume: 1,
    negative: item.sentiment === 'negative' ? 1 : 0,
    reach: item.reach,
    velocityPerHour: 0,
  };

  const major = isMajorOutlet(item.outlet, t.majorOutlets);
  if (
    t.enabledRules.includes('high_authority_negative') &&
    item.sentiment === 'negative' &&
    (major || item.reach >= t.authorityReachThreshold || item.followers >= t.authorityFollowersThreshold)
  ) {
    const why = major
      ? `đăng trên ${item.outlet}`
      : item.reach >= t.authorityReachThreshold
        ? `tiếp cận ${item.reach.toLocaleString('vi-VN')} lượt`
        : `từ tài khoản có ${item.followers.toLocaleString('vi-VN')} người theo dõi`;
    findings.push({
      ...base,
      rule: 'high_authority_negative',
      negativeShare: 1,
      evidence: {
        rule: 'high_authority_negative',
        summary: `Một đề cập tiêu cực có sức lan tỏa lớn về «${topicName}» (${why})`,
        window,
        observed,
        trigger,
        thresholds: {
          authorityReachThreshold: t.authorityReachThreshold,
          authorityFollowersThreshold: t.authorityFollowersThreshold,
          majorOutlets: t.majorOutlets.join(', '),
        },
      },
    });
  }
  if (
    t.enabledRules.includes('fake_news_named') &&
    (item.fakeNewsLabel === 'tin_gia' || item.fakeNewsLabel === 'tin_sai_su_that') &&
    (item.matchedOn === 'unit_name' || item.matchedOn === 'leader_name')
  ) {
    const label = item.fakeNewsLabel === 'tin_gia' ? 'tin giả' : 'tin sai sự thật';
    const named = item.matchedOn === 'unit_name' ? 'nêu tên đơn vị' : 'nêu tên lãnh đạo đơn vị';
    findings.push({
      ...base,
      rule: 'fake_news_named',
      negativeShare: item.sentiment === 'negative' ? 1 : 0,
      evidence: {
        rule: 'fake_news_named',
        summary: `Nội dung được gắn nhãn ${label} ${named} (chủ đề «${topicName}»)`,
        window,
        observed,
        trigger,
        thresholds: { labels: 'tin_gia, tin_sai_su_that', matchedOn: 'unit_name, leader_name' },
      },
    });
  }
  return findings;
}

export interface SeverityInput {
  category: IncidentCategory;
  reach: number;
  velocityPerHour: number;
  negativeShare: number;
  units: number;
}

/** The first rule (ordered from L4 down) whose conditions hold; L1 when none does. */
export function severityFor(rules: SeverityRule[], input: SeverityInput): Severity {
  for (const rule of rules) {
    if (rule.categories?.length && !rule.categories.includes(input.category)) continue;
    const checks: boolean[] = [];
    if (rule.minReach !== undefined) checks.push(input.reach >= rule.minReach);
    if (rule.minVelocityPerHour !== undefined) checks.push(input.velocityPerHour >= rule.minVelocityPerHour);
    if (rule.minNegativeShare !== undefined) checks.push(input.negativeShare >= rule.minNegativeShare);
    if (rule.minUnits !== undefined) checks.push(input.units >= rule.minUnits);
    const holds = checks.length === 0 ? true : rule.all ? checks.every(Boolean) : checks.some(Boolean);
    if (holds) return rule.severity;
  }
  return Severity.L1;
}

/** Defaults for every unit, seeded by the migration; units override them through /api/detection-settings. */
export const DEFAULT_THRESHOLDS: DetectionThresholds = {
  enabledRules: ['volume_spike', 'negative_share', 'high_authority_negative', 'fake_news_named', 'manual'],
  baselineWindowHours: 12,
  baselineHalfLifeHours: 3,
  evaluationHorizonHours: 24,
  spikeZ: 4,
  spikeMinCount: 30,
  negativeShareThreshold: 0.6,
  negativeMinCount: 40,
  negativeWindowMinutes: 60,
  authorityReachThreshold: 500_000,
  authorityFollowersThreshold: 1_000_000,
  majorOutlets: [
    'VnExpress',
    'Tuổi Trẻ',
    'Thanh Niên',
    'Dân trí',
    'VietNamNet',
    'VTV',
    'Nhân Dân',
    'Tiền Phong',
    'Lao Động',
    'Người Lao Động',
  ],
  dismissalSuppressionHours: 24,
  severityRules: [
    {
      severity: Severity.L4,
      categories: [IncidentCategory.PublicHealth, IncidentCategory.AccidentDisaster],
      minReach: 5_000_000,
      minUnits: 3,
    },
    { severity: Severity.L4, minReach: 20_000_000 },
    { severity: Severity.L3, minReach: 1_000_000, minVelocityPerHour: 2_000, minUnits: 2 },
    { severity: Severity.L2, minReach: 100_000, minVelocityPerHour: 300, minNegativeShare: 0.7 },
  ],
};
