/**
 * Offline tuning of the slow-burn rule (src/detection/slow-burn-rule.ts): the streams of bench:detection
 * (bench/detection-data.ts, same seeds, same fortnight ending at the last midnight, Vietnam time), folded into
 * per-topic buckets and negative posts with their authors here (topic by its terms, sentiment from the feed or
 * the service's lexicon, author = outlet) and run through the rule bucket by bucket, with no database and no
 * HTTP (seconds for the three seeds instead of minutes). Prints, per candidate and seed, the slow-burn and
 * sharp-spike delays with the number of firings on each, the openings outside every event (a firing more than
 * fifteen minutes after the previous one, the duty officer's dismissal, counts as a new opening) and the
 * firings on benign events. It looks at the slow-burn rule alone: what the real bench reports for a crisis is
 * the first room opened by any rule.
 *
 * Candidates (JSON array of settings overrides, argument 1):
 *
 *   npx tsc -p tsconfig.build.json --outDir /tmp/offdist && \
 *     node /tmp/offdist/bench/detection-offline.js '[{},{"trendSignificance":3.5,"trendMinAuthors":10}]'
 *
 * ORACLE=<hours> prints instead how separable the slow burns are: per burn, the strongest window ending that
 * many hours after the rise, and per topic the strongest window outside the events (sampled every 5 minutes).
 *
 * Earlier versions of this file tried a Bernoulli CUSUM on the negative share (see src/detection/README.md).
 */
import { BUCKET_MS, buildScenario, TOPICS } from './detection-data.js';
import type { Scenario } from './detection-data.js';
import { DEFAULT_THRESHOLDS } from '../src/detection/detection-rules.js';
import type { BucketCounts, DetectionThresholds } from '../src/detection/detection-rules.js';
import { evaluateSlowBurn, slowBurnLookbackHours } from '../src/detection/slow-burn-rule.js';
import type { NegativePost } from '../src/detection/slow-burn-rule.js';
import { LexiconSentimentScorer } from '../src/signals/sentiment-lexicon.js';
import { foldText } from '../src/common/text.js';

const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const DAYS = Number(process.env.BENCH_DAYS ?? 14);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 2.5);

interface TopicStream {
  rows: BucketCounts[];
  posts: NegativePost[];
}

