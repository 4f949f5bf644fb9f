/**
 * Offline replay of the authority-with-traction rule (evaluateTraction in src/detection/detection-rules.ts) on
 * the streams of bench:detection (bench/detection-data.ts, same seeds, same fortnight ending at the last
 * midnight, Vietnam time), with no database and no HTTP (seconds for the three seeds). Folds each topic's
 * mentions here (topic by its terms, sentiment from the feed or the service's lexicon, author = outlet, as
 * bench/detection-offline.ts does) and plays what detection.flow.ts does after each five-minute batch: every
 * authority item of the last tractionWindowMinutes (a negative item from a major outlet, or past the reach or
 * followers bar) is checked for pick-up since it — negative mentions by other outlets and accounts, their
 * number, the new voices among them (newVoicesExcept, as the slow burn counts them), the topic's usual
 * negative rate over baselineWindowHours before the item — during the cold start (first coldStartHours)
 * nothing opens. A single item past authorityOpenReachThreshold is left out (no bench item comes near it).
 *
 * Prints per seed the openings outside every crisis (a firing more than fifteen minutes after the previous
 * one on the topic, the duty officer's dismissal, counts as a new opening; how many of them fell in benign
 * events), and per crisis (sharp spikes, slow burns, fake news) whether the rule fired and after how many
 * minutes of stream time. The bench has no crisis of its own kind for this rule: crises whose pick-up brings
 * new voices (spikes and burns, which national outlets report and many people repeat) are where it should
 * fire; it is the first rule for none of them.
 *
 *   npx tsc -p tsconfig.build.json --outDir /tmp/offdist && \
 *     node /tmp/offdist/bench/authority-offline.js '[{"tractionMinNewVoices":0},{}]'
 */
import { BUCKET_MS, buildScenario, CRISIS_KINDS, TOPICS } from './detection-data.js';
import type { Scenario } from './detection-data.js';
import { DEFAULT_THRESHOLDS, evaluateTraction, isAuthorityItem } from '../src/detection/detection-rules.js';
import type { DetectionThresholds, NotableItem } from '../src/detection/detection-rules.js';
import { newVoicesExcept } from '../src/detection/slow-burn-rule.js';
import type { NegativePost } from '../src/detection/slow-burn-rule.js';
import { LexiconSentimentScorer } from '../src/signals/sentiment-lexicon.js';
import { foldText } from '../src/common/text.js';

const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const DAYS = Number(process.env.BENCH_DAYS ?? 14);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 2.5);
const HOUR_MS = 3_600_000;

interface Mention {
  at: number;
  author: string;
  negative: boolean;
  item: NotableItem;
}

interface TopicStream {
  mentions: Mention[];
  /** Negative mentions with their authors and whether each is a new voice (memory: trendBaselineDays). */
  posts: NegativePost[];
}

function topicStreams(sc: Scenario, t: DetectionThresholds): Map<string, TopicStream> {
  const scorer = new LexiconSentimentScorer();
  const terms = TOPICS.map((x) => ({ key: x.key, terms: x.anyTerms.map(foldText) }));
  const out = new Map(TOPICS.map((x) => [x.key, { mentions: [], posts: [] } as TopicStream]));
  const lastSeen = new Map(TOPICS.map((x) => [x.key, new Map<string, number>()]));
  const memory = t.trendBaselineDays * 24 * HOUR_MS;
  let n = 0;
  for (let i = 0; i < sc.buckets; i++) {
    for (const item of sc.bucket(i)) {
      const text = foldText(`${item.title} ${item.text}`);
      const label = item.sentiment ?? scorer.score(`${item.title}. ${item.text}`).label;
      const at = Date.parse(item.publishedAt);
      for (const x of terms) {
        if (!x.terms.some((term) => text.includes(term))) continue;
        const stream = out.get(x.key)!;
        const seen = lastSeen.get(x.key)!;
        const before = seen.get(item.outlet);
        const negative = label === 'negative';
        if (negative)
          stream.posts.push({ at, author: item.outlet, fresh: before === undefined || before < at - memory });
        seen.set(item.outlet, at);
        stream.mentions.push({
          at,
          author: item.outlet,
          negative,
          item: {
            mentionId: String(++n),
            matchedOn: 'term',
            sentiment: label,
            fakeNewsLabel: item.fakeNewsLabel ?? null,
            reach: item.reach,
            followers: item.followers,
            verified: item.verified,
            outlet: item.outlet,
            url: item.url,
            occurredAt: new Date(at),
          },
        });
      }
    }
  }
  for (const s of out.values()) {
    s.mentions.sort((a, b) => a.at - b.at);
    s.posts.sort((a, b) => a.at - b.at);
  }
  return out;
}

