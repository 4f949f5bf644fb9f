/**
 * Labelled scenario for bench:detection: a fortnight of Vietnamese mentions on four watchlist topics of the
 * fictional Tỉnh An Hòa, in five-minute buckets, with labelled events of every shape detection must tell apart.
 *
 * - Background: diurnal chatter (quiet at night, busy in office hours, Vietnam time), about 15 % negative, a
 *   third of the negative items from national outlets (VnExpress, Tuổi Trẻ, Thanh Niên…), about a third of the
 *   texts typed without diacritics, 70 % with the feed's sentiment (the rest scored by the service's lexicon).
 * - Crises (a room should open): sharp negative spikes, slow negative burns (negativity rising over 18 hours at
 *   modest volume), fake news naming the unit.
 * - Not crises (no room should open): positive viral bursts, neutral news waves, one-off negative articles from
 *   a major outlet, and heated complaint threads (a few people arguing for hours under one post).
 *
 * Who posts (the model behind the slow-burn rule's evidence, not fitted to it):
 * - Every item has an author: a national or provincial outlet, a local page, or, for a bit more than half of
 *   the chatter, a person's own account. Each topic has a pool of people who talk about it, few of them often
 *   and most of them rarely (the k-th most active posts about 1/k as often): ordinary chatter comes back to
 *   the same voices.
 * - Ordinary days differ: each topic-day's level is drawn between 0.8 and 1.25 times the usual.
 * - Ordinary negativity is also clustered: on about half the days, per topic, a complaint thread (two to five
 *   regulars trading 8–25 negative comments over 40–120 minutes under one post), unlabelled; and twice a
 *   fortnight a labelled heated thread (three to six people, 30–45 negative comments over three hours). Neither
 *   is a crisis: few people, one place.
 * - A slow burn is a grievance spreading: its negative items come mostly from people who had not posted on
 *   the topic (new voices join hour after hour), pages and newspapers pick it up more and more (from one item
 *   in ten at the rise to one in two at the end), and what is posted is shared more and more (reach and
 *   engagement up to seven times the usual at the end). Its volume is unchanged from earlier versions: 0.3 to
 *   5 extra items per five minutes over 18 hours, 80 % negative.
 *
 * Everything is a pure function of the seed: runs compare.
 */

import { LOCAL_OUTLETS, NATIONAL_OUTLETS } from './support/vietnamese-mentions.js';
import type { Outlet } from './support/vietnamese-mentions.js';

export const BUCKET_MS = 5 * 60_000;
export const DAY_MS = 24 * 3_600_000;

export type EventKind =
  | 'sharp_spike'
  | 'slow_burn'
  | 'fake_news'
  | 'positive_burst'
  | 'neutral_wave'
  | 'oneoff_article'
  | 'complaint_thread';
export const CRISIS_KINDS: EventKind[] = ['sharp_spike', 'slow_burn', 'fake_news'];
export const EVENT_LABEL: Record<EventKind, string> = {
  sharp_spike: 'đột biến tiêu cực',
  slow_burn: 'tiêu cực âm ỉ tăng dần',
  fake_news: 'tin giả nêu tên đơn vị',
  positive_burst: 'lan truyền tích cực',
  neutral_wave: 'làn sóng tin trung tính',
  oneoff_article: 'một bài tiêu cực của báo lớn',
  complaint_thread: 'vài người tranh cãi gay gắt dưới một bài',
};

export interface ScenarioTopic {
  key: string;
  unit: string;
  name: string;
  category: string;
  anyTerms: string[];
  unitNames: string[];
  lead: string[];
  negative: string[];
  neutral: string[];
  positive: string[];
}

export const UNITS = [
  { key: 'syt', name: 'Sở Y tế tỉnh An Hòa' },
  { key: 'dl', name: 'Công ty Điện lực An Hòa' },
  { key: 'sgd', name: 'Sở Giáo dục và Đào tạo tỉnh An Hòa' },
  { key: 'ubnd', name: 'Ủy ban nhân dân tỉnh An Hòa' },
] as const;