function topicStreams(sc: Scenario): Map<string, TopicStream> {
  const scorer = new LexiconSentimentScorer();
  const terms = TOPICS.map((t) => ({ key: t.key, terms: t.anyTerms.map(foldText) }));
  const out = new Map(TOPICS.map((t) => [t.key, { rows: [], posts: [] } as TopicStream]));
  const lastSeen = new Map(TOPICS.map((t) => [t.key, new Map<string, number>()]));
  const memory = DEFAULT_THRESHOLDS.trendBaselineDays * 86_400_000;
  for (let i = 0; i < sc.buckets; i++) {
    const counts = new Map<string, { v: number; n: number; r: number }>();
    for (const item of sc.bucket(i)) {
      const text = foldText(`${item.title} ${item.text}`);
      const label = item.sentiment ?? scorer.score(`${item.title}. ${item.text}`).label;
      for (const t of terms) {
        if (!t.terms.some((x) => text.includes(x))) continue;
        const c = counts.get(t.key) ?? { v: 0, n: 0, r: 0 };
        c.v++;
        const at = Date.parse(item.publishedAt);
        const seen = lastSeen.get(t.key)!;
        const before = seen.get(item.outlet);
        if (label === 'negative') {
          c.n++;
          const fresh = before === undefined || before < at - memory;
          out.get(t.key)!.posts.push({ at, author: item.outlet, fresh });
        }
        seen.set(item.outlet, at);
        c.r += item.reach;
        counts.set(t.key, c);
      }
    }
    for (const [key, c] of counts)
      out.get(key)!.rows.push({
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

/** The slow-burn rule on every bucket end of a topic (at most `every` buckets apart), with its strength. */
function firings(s: TopicStream, t: DetectionThresholds, start: number, end: number, step = BUCKET_MS) {
  const lookback = slowBurnLookbackHours(t) * 3_600_000;
  const out: { at: number; sig: number }[] = [];
  let lo = 0;
  let plo = 0;
  let hi = 0;
  let phi = 0;
  for (let at = start + step; at <= end; at += step) {
    while (lo < s.rows.length && s.rows[lo].bucketStart.getTime() < at - lookback) lo++;
    while (hi < s.rows.length && s.rows[hi].bucketStart.getTime() < at) hi++;
    while (plo < s.posts.length && s.posts[plo].at < at - lookback) plo++;
    while (phi < s.posts.length && s.posts[phi].at < at) phi++;
    const f = evaluateSlowBurn(at, s.rows.slice(lo, hi), s.posts.slice(plo, phi), t, 'x', start);
    if (f) out.push({ at, sig: f.evidence.strength ?? 0 });
  }
  return out;
}

const candidates = JSON.parse(process.argv[2] ?? '[{}]') as Partial<DetectionThresholds>[];
const end = Math.floor((Date.now() + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
const data = SEEDS.map((seed) => {
  const sc = buildScenario(seed, end, DAYS, BACKGROUND);
  return { seed, sc, streams: topicStreams(sc) };
});
const CRISES = ['slow_burn', 'sharp_spike', 'fake_news'];

if (!process.env.ORACLE)
  for (const cand of candidates) {
    const settings: DetectionThresholds = {
      ...DEFAULT_THRESHOLDS,
      ...cand,
      enabledRules: ['negative_trend'],
    };
    const lines: string[] = [];
    let ok = true;
    for (const { seed, sc, streams } of data) {
      const slow: string[] = [];
      const crises: string[] = [];
      let falseOpen = 0;
      const benign: string[] = [];
      for (const [key, stream] of streams) {
        const fires = firings(stream, settings, sc.start, sc.end).map((f) => f.at);
        const evs = sc.events.filter((e) => e.topic === key);
        let lastFalse = -Infinity;
        for (const at of fires) {
          const ev = evs.find((e) => at > e.onset && at <= e.end + 2 * 3_600_000);
          if (!ev) {
            if (at - lastFalse > 15 * 60_000) falseOpen++;
            lastFalse = at;
          } else if (!CRISES.includes(ev.kind)) benign.push(ev.kind);
        }
        for (const e of evs) {
          if (!['slow_burn', 'sharp_spike'].includes(e.kind)) continue;
          const inside = fires.filter((a) => a > e.onset && a <= e.end + 2 * 3_600_000);
          const d = inside.length ? (inside[0] - e.onset) / 60_000 : Infinity;
          (e.kind === 'slow_burn' ? slow : crises).push(`${d}m(${inside.length})`);
          if (e.kind === 'slow_burn' && !(d <= 180)) ok = false;
        }
      }
      if (falseOpen > 4 || benign.length) ok = false;
      lines.push(
        `s${seed}: slow ${slow.join(' ')} spikes ${crises.join(' ')} false ${falseOpen} benign ${benign.join(',') || 0}`,
      );
    }
    console.log(`${ok ? 'OK ' : '-- '}${JSON.stringify(cand)} | ${lines.join(' | ')}`);
  }

/**
 * ORACLE=3 (hours): how separable the slow burns are. For each burn, the strongest firing statistic of the
 * rule (significance 0, no floors) at that many hours after the rise; per topic, the strongest outside events.
 */
if (process.env.ORACLE) {
  const HOURS = Number(process.env.ORACLE);
  const t: DetectionThresholds = {
    ...DEFAULT_THRESHOLDS,
    ...candidates[0],
    trendSignificance: 0.01,
    enabledRules: ['negative_trend'],
  };
  for (const { seed, sc, streams } of data) {
    const burns: string[] = [];
    const quiet: string[] = [];
    for (const [key, stream] of streams) {
      const evs = sc.events.filter((e) => e.topic === key);
      const all = firings(stream, t, sc.start, sc.end);
      for (const e of evs.filter((x) => x.kind === 'slow_burn')) {
        const at = e.onset + HOURS * 3_600_000;
        const upTo = all.filter((f) => f.at > e.onset && f.at <= at);
        burns.push(`${key} ${Math.max(0, ...upTo.map((f) => f.sig)).toFixed(1)}`);
      }
      const outside = all.filter((f) => !evs.some((e) => f.at > e.onset && f.at <= e.end + 2 * 3_600_000));
      quiet.push(`${key} ${Math.max(0, ...outside.map((f) => f.sig)).toFixed(1)}`);
      const benign = all.filter((f) =>
        evs.some((e) => !CRISES.includes(e.kind) && f.at > e.onset && f.at <= e.end + 2 * 3_600_000),
      );
      if (benign.length) quiet.push(`(benign ${Math.max(...benign.map((f) => f.sig)).toFixed(1)})`);
    }
    console.log(
      `seed ${seed}: burns by ${HOURS} h ${burns.join(', ')}; strongest outside ${quiet.join(', ')}`,
    );
  }
}
