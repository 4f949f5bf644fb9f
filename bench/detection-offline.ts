/**
 * Offline tuning of the slow-burn rule: the streams of bench:detection (bench/detection-data.ts, same seeds,
 * same fortnight ending at the last midnight, Vietnam time), folded into per-topic buckets here (topic by its
 * terms, sentiment from the feed or the service's lexicon) and run through a candidate rule bucket by bucket,
 * with no database and no HTTP (a few seconds for the three seeds instead of minutes). Prints, per candidate and
 * seed, the slow-burn and sharp-spike delays with the number of firings on each, the openings outside every
 * event (a firing more than fifteen minutes after the previous one, the duty officer's dismissal, counts as a new
 * opening) and the firings on benign events. It looks at the slow-burn rule alone: what the real bench reports
 * for a crisis is the first room opened by any rule.
 *
 * Candidates (JSON array, argument 1):
 * - `{ "window": { …settings } }`: the current `negative_trend` (evaluateWindow) with those settings;
 * - CusumOptions (`spanHours`, `baselineHours`, `targetShare`, `shiftRatio`, `threshold`, `minCount`): a one-sided
 *   Bernoulli CUSUM on each bucket's negative share (negativeCusum below), tried as a replacement.
 *
 *   npx tsc -p tsconfig.build.json --outDir /tmp/offdist && \
 *     node /tmp/offdist/bench/detection-offline.js '[{"window":{}},{"threshold":3,"minCount":20,"targetShare":0.35}]'
 *
 * ORACLE=<hours> prints instead how separable the slow burns are at all: per burn, the strongest 1–3 h window
 * ending that many hours after the rise (Chernoff significance of its negative share against the 24 hours
 * before), and per topic the strongest such window outside the events.
 */
import { BUCKET_MS, buildScenario, TOPICS } from './detection-data.js';
import type { Scenario } from './detection-data.js';
import {
  bernoulliKl,
  DEFAULT_THRESHOLDS,
  evaluateWindow,
  lookbackHours,
  sumRange,
} from '../src/detection/detection-rules.js';
import type { BucketCounts, DetectionThresholds } from '../src/detection/detection-rules.js';
import { LexiconSentimentScorer } from '../src/signals/sentiment-lexicon.js';
import { foldText } from '../src/common/text.js';

/** Knobs of the slow-burn CUSUM (negativeCusum); from the settings by default, overridable to tune offline. */
interface CusumOptions {
  /** How far back the CUSUM runs (hours); also the longest evidence window. */
  spanHours: number;
  /** Hours before the span whose negative share is the baseline. */
  baselineHours: number;
  /** The negative share the test is tuned to detect (at least `shiftRatio` times the baseline share). */
  targetShare: number;
  shiftRatio: number;
  /** Decision threshold: log10 of the likelihood ratio "target share" against "baseline share". */
  threshold: number;
  /** Minimum evidence: negative mentions since the CUSUM last stood at zero. */
  minCount: number;
}

const TREND_SHIFT_RATIO = 1.5;

function cusumOptions(t: DetectionThresholds): CusumOptions {
  return {
    spanHours: Math.max(1, ...t.trendWindowsHours),
    baselineHours: t.trendBaselineHours,
    targetShare: t.trendMinShare,
    shiftRatio: TREND_SHIFT_RATIO,
    threshold: t.trendSignificance,
    minCount: t.trendMinCount,
  };
}

interface CusumFinding {
  /** Whole hours covering the run, ending at the current bucket. */
  w: number;
  from: number;
  /** The CUSUM (log10 likelihood ratio) when it crossed. */
  sig: number;
  n: number;
  v: number;
  reach: number;
  p0: number;
  v0: number;
  p1: number;
  /** Start of the run (the CUSUM last at zero) and its negatives / volume. */
  runStart: number;
  runNegative: number;
  runVolume: number;
}

/**
 * The slow burn: a one-sided Bernoulli CUSUM on the negative share of each bucket over the last `spanHours`.
 * Each mention adds log10(p1/p0) when negative and log10((1−p1)/(1−p0)) otherwise, where p0 is the share of
 * the `baselineHours` before the span (with a small prior) and p1 the share the test is tuned for; the sum never
 * goes below zero. It crosses when it reaches `threshold` with at least `minCount` negative mentions in the run,
 * then restarts from zero (the next crossing needs new evidence). Fires only when the crossing is at the
 * current bucket: small sustained excesses add up, where a window test needs a large count at once.
 */