/** First index with `at` ≥ x in a list sorted by `at`. */
function lowerBound(list: { at: number }[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rule after every batch (bucket end), as detection.flow.ts runs it: the bucket ends at which it fires. */
function firings(s: TopicStream, t: DetectionThresholds, start: number, end: number): number[] {
  const windowMs = t.tractionWindowMinutes * 60_000;
  const bucketSeconds = BUCKET_MS / 1000;
  const fired = new Set<number>();
  const authority = s.mentions.filter((m) => isAuthorityItem(m.item, t));
  for (const a of authority) {
    const from = a.at;
    const baseFrom = from - t.baselineWindowHours * HOUR_MS;
    const usualNegative = s.mentions
      .slice(lowerBound(s.mentions, baseFrom), lowerBound(s.mentions, from))
      .filter((m) => m.negative).length;
    const perBucket = usualNegative / ((t.baselineWindowHours * 3600) / bucketSeconds);
    // Batches whose window reaches the item: from the end of its bucket to tractionWindowMinutes (+ a bucket) after.
    const first = Math.floor(from / BUCKET_MS) * BUCKET_MS + BUCKET_MS;
    for (
      let latestEnd = first;
      latestEnd <= Math.min(end, from + windowMs + BUCKET_MS);
      latestEnd += BUCKET_MS
    ) {
      if (latestEnd - start < t.coldStartHours * HOUR_MS) continue;
      const to = Math.min(from + windowMs, latestEnd);
      if (to <= from) continue;
      const inWindow = s.mentions.slice(lowerBound(s.mentions, from), lowerBound(s.mentions, to));
      const others = inWindow.filter((m) => m !== a);
      const picking = others.filter((m) => m.negative && m.author !== a.author);
      const pickup = {
        mentions: picking.length,
        outlets: new Set(picking.map((m) => m.author)).size,
        volume: others.length,
        expected: perBucket * ((to - from) / BUCKET_MS),
        newVoices: newVoicesExcept(
          s.posts.slice(lowerBound(s.posts, from), lowerBound(s.posts, to)),
          from,
          to,
          a.item.outlet,
        ),
      };
      if (evaluateTraction(a.item, pickup, t, 'x', bucketSeconds, new Date(to))) {
        fired.add(latestEnd);
        break;
      }
    }
  }
  return [...fired].sort((x, y) => x - y);
}

const candidates = JSON.parse(process.argv[2] ?? '[{}]') as Partial<DetectionThresholds>[];
const end = Math.floor((Date.now() + 7 * HOUR_MS) / 86_400_000) * 86_400_000 - 7 * HOUR_MS;
const AFTER_MS = 2 * HOUR_MS;

for (const cand of candidates) {
  const t: DetectionThresholds = { ...DEFAULT_THRESHOLDS, ...cand, enabledRules: ['authority_traction'] };
  const lines: string[] = [];
  for (const seed of SEEDS) {
    const sc = buildScenario(seed, end, DAYS, BACKGROUND);
    const crises: string[] = [];
    let falseOpen = 0;
    const benign: string[] = [];
    for (const [key, stream] of topicStreams(sc, t)) {
      const fires = firings(stream, t, sc.start, sc.end);
      const evs = sc.events.filter((e) => e.topic === key);
      let lastFalse = -Infinity;
      for (const at of fires) {
        const ev = evs.find((e) => at > e.onset && at <= e.end + AFTER_MS);
        if (ev && CRISIS_KINDS.includes(ev.kind)) continue;
        if (at - lastFalse > 15 * 60_000) {
          falseOpen++;
          if (ev) benign.push(ev.kind);
        }
        lastFalse = at;
      }
      for (const e of evs.filter((x) => CRISIS_KINDS.includes(x.kind))) {
        const inside = fires.filter((at) => at > e.onset && at <= e.end + AFTER_MS);
        crises.push(`${e.kind} ${inside.length ? `${(inside[0] - e.onset) / 60_000}m` : '—'}`);
      }
    }
    lines.push(
      `seed ${seed}: false openings ${falseOpen} (in benign events: ${benign.join(', ') || 0}); crises: ${crises.join(', ')}`,
    );
  }
  console.log(`${JSON.stringify(cand)}\n  ${lines.join('\n  ')}`);
}