export const TOPICS: ScenarioTopic[] = [
  {
    key: 'food',
    unit: 'syt',
    name: 'An toàn thực phẩm trường học',
    category: 'public_health',
    anyTerms: ['ngộ độc', 'bếp ăn tập thể', 'bữa ăn bán trú'],
    unitNames: ['Sở Y tế An Hòa'],
    lead: [
      'Kiểm tra bếp ăn tập thể trường tiểu học',
      'Bữa ăn bán trú của học sinh mùa khai giảng',
      'Tập huấn phòng chống ngộ độc thực phẩm',
    ],
    negative: [
      'phụ huynh rất bức xúc vì nhà trường chậm trễ',
      'nhiều cháu phải nhập viện, gia đình hoang mang',
    ],
    neutral: ['cơ quan chức năng đang lấy mẫu xét nghiệm', 'trung tâm y tế đang theo dõi'],
    positive: ['các cháu được chăm sóc chu đáo, phụ huynh yên tâm', 'bữa ăn ngon, sạch, được khen ngợi'],
  },
  {
    key: 'power',
    unit: 'dl',
    name: 'Mất điện, hóa đơn tiền điện',
    category: 'service_failure',
    // "ngừng cấp điện": the wording of outage notices, and of the first lead below (without it, a third of the
    // topic's items, its events' included, never reached the topic, while the market baseline counted them).
    anyTerms: ['mất điện', 'cắt điện', 'ngừng cấp điện', 'hóa đơn tiền điện'],
    unitNames: ['Điện lực An Hòa'],
    lead: [
      'Lịch tạm ngừng cấp điện để bảo trì',
      'Hóa đơn tiền điện tháng này',
      'Điện lực thông báo lịch cắt điện',
    ],
    negative: ['người dân bức xúc vì không được báo trước', 'khách hàng phản đối vì tiền điện tăng vô lý'],
    neutral: ['điện lực thông báo lịch bảo trì đường dây', 'ngành điện giải thích cách tính bậc thang'],
    positive: ['điện lực khắc phục sự cố nhanh chóng', 'người dân cảm ơn đội sửa chữa làm việc xuyên đêm'],
  },
  {
    key: 'fees',
    unit: 'sgd',
    name: 'Học phí và các khoản thu',
    category: 'policy_backlash',
    anyTerms: ['học phí', 'lạm thu', 'các khoản thu đầu năm'],
    unitNames: ['Sở Giáo dục An Hòa'],
    lead: ['Công khai các khoản thu đầu năm học', 'Hướng dẫn miễn, giảm học phí', 'Họp phụ huynh về học phí'],
    negative: ['nhiều gia đình bất bình vì thu sai quy định', 'phụ huynh phản đối vì lạm thu'],
    neutral: ['sở đang rà soát danh mục các khoản thu', 'nhà trường giải trình tại cuộc họp'],
    positive: ['nhà trường công khai minh bạch, phụ huynh hài lòng', 'học sinh vui mừng được miễn học phí'],
  },
  {
    key: 'admin',
    unit: 'ubnd',
    name: 'Thủ tục hành chính, dịch vụ công',
    category: 'service_failure',
    anyTerms: ['thủ tục hành chính', 'bộ phận một cửa', 'dịch vụ công'],
    unitNames: ['UBND tỉnh An Hòa'],
    lead: ['Bộ phận một cửa của phường', 'Cổng dịch vụ công trực tuyến', 'Thủ tục hành chính cấp sổ đỏ'],
    negative: ['người dân phải chờ cả buổi, hồ sơ bị trả lại', 'hệ thống lỗi liên tục, người dân thất vọng'],
    neutral: ['tỉnh công bố danh mục thủ tục được cắt giảm', 'đoàn công tác làm việc về cải cách hành chính'],
    positive: ['cán bộ tận tình, hồ sơ giải quyết nhanh', 'người dân rất hài lòng với dịch vụ công'],
  },
];

