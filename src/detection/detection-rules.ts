import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import { foldText } from '../common/text.js';

/** One time bucket of a topic's counters (see signals' topic_buckets). */
export interface BucketCounts {
  bucketStart: Date;
  bucketSeconds: number;
  volume: number;
  negativeCount: number;
  reachSum: number;
  negativeReachSum: number;
}

/** Rules whose firing opens (or joins) a room; the others only put a signal on the unit's watch list. */
export const OPENING_RULES = [
  'negative_spike',
  'negative_trend',
  'negative_share',
  'authority_traction',
  'fake_news_named',
  'manual',
] as const;
export const WATCH_RULES = ['volume_spike', 'high_authority_negative'] as const;
export type RuleName = (typeof OPENING_RULES)[number] | (typeof WATCH_RULES)[number];

export function opensRoom(rule: string): boolean {
  return (OPENING_RULES as readonly string[]).includes(rule);
}

/**
 * Cold start: while the topic has less than coldStartHours of history, there is no usual level to compare
 * with, and findings that compare with one go to the watch list instead of opening a room, unless their
 * window holds at least coldStartOpenCount negative mentions. Fake news naming the unit and a single item past
 * the reach bar do not depend on a usual level: they open as always. Marks the findings held (`watchOnly`).
 */
export function holdDuringColdStart(findings: Finding[], t: DetectionThresholds, historyHours: number): void {
  if (historyHours >= t.coldStartHours) return;
  for (const f of findings) {
    if (!opensRoom(f.rule) || f.rule === 'fake_news_named') continue;
    if (f.rule === 'authority_traction' && f.evidence.pickup?.reason === 'reach') continue;
    if (f.evidence.observed.negative >= t.coldStartOpenCount) continue;
    const hours = Math.max(0, Math.floor(historyHours));
    f.watchOnly = true;
    f.evidence.coldStart = {
      historyHours: Math.round(historyHours * 10) / 10,
      coldStartHours: t.coldStartHours,
    };
    f.evidence.summary +=
      `. Chủ đề mới được theo dõi ${hours} giờ, chưa đủ để biết mức bình thường: ` +
      `đưa vào danh sách theo dõi, chưa mở phòng`;
  }
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
  /** Negative spike: negative mentions in one bucket against the topic's own negative baseline. */
  negativeSpikeZ: number;
  negativeSpikeMinCount: number;
  negativeSpikeMinShare: number;
  /**
   * Slow burn (slow-burn-rule.ts): new voices (authors of negative items new to the topic over
   * trendBaselineDays) over rolling windows against the same hours of the days before.
   */
  trendWindowsHours: number[];
  trendBaselineDays: number;
  trendMinAuthors: number;
  trendMinCount: number;
  trendMinShare: number;
  /** How unlikely the window's authors must be under the earlier days': 1 in 10^trendSignificance. */
  trendSignificance: number;
  /**
   * Cold start: while a topic has less than coldStartHours of history (no usual level to compare with), its
   * negative findings go to the watch list, unless their window holds coldStartOpenCount negative mentions.
   */
  coldStartHours: number;
  coldStartOpenCount: number;
  /** Authority with traction: a major outlet's negative item opens a room only with pick-up or huge reach. */
  authorityOpenReachThreshold: number;
  tractionWindowMinutes: number;
  tractionMinMentions: number;
  tractionMinOutlets: number;
  tractionRatio: number;
  /** The pick-up must be this negative (a burst of praise carries negative comments too). */
  tractionMinShare: number;
  /**
   * The pick-up must come from at least this many new voices: outlets, pages and accounts that had posted
   * nothing on the topic in the trendBaselineDays before (a few regulars' complaint thread is not pick-up).
   */
  tractionMinNewVoices: number;
  /** Quiet rooms: at most one detection.attached per topic per this many minutes (stream time). */
  coalesceMinutes: number;
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

/** Why a rule fired, kept with the detection and shown in the room (a type, not an interface: it travels as the contracts' `Record<string, unknown>`). */
export type DetectionEvidence = {
  rule: string;
  summary: string;
  window: { start: string; end: string };
  baseline?: Baseline;
  observed: { volume: number; negative: number; reach: number; velocityPerHour: number };
  zScore?: number;
  negativeShare?: number;
  thresholds: Record<string, number | string>;
  trigger?: EvidenceMention & {
    matchedOn?: string;
    followers?: number;
    verified?: boolean;
    majorOutlet?: boolean;
  };
  /**
   * Slow burn: distinct authors of negative items in the window and the new voices among them, what the
   * same hours of the earlier days had (each day's count, how much they differ), and the hourly series.
   */
  trend?: {
    windowHours: number;
    authors: number;
    /** New voices: authors who had posted nothing on the topic in the trendBaselineDays before. */
    newAuthors: number;
    expectedNewAuthors: number;
    newAuthorShareBefore: number;
    baselineDays: number;
    dailyAuthors: number[];
    dispersion: number;
    share: number;
    significance: number;
    hourly: { start: string; volume: number; negative: number; authors: number; newAuthors: number }[];
  };
  /**
   * Watch list: later findings of the same rule gathered into one pending signal (how many, their windows, the
   * latest, the items that set them off) instead of new rows.
   */
  gathered?: {
    count: number;
    windows: string[];
    latest: { summary: string; window: { start: string; end: string } };
    items: (EvidenceMention & {
      matchedOn?: string;
      followers?: number;
      verified?: boolean;
      majorOutlet?: boolean;
    })[];
  };
  /** Cold start: the topic's history was too short to open a room on this finding. */
  coldStart?: { historyHours: number; coldStartHours: number };
  /** Authority with traction: what picked the item up. */
  pickup?: {
    mentions: number;
    outlets: number;
    expected: number;
    reason: 'pickup' | 'reach';
    /** New voices among the outlets and accounts (absent in evidence recorded before they were counted). */
    newVoices?: number;
  };
  /** The statistic a suggested threshold is computed from (see suggestThreshold). */
  strength?: number;
  topMentions?: EvidenceMention[];
  topOutlets?: { outlet: string; mentions: number }[];
};

export interface Finding {
  rule: Exclude<RuleName, 'manual'>;
  windowStart: Date;
  windowEnd: Date;
  evidence: DetectionEvidence;
  /** Mentions that triggered it directly (notable items); window rules take their evidence at act time. */
  mentionIds: string[];
  reach: number;
  velocityPerHour: number;
  negativeShare: number;
  /** An opening rule's finding held on the watch list (cold start: the topic has no usual level yet). */
  watchOnly?: boolean;
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
 * The topic's usual level in plain words: "bình thường khoảng 12 đề cập mỗi 5 phút", or for a topic nobody
 * talked about, that it was quiet ("trước đó gần như không có thảo luận"): never "gấp 3000 lần mức nền (0)".
 */
export function usualLevel(meanPerBucket: number, bucketMinutes: number, negative = false): string {
  if (meanPerBucket < 0.5)
    return negative ? 'trước đó gần như không có ý kiến tiêu cực' : 'trước đó gần như không có thảo luận';
  const per = Math.max(1, Math.round(meanPerBucket));
  return `bình thường khoảng ${per} đề cập${negative ? ' tiêu cực' : ''} mỗi ${bucketMinutes} phút`;
}

/** "gấp khoảng 8 lần bình thường" when the usual level is meaningful (at least one per bucket), else "". */
export function timesUsual(observed: number, meanPerBucket: number): string {
  if (meanPerBucket < 1) return '';
  const ratio = observed / meanPerBucket;
  return ratio >= 2 ? `, gấp khoảng ${Math.round(ratio)} lần bình thường` : '';
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Kullback–Leibler divergence of Bernoulli(a) from Bernoulli(b); n·KL bounds how unlikely n trials with share a
 * are under share b (Chernoff): P ≤ exp(−n·KL).
 */
export function bernoulliKl(a: number, b: number): number {
  const term = (x: number, y: number) => (x <= 0 ? 0 : x * Math.log(x / y));
  return term(a, b) + term(1 - a, 1 - b);
}

/** −log10 of the Chernoff bound on P(share ≥ observed | baseline share): 6 means "one chance in a million". */
export function shareSignificance(negative: number, volume: number, baselineShare: number): number {
  if (!volume) return 0;
  const share = negative / volume;
  if (share <= baselineShare) return 0;
  return (volume * bernoulliKl(share, baselineShare)) / Math.LN10;
}

/** Volume, negative mentions and reach of the buckets starting in [from, to) (epoch ms). */
export function sumRange(rows: BucketCounts[], from: number, to: number) {
  let volume = 0;
  let negative = 0;
  let reach = 0;
  for (const r of rows) {
    const t = r.bucketStart.getTime();
    if (t < from || t >= to) continue;
    volume += r.volume;
    negative += r.negativeCount;
    reach += r.reachSum;
  }
  return { volume, negative, reach };
}

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

export interface NotableItem {
  mentionId: string;
  matchedOn: string;
  sentiment: string | null;
  fakeNewsLabel: string | null;
  reach: number;
  followers: number;
  verified: boolean;
  /** The source vouches for a major outlet (a feed flagged so): counts as one even if not in `majorOutlets`. */
  majorOutlet?: boolean;
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

/** A major outlet by the unit's list, or because its source says so (a feed flagged as a major outlet). */
function fromMajorOutlet(item: Pick<NotableItem, 'outlet' | 'majorOutlet'>, t: DetectionThresholds): boolean {
  return item.majorOutlet === true || isMajorOutlet(item.outlet, t.majorOutlets);
}

/** A negative item from a major outlet, with reach past the bar, or from an account past the followers bar. */
export function isAuthorityItem(item: NotableItem, t: DetectionThresholds): boolean {
  return (
    item.sentiment === 'negative' &&
    (fromMajorOutlet(item, t) ||
      item.reach >= t.authorityReachThreshold ||
      item.followers >= t.authorityFollowersThreshold)
  );
}

function authorityWhy(
  item: Pick<NotableItem, 'outlet' | 'majorOutlet' | 'reach' | 'followers'>,
  t: DetectionThresholds,
) {
  return fromMajorOutlet(item, t)
    ? `trên ${item.outlet}`
    : item.reach >= t.authorityReachThreshold
      ? `tiếp cận ${item.reach.toLocaleString('vi-VN')} lượt`
      : `từ tài khoản có ${item.followers.toLocaleString('vi-VN')} người theo dõi`;
}

/** What picked an authority item up in the tractionWindowMinutes after it (the item itself excluded). */
export interface Pickup {
  /** Negative mentions on the topic from other outlets or accounts. */
  mentions: number;
  /** All mentions on the topic in that time (the item excluded). */
  volume: number;
  /** Distinct outlets or accounts among them. */
  outlets: number;
  /** Negative mentions the topic would usually have in that time (its negative baseline). */
  expected: number;
  /** New voices among those outlets and accounts (none of them had posted on the topic in trendBaselineDays). */
  newVoices: number;
}

/**
 * Authority with traction (opens): the authority item was picked up by at least tractionMinOutlets other outlets
 * or accounts with at least tractionMinMentions negative mentions, tractionRatio times what the topic usually
 * has in that time, and at least tractionMinShare of everything said on the topic meanwhile; and at least
 * tractionMinNewVoices of those outlets and accounts are new voices (had not posted on the topic in the
 * trendBaselineDays before): a complaint thread among a few regulars in the same hour is not pick-up.
 *
 * The finding's window runs from the item's bucket to `pickupEnd`, the end of the pick-up counted (when it was
 * found, in stream time): an article posted just before a crisis and picked up by it is found during the crisis,
 * not before it (the room's first detection, the quiet-room clock and the benchmark read the window's end).
 */
export function evaluateTraction(
  item: NotableItem,
  pickup: Pickup,
  t: DetectionThresholds,
  topicName: string,
  bucketSeconds: number,
  pickupEnd?: Date,
): Finding | null {
  if (!t.enabledRules.includes('authority_traction')) return null;
  if (
    pickup.outlets < t.tractionMinOutlets ||
    pickup.newVoices < t.tractionMinNewVoices ||
    pickup.mentions < Math.max(t.tractionMinMentions, t.tractionRatio * pickup.expected) ||
    pickup.mentions < t.tractionMinShare * pickup.volume
  )
    return null;
  const start = new Date(
    Math.floor(item.occurredAt.getTime() / (bucketSeconds * 1000)) * bucketSeconds * 1000,
  );
  const end = new Date(Math.max(start.getTime() + bucketSeconds * 1000, pickupEnd?.getTime() ?? 0));
  const expected = Math.round(pickup.expected);
  return {
    rule: 'authority_traction',
    windowStart: start,
    windowEnd: end,
    mentionIds: [item.mentionId],
    reach: item.reach,
    velocityPerHour: (pickup.mentions * 60) / t.tractionWindowMinutes,
    negativeShare: 1,
    evidence: {
      rule: 'authority_traction',
      summary:
        `Bài tiêu cực về «${topicName}» ${authorityWhy(item, t)} đang được đưa lại: ${pickup.mentions} đề cập tiêu cực ` +
        `từ ${pickup.outlets} trang, tài khoản khác trong ${t.tractionWindowMinutes} phút` +
        (expected >= 1 ? ` (bình thường khoảng ${expected})` : ', trong khi bình thường gần như không có') +
        `; ${pickup.newVoices} trang, tài khoản trong số đó chưa từng nhắc đến chủ đề này`,
      window: { start: start.toISOString(), end: end.toISOString() },
      observed: {
        volume: pickup.mentions + 1,
        negative: pickup.mentions + 1,
        reach: item.reach,
        velocityPerHour: 0,
      },
      trigger: itemTrigger(item),
      pickup: { ...pickup, expected: round(pickup.expected, 2), reason: 'pickup' },
      strength: pickup.mentions,
      thresholds: {
        tractionWindowMinutes: t.tractionWindowMinutes,
        tractionMinMentions: t.tractionMinMentions,
        tractionMinOutlets: t.tractionMinOutlets,
        tractionRatio: t.tractionRatio,
        tractionMinShare: t.tractionMinShare,
        tractionMinNewVoices: t.tractionMinNewVoices,
      },
    },
  };
}

/** The item that set a rule off, as the evidence shows it. */
function itemTrigger(item: NotableItem) {
  return {
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
    ...(item.majorOutlet ? { majorOutlet: true } : {}),
  };
}

/** Item rules: one high-authority negative item (watch; opens only past a very high reach); fake news naming the unit. */
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
  const trigger = itemTrigger(item);
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

  if (isAuthorityItem(item, t) && t.enabledRules.includes('high_authority_negative')) {
    const why = authorityWhy(item, t);
    // On the watch list at most one per topic and hour (the first such item of the hour): a third of a topic's
    // negative items may come from national outlets, and each alone is not worth a person's attention.
    const hour = new Date(Math.floor(item.occurredAt.getTime() / 3_600_000) * 3_600_000);
    findings.push({
      ...base,
      windowStart: hour,
      windowEnd: new Date(hour.getTime() + 3_600_000),
      rule: 'high_authority_negative',
      negativeShare: 1,
      evidence: {
        rule: 'high_authority_negative',
        summary: `Một bài tiêu cực về «${topicName}» ${why}; chưa thấy nơi khác đưa lại: cần theo dõi`,
        window,
        observed,
        trigger,
        strength: item.reach,
        thresholds: {
          authorityReachThreshold: t.authorityReachThreshold,
          authorityFollowersThreshold: t.authorityFollowersThreshold,
          majorOutlets: t.majorOutlets.join(', '),
        },
      },
    });
    if (t.enabledRules.includes('authority_traction') && item.reach >= t.authorityOpenReachThreshold) {
      findings.push({
        ...base,
        rule: 'authority_traction',
        negativeShare: 1,
        evidence: {
          rule: 'authority_traction',
          summary:
            `Một bài tiêu cực về «${topicName}» ${why} đã tiếp cận ${item.reach.toLocaleString('vi-VN')} lượt, ` +
            `vượt mức ${t.authorityOpenReachThreshold.toLocaleString('vi-VN')} lượt`,
          window,
          observed,
          trigger,
          pickup: { mentions: 0, outlets: 0, expected: 0, newVoices: 0, reason: 'reach' },
          strength: item.reach,
          thresholds: { authorityOpenReachThreshold: t.authorityOpenReachThreshold },
        },
      });
    }
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
        strength: 1,
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
  enabledRules: [
    'volume_spike',
    'negative_spike',
    'negative_trend',
    'negative_share',
    'high_authority_negative',
    'authority_traction',
    'fake_news_named',
    'manual',
  ],
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
  negativeSpikeZ: 6,
  negativeSpikeMinCount: 15,
  negativeSpikeMinShare: 0.4,
  trendWindowsHours: [1, 2, 3, 6],
  trendBaselineDays: 7,
  trendMinAuthors: 6,
  trendMinCount: 8,
  trendMinShare: 0.15,
  trendSignificance: 3,
  coldStartHours: 24,
  coldStartOpenCount: 100,
  authorityOpenReachThreshold: 5_000_000,
  tractionWindowMinutes: 60,
  tractionMinMentions: 15,
  tractionMinOutlets: 3,
  tractionRatio: 3,
  tractionMinShare: 0.3,
  tractionMinNewVoices: 5,
  coalesceMinutes: 240,
};

/** The setting each rule's strength is compared with, and how far a suggestion steps past a false alarm. */
const STRENGTH_SETTINGS: Record<
  string,
  { setting: keyof DetectionThresholds; step: number; integer?: boolean; max?: number }
> = {
  negative_spike: { setting: 'negativeSpikeZ', step: 0.5, max: 1000 },
  volume_spike: { setting: 'spikeZ', step: 0.5, max: 1000 },
  negative_trend: { setting: 'trendSignificance', step: 0.5, max: 1000 },
  negative_share: { setting: 'negativeShareThreshold', step: 0.02, max: 1 },
  authority_traction: { setting: 'tractionMinMentions', step: 1, integer: true },
};

/** What a false-alarm label keeps of a finding: its rule, the setting its strength is measured against, the strength. */
export function labelledFinding(
  rule: string,
  evidence: Pick<DetectionEvidence, 'strength' | 'pickup'> | null | undefined,
): { rule: string; setting: string | null; strength: number | null } {
  let spec = STRENGTH_SETTINGS[rule];
  // A single item past the reach bar is measured against that bar, not against pick-up.
  if (rule === 'authority_traction' && evidence?.pickup?.reason === 'reach')
    spec = { setting: 'authorityOpenReachThreshold', step: 1, integer: true };
  return {
    rule,
    setting: spec ? String(spec.setting) : null,
    strength: spec && typeof evidence?.strength === 'number' ? evidence.strength : null,
  };
}

export interface ThresholdSuggestion {
  rule: string;
  setting: string;
  current: number;
  suggested: number;
  /** False alarms the suggested value would have avoided. */
  avoids: number;
  /** Rooms that were not false alarms and would not have opened with it. */
  wouldMiss: number;
}

/**
 * For each setting behind the topic's false alarms, the smallest value (one step past the strongest false alarm)
 * that would have avoided them all, with the true openings it would have lost. Only settings that would rise.
 */
export function suggestThresholds(
  t: DetectionThresholds,
  falseAlarms: { rule: string; setting: string | null; strength: number | null }[],
  trueOpenings: { rule: string; setting: string | null; strength: number | null }[],
): ThresholdSuggestion[] {
  const out: ThresholdSuggestion[] = [];
  const settings = new Set(falseAlarms.map((f) => f.setting).filter((s): s is string => s !== null));
  for (const setting of settings) {
    const fs = falseAlarms.filter((f) => f.setting === setting && f.strength !== null);
    if (!fs.length) continue;
    const rule = fs[0].rule;
    const spec =
      Object.values(STRENGTH_SETTINGS).find((s) => s.setting === setting) ??
      ({ step: 1, integer: true } as { step: number; integer?: boolean; max?: number });
    const worst = Math.max(...fs.map((f) => f.strength!));
    const raw = spec.integer ? Math.floor(worst) + spec.step : worst + spec.step;
    const suggested = spec.integer ? Math.ceil(raw) : Math.ceil(raw / spec.step) * spec.step;
    const current = Number((t as unknown as Record<string, unknown>)[setting]);
    // Never past what the settings accept (a false alarm stronger than that cannot be avoided by this setting).
    const rounded = Math.min(Math.round(suggested * 100) / 100, spec.max ?? Infinity);
    if (!(rounded > current)) continue;
    out.push({
      rule,
      setting,
      current,
      suggested: rounded,
      avoids: fs.filter((f) => f.strength! < rounded).length,
      wouldMiss: trueOpenings.filter(
        (o) => o.setting === setting && o.strength !== null && o.strength < rounded,
      ).length,
    });
  }
  return out;
}
