/** The statistics the detection rules compare with: a topic's buckets, its usual level (EWMA), z-scores, shares. */

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