function negativeCusum(
  rows: BucketCounts[],
  endMs: number,
  bucketSeconds: number,
  t: DetectionThresholds,
  o: CusumOptions = cusumOptions(t),
): CusumFinding | null {
  const step = bucketSeconds * 1000;
  const spanStart = endMs - o.spanHours * 3_600_000;
  const base = sumRange(rows, spanStart - o.baselineHours * 3_600_000, spanStart);
  // A little prior (one in five negative) keeps a thin baseline from calling any negativity a trend.
  const p0 = Math.max((base.negative + 2) / (base.volume + 10), 0.05);
  const p1 = Math.max(o.targetShare, p0 * o.shiftRatio);
  if (p1 >= 0.99 || p1 <= p0) return null;
  const up = Math.log10(p1 / p0);
  const down = Math.log10((1 - p1) / (1 - p0));
  const byStart = new Map<number, BucketCounts>();
  for (const r of rows) {
    const s = r.bucketStart.getTime();
    if (s >= spanStart && s < endMs) byStart.set(s, r);
  }
  let sum = 0;
  let runStart = spanStart;
  let runNegative = 0;
  let runVolume = 0;
  for (let s = spanStart; s < endMs; s += step) {
    const r = byStart.get(s);
    if (!r) continue;
    if (sum === 0) {
      runStart = s;
      runNegative = 0;
      runVolume = 0;
    }
    sum = Math.max(0, sum + r.negativeCount * up + (r.volume - r.negativeCount) * down);
    runNegative += r.negativeCount;
    runVolume += r.volume;
    if (sum === 0) continue;
    if (sum >= o.threshold && runNegative >= o.minCount) {
      if (s + step >= endMs) {
        const w = Math.max(1, Math.ceil((endMs - runStart) / 3_600_000));
        const from = endMs - w * 3_600_000;
        const cur = sumRange(rows, from, endMs);
        return {
          w,
          from,
          sig: sum,
          n: cur.negative,
          v: cur.volume,
          reach: cur.reach,
          p0,
          v0: base.volume,
          p1,
          runStart,
          runNegative,
          runVolume,
        };
      }
      sum = 0;
    }
  }
  return null;
}

const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const DAYS = Number(process.env.BENCH_DAYS ?? 14);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 2.5);

function topicBuckets(sc: Scenario): Map<string, BucketCounts[]> {
  const scorer = new LexiconSentimentScorer();
  const terms = TOPICS.map((t) => ({ key: t.key, terms: t.anyTerms.map(foldText) }));
  const out = new Map(TOPICS.map((t) => [t.key, [] as BucketCounts[]]));
  for (let i = 0; i < sc.buckets; i++) {
    const counts = new Map<string, { v: number; n: number; r: number }>();
    for (const item of sc.bucket(i)) {
      const text = foldText(`${item.title} ${item.text}`);
      const label = item.sentiment ?? scorer.score(`${item.title}. ${item.text}`).label;
      for (const t of terms) {
        if (!t.terms.some((x) => text.includes(x))) continue;
        const c = counts.get(t.key) ?? { v: 0, n: 0, r: 0 };
        c.v++;
        if (label === 'negative') c.n++;
        c.r += item.reach;
        counts.set(t.key, c);
      }
    }
    for (const [key, c] of counts)
      out.get(key)!.push({
        bucketStart: new Date(sc.start + i * BUCKET_MS),
        bucketSeconds: BUCKET_MS / 1000,
        volume: c.v,
        negativeCount: c.n,
        reachSum: c.r,
        negativeReachSum: 0,
      });
  }
  return out;
}

