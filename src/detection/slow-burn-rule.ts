import { sumRange } from './detection-rules.js';
import type { BucketCounts, DetectionThresholds, Finding } from './detection-rules.js';

/**
 * One negative mention of a topic: when, who wrote it (outlet, page or account), and whether it is a new voice
 * (the author had posted nothing on the topic in the trendBaselineDays before it).
 */
export interface NegativePost {
  at: number;
  author: string;
  fresh: boolean;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * Not fading: the last hour brings at least half the window's hourly average of new voices (a few voices an
 * hour fluctuate; the tail of a past crisis brings almost none).
 */
const NOT_FADING = 0.5;
/**
 * Still coming, against the usual: the last hour's new voices are themselves at most 1 in 10^STILL_COMING likely
 * under the usual hourly number (the window's expected new voices per hour, same spread). A six-hour window that
 * still holds a past crisis' new voices, followed by an ordinary hour, is that crisis' tail, not a new slow burn
 * (bench:detection seed 3: a room reopened two hours after a slow burn had ended on the same topic).
 */
const STILL_COMING = 1;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Distinct authors among the posts in [from, to) (only the new voices among them with `fresh`). */
export function distinctAuthors(posts: NegativePost[], from: number, to: number, fresh = false): number {
  const seen = new Set<string>();
  for (const p of posts) if (p.at >= from && p.at < to && (!fresh || p.fresh)) seen.add(p.author);
  return seen.size;
}

/**
 * New voices among the posts in [from, to) other than `except`'s (the author whose item is being picked up):
 * the pick-up of an authority item, counted as the slow burn counts a grievance spreading.
 */
export function newVoicesExcept(
  posts: NegativePost[],
  from: number,
  to: number,
  except: string | null,
): number {
  return distinctAuthors(except === null ? posts : posts.filter((p) => p.author !== except), from, to, true);
}

/**
 * −log10 of the Chernoff bound on P(X ≥ observed) for X ~ Poisson(expected): 4 means "one chance in ten
 * thousand" of seeing that many by chance.
 */
export function poissonSignificance(observed: number, expected: number): number {
  if (expected <= 0 || observed <= expected) return 0;
  return (observed * Math.log(observed / expected) - (observed - expected)) / Math.LN10;
}

/** How far back the slow-burn rule needs negative posts and buckets before `end`. */
export function slowBurnLookbackHours(t: DetectionThresholds): number {
  return Math.max(1, ...t.trendWindowsHours) + 24 * t.trendBaselineDays;
}

/**
 * How far back the rule reads a topic's mentions before `end`: the earlier days' same hours, and for the day
 * before the window, whether each negative post is a new voice (trendBaselineDays of memory before it).
 */
export function slowBurnScanHours(t: DetectionThresholds): number {
  return Math.max(1, ...t.trendWindowsHours) + 24 + 24 * t.trendBaselineDays;
}

interface Candidate {
  w: number;
  from: number;
  authors: number;
  fresh: number;
  expected: number;
  freshShare: number;
  daily: number[];
  dispersion: number;
  sig: number;
  negative: number;
  volume: number;
  reach: number;
}

/**
 * The slow burn (negative_trend, opens): a grievance spreading to people who do not usually talk about the
 * topic. Over each rolling window of trendWindowsHours ending at `end`, the new voices: distinct outlets, pages
 * and accounts posting negative items who had posted nothing on the topic in the trendBaselineDays before.
 * What is usual: the distinct negative authors of the same hours on the trendBaselineDays days before (the
 * topic's daily rhythm), times the share of new voices among the negative authors of the day before the window.
 * Ordinary criticism comes from the topic's usual crowd; a few regulars arguing under one post are not new
 * voices however many comments they trade.
 *
 * Fires when, in the window, at least trendMinAuthors new voices and trendMinCount negative mentions, a
 * negative share of at least trendMinShare (a viral burst of praise brings new people with critical comments
 * too), new voices in the last hour at least half the window's hourly average and themselves unusual (at most 1
 * in 10 likely against the usual hourly number: still coming, not the fading tail of a past crisis), and that
 * many new voices at most 1 in 10^trendSignificance likely (a Poisson bound, its spread widened by how much the
 * earlier days differ among themselves). Needs one earlier day (`historyStart`).
 */