const { baoAnHoa, hoiCuDan, gocPho, tinNong, otofun, phuHuynh } = LOCAL_OUTLETS;
const LOCAL: Outlet[] = [baoAnHoa, hoiCuDan, gocPho, tinNong, otofun, phuHuynh];
const NATIONAL: readonly Outlet[] = NATIONAL_OUTLETS;

/** mulberry32 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)];

/** Poisson draw (Knuth for small means, normal approximation above 30). */
function poisson(r: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(r)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}
function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export interface Item {
  externalId: string;
  sourceType: string;
  platform: string;
  outlet: string;
  followers: number;
  verified: boolean;
  url: string;
  title: string;
  text: string;
  publishedAt: string;
  reach: number;
  reactions: number;
  comments: number;
  shares: number;
  sentiment?: string;
  language: string;
  fakeNewsLabel?: string;
}

export interface ScenarioEvent {
  id: string;
  kind: EventKind;
  topic: string;
  onset: number;
  /** End of the event's own activity (the bench allows openings up to two hours after it). */
  end: number;
}

export interface Scenario {
  seed: number;
  start: number;
  end: number;
  events: ScenarioEvent[];
  /** Per bucket (index from start), the items of every topic. */
  bucket(i: number): Item[];
  buckets: number;
  /** Per topic, per bucket: total items (for the market-style baseline, counted from the same items). */
  volumes: Map<string, number[]>;
}

/** Vietnam time of day (UTC+7) in hours, for the diurnal shape. */
const vnHour = (t: number) => (((t / 3_600_000 + 7) % 24) + 24) % 24;
function diurnal(t: number): number {
  const h = vnHour(t);
  if (h < 5) return 0.15;
  if (h < 7) return 0.15 + ((h - 5) / 2) * 0.85;
  if (h < 22) return 1 + 0.35 * Math.sin(((h - 7) / 15) * Math.PI);
  return 1 - ((h - 22) / 2) * 0.85;
}

const SCHEDULE: { kind: EventKind; count: number }[] = [
  { kind: 'sharp_spike', count: 2 },
  { kind: 'slow_burn', count: 2 },
  { kind: 'fake_news', count: 1 },
  { kind: 'positive_burst', count: 2 },
  { kind: 'neutral_wave', count: 2 },
  { kind: 'oneoff_article', count: 3 },
  { kind: 'complaint_thread', count: 2 },
];
const DURATION_H: Record<EventKind, number> = {
  sharp_spike: 3,
  slow_burn: 18,
  fake_news: 2,
  positive_burst: 4,
  neutral_wave: 5,
  oneoff_article: 1,
  complaint_thread: 3,
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Hữu', 'Ngọc', 'Đức', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Nam',
  'Phương',
  'Quân',
];
const PERSONAL = [
  { platform: 'facebook', sourceType: 'social' },
  { platform: 'facebook', sourceType: 'social' },
  { platform: 'facebook', sourceType: 'social' },
  { platform: 'tiktok', sourceType: 'video' },
  { platform: 'zalo', sourceType: 'social' },
];
/** People who talk about a topic. */
const POOL = 2000;

/** The n-th person's own account (same n, same person). */
function person(n: number): Outlet {
  const kind = PERSONAL[n % PERSONAL.length];
  return {
    name: `${FAMILY[n % 12]} ${MIDDLE[Math.floor(n / 12) % 8]} ${GIVEN[Math.floor(n / 96) % 13]} ${n}`,
    platform: kind.platform,
    sourceType: kind.sourceType,
    followers: 50 + ((n * 7919) % 5000),
    verified: false,
  };
}