/** A CUSUM candidate (CusumOptions), or `{ "window": { …settings } }`: the current window rule with those settings. */
type Candidate = Partial<CusumOptions> & { window?: Partial<DetectionThresholds> };
const candidates = JSON.parse(process.argv[2] ?? '[{}]') as Candidate[];
const end = Math.floor((Date.now() + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
const data = SEEDS.map((seed) => {
  const sc = buildScenario(seed, end, DAYS, BACKGROUND);
  return { seed, sc, buckets: topicBuckets(sc) };
});
for (const cand of candidates) {
  const o = { ...cusumOptions(DEFAULT_THRESHOLDS), ...cand };
  const settings = cand.window
    ? { ...DEFAULT_THRESHOLDS, ...cand.window, enabledRules: ['negative_trend'] }
    : DEFAULT_THRESHOLDS;
  const fired = (rows: BucketCounts[], i: number, lo: number) => {
    const s = rows[i].bucketStart.getTime();
    if (cand.window)
      return evaluateWindow(rows[i], rows.slice(lo, i + 1), settings, 'x').some(
        (f) => f.rule === 'negative_trend',
      );
    return !!negativeCusum(rows.slice(lo, i + 1), s + BUCKET_MS, BUCKET_MS / 1000, DEFAULT_THRESHOLDS, o);
  };
  const lines: string[] = [];
  let ok = true;
  for (const { seed, sc, buckets } of data) {
    const slow: string[] = [];
    const crises: string[] = [];
    let falseOpen = 0;
    const benign: string[] = [];
    for (const [key, rows] of buckets) {
      const fires: number[] = [];
      const lookback = cand.window
        ? lookbackHours(settings) * 3_600_000
        : (o.spanHours + o.baselineHours) * 3_600_000;
      let lo = 0;
      for (let i = 0; i < rows.length; i++) {
        const s = rows[i].bucketStart.getTime();
        while (rows[lo].bucketStart.getTime() < s - lookback) lo++;
        if (fired(rows, i, lo)) fires.push(s + BUCKET_MS);
      }
      const evs = sc.events.filter((e) => e.topic === key);
      let lastFalse = -Infinity;
      for (const at of fires) {
        const ev = evs.find((e) => at >= e.onset && at <= e.end + 2 * 3_600_000);
        if (!ev) {
          if (at - lastFalse > 15 * 60_000) falseOpen++;
          lastFalse = at;
        } else if (!['slow_burn', 'sharp_spike', 'fake_news'].includes(ev.kind)) benign.push(ev.kind);
      }
      for (const e of evs) {
        if (!['slow_burn', 'sharp_spike'].includes(e.kind)) continue;
        const first = fires.find((a) => a >= e.onset && a <= e.end + 2 * 3_600_000);
        const d = first === undefined ? Infinity : (first - e.onset) / 60_000;
        const n = fires.filter((a) => a >= e.onset && a <= e.end + 2 * 3_600_000).length;
        (e.kind === 'slow_burn' ? slow : crises).push(`${d}m(${n})`);
        if (e.kind === 'slow_burn' && !(d <= 180)) ok = false;
      }
    }
    if (falseOpen > 4 || benign.length) ok = false;
    lines.push(
      `s${seed}: slow ${slow.join(' ')} spikes ${crises.join(' ')} false ${falseOpen} benign ${benign.length}`,
    );
  }
  console.log(`${ok ? 'OK ' : '-- '}${JSON.stringify(cand)} | ${lines.join(' | ')}`);
}

/**
 * ORACLE=3 (hours): how separable the slow burns are at all. For each burn, the strongest window (1–3 h) ending
 * that many hours after the rise, as the Chernoff significance of its negative share against the 24 hours before; for
 * each seed, the strongest such window anywhere outside the events, on each topic (what any window test with
 * at most one false opening per topic and fortnight must stay above).
 */
if (process.env.ORACLE) {
  const HOURS = Number(process.env.ORACLE);
  const sig = (rows: BucketCounts[], endMs: number, w: number) => {
    const from = endMs - w * 3_600_000;
    let v = 0;
    let n = 0;
    let v0 = 0;
    let n0 = 0;
    for (const r of rows) {
      const s = r.bucketStart.getTime();
      if (s >= from && s < endMs) {
        v += r.volume;
        n += r.negativeCount;
      } else if (s >= from - 24 * 3_600_000 && s < from) {
        v0 += r.volume;
        n0 += r.negativeCount;
      }
    }
    const p0 = Math.max((n0 + 2) / (v0 + 10), 0.05);
    return v && n / v > p0 ? (v * bernoulliKl(n / v, p0)) / Math.LN10 : 0;
  };
  for (const { seed, sc, buckets } of data) {
    const burns: string[] = [];
    const quiet: string[] = [];
    for (const [key, rows] of buckets) {
      const evs = sc.events.filter((e) => e.topic === key);
      for (const e of evs.filter((x) => x.kind === 'slow_burn')) {
        const at = e.onset + HOURS * 3_600_000;
        burns.push(`${key} ${Math.max(...[1, 2, 3].map((w) => sig(rows, at, w))).toFixed(1)}`);
      }
      let max = 0;
      for (let at = sc.start + 30 * 3_600_000; at < sc.end; at += 3_600_000) {
        if (evs.some((e) => at > e.onset && at - 3 * 3_600_000 < e.end + 2 * 3_600_000)) continue;
        max = Math.max(max, ...[1, 2, 3].map((w) => sig(rows, at, w)));
      }
      quiet.push(`${key} ${max.toFixed(1)}`);
    }
    console.log(
      `seed ${seed}: burns at ${HOURS} h ${burns.join(', ')}; strongest outside events ${quiet.join(', ')}`,
    );
  }
}