export function evaluateSlowBurn(
  end: number,
  rows: BucketCounts[],
  posts: NegativePost[],
  t: DetectionThresholds,
  topicName: string,
  historyStart: number,
): Finding | null {
  if (!t.enabledRules.includes('negative_trend')) return null;
  let best: Candidate | null = null;
  const lastHourFresh = distinctAuthors(posts, end - HOUR_MS, end, true);
  for (const w of t.trendWindowsHours) {
    const from = end - w * HOUR_MS;
    const fresh = distinctAuthors(posts, from, end, true);
    if (fresh < t.trendMinAuthors || lastHourFresh * w < NOT_FADING * fresh) continue;
    const cur = sumRange(rows, from, end);
    if (cur.negative < t.trendMinCount || !cur.volume || cur.negative / cur.volume < t.trendMinShare)
      continue;
    const daily: number[] = [];
    for (let k = 1; k <= t.trendBaselineDays; k++) {
      if (from - k * DAY_MS < historyStart) break;
      daily.push(distinctAuthors(posts, from - k * DAY_MS, end - k * DAY_MS));
    }
    if (!daily.length) continue;
    const mean = daily.reduce((a, b) => a + b, 0) / daily.length;
    // New voices among the day before's negative authors (a little prior: one in five).
    const dayAuthors = distinctAuthors(posts, from - DAY_MS, from);
    const freshShare = Math.max(
      (distinctAuthors(posts, from - DAY_MS, from, true) + 1) / (dayAuthors + 5),
      0.05,
    );
    // At least a quarter of a new voice per hour: a topic silent at that hour is not "infinitely" surprised.
    const expected = Math.max(mean * freshShare, 0.25 * w);
    // Days differ more than chance alone would make them (a busy Monday): widen the spread by as much, and
    // assume so when there are too few days to tell.
    const variance =
      daily.length >= 3 ? daily.reduce((a, b) => a + (b - mean) ** 2, 0) / (daily.length - 1) : 2 * mean;
    const dispersion = Math.min(Math.max(1, variance / Math.max(mean, 1)), 4);
    const sig = poissonSignificance(fresh / dispersion, expected / dispersion);
    if (poissonSignificance(lastHourFresh / dispersion, expected / w / dispersion) < STILL_COMING) continue;
    if (sig >= t.trendSignificance && (!best || sig > best.sig))
      best = {
        w,
        from,
        authors: distinctAuthors(posts, from, end),
        fresh,
        expected,
        freshShare,
        daily,
        dispersion,
        sig,
        ...cur,
      };
  }
  if (!best) return null;
  const hourly: { start: string; volume: number; negative: number; authors: number; newAuthors: number }[] =
    [];
  for (let h = best.from; h < end; h += HOUR_MS) {
    const x = sumRange(rows, h, h + HOUR_MS);
    hourly.push({
      start: new Date(h).toISOString(),
      volume: x.volume,
      negative: x.negative,
      authors: distinctAuthors(posts, h, h + HOUR_MS),
      newAuthors: distinctAuthors(posts, h, h + HOUR_MS, true),
    });
  }
  const share = best.negative / best.volume;
  const usual = Math.round(best.expected);
  const window = { start: new Date(best.from).toISOString(), end: new Date(end).toISOString() };
  return {
    rule: 'negative_trend',
    windowStart: new Date(best.from),
    windowEnd: new Date(end),
    mentionIds: [],
    reach: best.reach,
    velocityPerHour: best.volume / best.w,
    negativeShare: share,
    evidence: {
      rule: 'negative_trend',
      summary:
        `Ý kiến tiêu cực về «${topicName}» đang lan sang nhiều người mới: trong ${best.w} giờ qua ` +
        `${best.fresh} người, trang chưa từng nhắc đến chủ đề này đã lên tiếng phê phán, và vẫn đang tăng ` +
        `(${best.negative} đề cập tiêu cực từ ${best.authors} người, trang; ${pct(share)} tổng số đề cập); ` +
        (usual >= 1
          ? `cùng khung giờ những ngày trước thường chỉ khoảng ${usual} người mới`
          : `cùng khung giờ những ngày trước gần như không có người mới`),
      window,
      observed: {
        volume: best.volume,
        negative: best.negative,
        reach: best.reach,
        velocityPerHour: round(best.volume / best.w),
      },
      negativeShare: round(share, 3),
      strength: round(best.sig),
      trend: {
        windowHours: best.w,
        authors: best.authors,
        newAuthors: best.fresh,
        expectedNewAuthors: round(best.expected),
        newAuthorShareBefore: round(best.freshShare, 3),
        baselineDays: best.daily.length,
        dailyAuthors: best.daily,
        dispersion: round(best.dispersion),
        share: round(share, 3),
        significance: round(best.sig),
        hourly,
      },
      thresholds: {
        trendWindowsHours: t.trendWindowsHours.join(', '),
        trendBaselineDays: t.trendBaselineDays,
        trendMinAuthors: t.trendMinAuthors,
        trendMinCount: t.trendMinCount,
        trendMinShare: t.trendMinShare,
        trendSignificance: t.trendSignificance,
      },
    },
  };
}