/** One of a topic's people: the k-th most active posts about 1/k as often (Zipf: few often, most rarely). */
function regular(r: () => number, topicIndex: number): Outlet {
  return person(topicIndex * POOL + Math.min(Math.floor(POOL ** r()), POOL));
}

interface Thread {
  topic: string;
  start: number;
  end: number;
  people: Outlet[];
  perBucket: number;
}

/**
 * The scenario of one seed: `days` days ending at `end` (a bucket boundary), `background` mean items per topic
 * per five minutes at the day's average level.
 */
export function buildScenario(seed: number, end: number, days: number, background: number): Scenario {
  const start = end - days * DAY_MS;
  const buckets = Math.round((end - start) / BUCKET_MS);
  const r = rng(seed);
  // Events: from day 2 on (a running system has history), office hours, at least a day apart on one topic.
  const events: ScenarioEvent[] = [];
  const busy = new Map<string, [number, number][]>();
  let n = 0;
  for (const { kind, count } of SCHEDULE) {
    for (let c = 0; c < count; c++) {
      for (let attempt = 0; attempt < 500; attempt++) {
        const topic =
          kind === 'fake_news'
            ? pick(
                r,
                TOPICS.filter((t) => t.unitNames.length),
              )
            : pick(r, TOPICS);
        const day = 2 + Math.floor(r() * (days - 3));
        const hourVn = 8 + Math.floor(r() * 9);
        const dayStart = start + day * DAY_MS;
        // The bucket whose Vietnam time is hourVn on that day.
        let onset = dayStart + ((hourVn - vnHour(dayStart) + 48) % 24) * 3_600_000;
        onset = Math.floor(onset / BUCKET_MS) * BUCKET_MS + Math.floor(r() * 6) * BUCKET_MS;
        const evEnd = onset + DURATION_H[kind] * 3_600_000;
        if (evEnd + 3 * 3_600_000 > end) continue;
        const spans = busy.get(topic.key) ?? [];
        if (spans.some(([a, b]) => onset < b + DAY_MS && evEnd + DAY_MS > a)) continue;
        spans.push([onset, evEnd]);
        busy.set(topic.key, spans);
        events.push({ id: `${kind}-${++n}`, kind, topic: topic.key, onset, end: evEnd });
        break;
      }
    }
  }
  events.sort((a, b) => a.onset - b.onset);

  // Each topic-day's level, the ordinary complaint threads (unlabelled) and who argues in the labelled ones.
  const tr = rng(seed * 7_919 + 17);
  const threads: Thread[] = [];
  const dayLevel: number[][] = TOPICS.map(() => []);
  for (let d = 0; d <= days; d++) {
    TOPICS.forEach((topic, ti) => {
      dayLevel[ti][d] = 0.8 + 0.45 * tr();
      if (tr() >= 0.5) return;
      const dayStart = start + d * DAY_MS;
      const from = dayStart + ((7 + tr() * 14 - vnHour(dayStart) + 48) % 24) * 3_600_000;
      const duration = (40 + tr() * 80) * 60_000;
      const people = Array.from({ length: 2 + Math.floor(tr() * 4) }, () => regular(tr, ti));
      const count = 8 + Math.floor(tr() * 18);
      threads.push({
        topic: topic.key,
        start: from,
        end: from + duration,
        people,
        perBucket: count / (duration / BUCKET_MS),
      });
    });
  }
  for (const ev of events.filter((e) => e.kind === 'complaint_thread')) {
    const ti = TOPICS.findIndex((t) => t.key === ev.topic);
    const people = Array.from({ length: 3 + Math.floor(tr() * 4) }, () => regular(tr, ti));
    const count = 30 + Math.floor(tr() * 16);
    threads.push({
      topic: ev.topic,
      start: ev.onset,
      end: ev.end,
      people,
      perBucket: count / ((ev.end - ev.onset) / BUCKET_MS),
    });
  }
  /** Someone who had not posted on the topic before (a new voice). */
  const newVoice = (r: () => number) => person(1_000_000 + Math.floor(r() * 9_000_000));

  const volumes = new Map(TOPICS.map((t) => [t.key, new Array<number>(buckets).fill(0)]));
  const bucket = (i: number): Item[] => {
    const t0 = start + i * BUCKET_MS;
    const br = rng(seed * 1_000_003 + i * 7919);
    const items: Item[] = [];
    let k = 0;
    const make = (
      topic: ScenarioTopic,
      sentiment: 'negative' | 'neutral' | 'positive',
      o: {
        outlet?: Outlet;
        reach?: number;
        title?: string;
        text?: string;
        fake?: string;
        tag: string;
        /** How much more it is shared than usual. */
        boost?: number;
      },
    ) => {
      const outlet =
        o.outlet ??
        (sentiment === 'negative' && br() < 1 / 3
          ? pick(br, NATIONAL)
          : br() < 0.55
            ? regular(br, TOPICS.indexOf(topic))
            : pick(br, LOCAL));
      // 7 … 60k, heavy-tailed
      const reach = o.reach ?? Math.floor(Math.exp(2 + br() * 9) * (o.boost ?? 1));
      let title = o.title ?? `${pick(br, topic.lead)}`;
      let text = o.text ?? `${title}: ${pick(br, topic[sentiment])}.`;
      if (br() < 0.3) {
        title = stripDiacritics(title);
        text = stripDiacritics(text);
      }
      const id = `${seed}-${i}-${k++}`;
      const item: Item = {
        externalId: `bd-${o.tag}-${id}`,
        sourceType: outlet.sourceType,
        platform: outlet.platform,
        outlet: outlet.name,
        followers: outlet.followers,
        verified: outlet.verified,
        url: `https://${outlet.platform.includes('.') ? outlet.platform : `${outlet.platform}.com`}/p/${id}`,
        title,
        text: `${text} (#${id})`,
        publishedAt: new Date(t0 + Math.floor(br() * (BUCKET_MS - 1000))).toISOString(),
        reach,
        reactions: Math.floor(reach * 0.04),
        comments: Math.floor(reach * 0.01),
        shares: Math.floor(reach * 0.005),
        language: 'vi',
      };
      if (br() < 0.7) item.sentiment = sentiment;
      if (o.fake) item.fakeNewsLabel = o.fake;
      items.push(item);
      volumes.get(topic.key)![i]++;
    };
    const mix = (
      topic: ScenarioTopic,
      count: number,
      neg: number,
      pos: number,
      tag: string,
      national = 1 / 3,
    ) => {
      for (let j = 0; j < count; j++) {
        const x = br();
        const s = x < neg ? 'negative' : x < neg + pos ? 'positive' : 'neutral';
        make(topic, s, {
          tag,
          outlet: br() < national ? pick(br, NATIONAL) : br() < 0.5 ? newVoice(br) : pick(br, LOCAL),
        });
      }
    };
    const day = Math.floor((t0 - start) / DAY_MS);
    TOPICS.forEach((topic, ti) => {
      const n = poisson(br, background * diurnal(t0) * dayLevel[ti][day]);
      for (let j = 0; j < n; j++) {
        const x = br();
        make(topic, x < 0.15 ? 'negative' : x < 0.3 ? 'positive' : 'neutral', { tag: 'bg' });
      }
    });
    for (const th of threads) {
      if (t0 < th.start || t0 >= th.end) continue;
      const topic = TOPICS.find((t) => t.key === th.topic)!;
      const n = poisson(br, th.perBucket);
      for (let j = 0; j < n; j++) make(topic, 'negative', { tag: 'th', outlet: pick(br, th.people) });
    }
    for (const ev of events) {
      if (t0 < ev.onset || t0 >= ev.end) continue;
      const topic = TOPICS.find((t) => t.key === ev.topic)!;
      const m = (t0 - ev.onset) / BUCKET_MS; // buckets since onset
      const frac = (t0 - ev.onset) / (ev.end - ev.onset);
      switch (ev.kind) {
        case 'sharp_spike': {
          // Rises within 15 minutes to a couple of hundred items per bucket, then fades.
          const shape = m < 3 ? [25, 90, 180][m] : 180 * Math.exp(-(m - 2) / 10);
          mix(topic, poisson(br, shape), 0.72, 0.05, ev.id, 0.2);
          break;
        }
        case 'slow_burn': {
          // Extra negative items grow from 0.3 to 5 per bucket over 18 hours, with some neutral pick-up.
          // New voices join (few regulars), pages and newspapers pick it up more and more, and it is shared more.
          const extra = 0.3 + 4.7 * frac;
          const pickedUp = 0.1 + 0.4 * frac;
          for (let j = poisson(br, extra); j > 0; j--) {
            const x = br();
            const outlet =
              br() < pickedUp
                ? br() < 1 / 3
                  ? pick(br, NATIONAL)
                  : pick(br, LOCAL)
                : br() < 0.1
                  ? regular(br, TOPICS.indexOf(topic))
                  : newVoice(br);
            make(topic, x < 0.8 ? 'negative' : x < 0.82 ? 'positive' : 'neutral', {
              tag: ev.id,
              outlet,
              boost: 1 + 6 * frac,
            });
          }
          break;
        }
        case 'fake_news': {
          const n = m === 0 ? 3 : poisson(br, 2);
          for (let j = 0; j < n; j++) {
            make(topic, 'negative', {
              tag: ev.id,
              outlet: pick(br, LOCAL),
              title: `Tin đồn ${topic.unitNames[0]} che giấu sự việc`,
              text: `${topic.unitNames[0]} bị tố che giấu sự việc, nhiều người chia sẻ khiến dư luận hoang mang`,
              fake: j % 2 ? 'tin_sai_su_that' : 'tin_gia',
            });
          }
          break;
        }
        case 'positive_burst': {
          const shape = m < 4 ? [40, 120, 220, 260][m] : 260 * Math.exp(-(m - 3) / 12);
          mix(topic, poisson(br, shape), 0.08, 0.8, ev.id, 0.15);
          break;
        }
        case 'neutral_wave': {
          const shape = m < 3 ? [30, 80, 120][m] : 120 * Math.exp(-(m - 2) / 15);
          mix(topic, poisson(br, shape), 0.12, 0.13, ev.id, 0.5);
          break;
        }
        case 'complaint_thread':
          break; // its comments are posted with the ordinary threads above
        case 'oneoff_article': {
          if (m === 0)
            make(topic, 'negative', {
              tag: ev.id,
              outlet: NATIONAL[Math.floor(br() * NATIONAL.length)],
              reach: 200_000 + Math.floor(br() * 600_000),
            });
          break;
        }
      }
    }
    return items;
  };
  return { seed, start, end, events, bucket, buckets, volumes };
}

/**
 * The plain market-style volume alert, on the same counts: the last five minutes against the previous twelve
 * hours (mean and standard deviation, floored at 1), alert at z ≥ 3. Consecutive alerts within an hour are one
 * alert episode (one "opening").
 */
export function marketAlerts(series: number[], start: number, z = 3): number[] {
  const W = 144;
  const out: number[] = [];
  let lastAlert = -Infinity;
  for (let i = W; i < series.length; i++) {
    let s = 0;
    let s2 = 0;
    for (let j = i - W; j < i; j++) {
      s += series[j];
      s2 += series[j] * series[j];
    }
    const mean = s / W;
    const std = Math.max(Math.sqrt(Math.max(s2 / W - mean * mean, 0)), 1);
    if ((series[i] - mean) / std >= z) {
      if (i - lastAlert > 12) out.push(start + (i + 1) * BUCKET_MS);
      lastAlert = i;
    }
  }
  return out;
}
