/** Item rules: one high-authority negative item, its traction, fake news naming the unit. */
import { foldText } from '../common/text.js';
import type { Finding } from './detection-evidence.js';
import type { DetectionThresholds } from './detection-thresholds.js';
import { round } from './detection-wording.js';

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
