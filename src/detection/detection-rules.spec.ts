import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import {
  BucketCounts,
  DEFAULT_THRESHOLDS,
  denseSeries,
  evaluateItem,
  evaluateTraction,
  evaluateWindow,
  ewmaBaseline,
  opensRoom,
  severityFor,
  shareSignificance,
  suggestThresholds,
  zScore,
} from './detection-rules.js';

const FIVE_MIN = 300;
const t0 = new Date('2026-11-20T00:00:00Z').getTime();
const bucket = (i: number, volume: number, negativeCount = Math.round(volume * 0.2)): BucketCounts => ({
  bucketStart: new Date(t0 + i * FIVE_MIN * 1000),
  bucketSeconds: FIVE_MIN,
  volume,
  negativeCount,
  reachSum: volume * 1000,
  negativeReachSum: negativeCount * 1000,
});

/** Deterministic noise around a level, like a real topic's background chatter. */
const noisy = (i: number, level: number) =>
  Math.max(0, Math.round(level + level * 0.3 * Math.sin(i * 1.7) + (i % 7) - 3));

describe('detection rules', () => {
  it('EWMA baseline follows the level and spread of a steady series', () => {
    const series = Array.from({ length: 144 }, (_, i) => noisy(i, 20));
    const b = ewmaBaseline(series, FIVE_MIN, 3, 12);
    expect(b.mean).toBeGreaterThan(15);
    expect(b.mean).toBeLessThan(25);
    expect(b.std).toBeGreaterThan(1);
    expect(b.buckets).toBe(144);
  });

  it('the z-score floor keeps a quiet topic from spiking on a handful of mentions', () => {
    const quiet = ewmaBaseline(new Array(144).fill(0), FIVE_MIN, 3, 12);
    expect(zScore(3, quiet)).toBe(3);
    expect(zScore(3, quiet)).toBeLessThan(DEFAULT_THRESHOLDS.spikeZ);
  });

  it('fills missing buckets with zeros', () => {
    const rows = [bucket(0, 5), bucket(3, 7)];
    expect(denseSeries(rows, new Date(t0), new Date(t0 + 5 * FIVE_MIN * 1000), FIVE_MIN)).toEqual([
      5, 0, 0, 7, 0,
    ]);
  });

  it('a week of steady noise never fires a window rule', () => {
    const rows = Array.from({ length: 7 * 288 }, (_, i) => bucket(i, noisy(i, 25)));
    const fired: string[] = [];
    for (let i = 144; i < rows.length; i++) {
      const window = rows.slice(i - 144, i + 1);
      fired.push(...evaluateWindow(rows[i], window, DEFAULT_THRESHOLDS, 'Giá điện').map((f) => f.rule));
    }
    expect(fired).toEqual([]);
  });

  // Behaviour changed on purpose: a burst of negative mentions is a *negative* spike (it opens a room); the raw
  // volume rule no longer fires beside it. (The slow burn counts authors, in slow-burn-rule.spec.ts.)
  it('an injected negative burst fires a negative spike and a negative share, with evidence', () => {
    const rows = Array.from({ length: 24 * 12 + 145 }, (_, i) => bucket(i, noisy(i, 25)));
    const last = rows.length - 1;
    rows[last] = bucket(last, 400, 370);
    const findings = evaluateWindow(rows[last], rows, DEFAULT_THRESHOLDS, 'Giá điện');
    expect(findings.map((f) => f.rule).sort()).toEqual(['negative_share', 'negative_spike']);
    expect(findings.every((f) => opensRoom(f.rule))).toBe(true);
    const spike = findings.find((f) => f.rule === 'negative_spike')!;
    expect(spike.evidence.zScore).toBeGreaterThan(DEFAULT_THRESHOLDS.negativeSpikeZ);
    expect(spike.evidence.baseline!.mean).toBeGreaterThan(3);
    expect(spike.evidence.observed).toMatchObject({ volume: 400, negative: 370 });
    expect(spike.evidence.summary).toMatch(
      /^370 đề cập tiêu cực về «Giá điện» trong 5 phút \(93% trong 400 đề cập\), gấp khoảng \d+ lần bình thường; bình thường khoảng \d+ đề cập tiêu cực mỗi 5 phút$/,
    );
  });

  it('a burst of praise or of neutral news is a watch signal, never a room', () => {
    for (const negative of [30, 45]) {
      const rows = Array.from({ length: 24 * 12 + 145 }, (_, i) => bucket(i, noisy(i, 10)));
      const last = rows.length - 1;
      rows[last] = bucket(last, 300, negative); // 10 % and 15 % negative: a festival, an announcement
      const findings = evaluateWindow(rows[last], rows, DEFAULT_THRESHOLDS, 'Lễ hội');
      expect(findings.map((f) => f.rule)).toEqual(['volume_spike']);
      expect(opensRoom('volume_spike')).toBe(false);
      expect(findings[0].evidence.summary).toContain('cần theo dõi, chưa phải khủng hoảng');
    }
  });

  it('evidence reads in plain words: a quiet topic is "gần như không có thảo luận", never "gấp 3000 lần mức nền (0)"', () => {
    const rows = Array.from({ length: 24 * 12 + 145 }, (_, i) => bucket(i, 0, 0));
    const last = rows.length - 1;
    rows[last] = bucket(last, 300, 20);
    const [f] = evaluateWindow(rows[last], rows, DEFAULT_THRESHOLDS, 'Lễ hội');
    expect(f.evidence.summary).toBe(
      '300 đề cập về «Lễ hội» trong 5 phút; trước đó gần như không có thảo luận. Phần lớn không tiêu cực (tiêu cực 7%): cần theo dõi, chưa phải khủng hoảng',
    );
    expect(f.evidence.summary).not.toMatch(/z =|mức nền|gấp \d+ lần|volume_spike/);
    expect(f.evidence.zScore).toBeGreaterThan(100); // the statistics stay in the evidence object
  });

  it('significance grows with the share and the volume', () => {
    expect(shareSignificance(15, 100, 0.15)).toBe(0);
    expect(shareSignificance(30, 100, 0.15)).toBeGreaterThan(2);
    expect(shareSignificance(60, 200, 0.15)).toBeGreaterThan(shareSignificance(30, 100, 0.15));
  });

  it('a major outlet’s negative item opens only with pick-up above the usual rate, or a huge reach', () => {
    const item = {
      mentionId: 'm1',
      matchedOn: 'keywords',
      sentiment: 'negative',
      fakeNewsLabel: null,
      reach: 400_000,
      followers: 5_000_000,
      verified: true,
      outlet: 'VnExpress',
      url: 'https://vnexpress.net/1',
      occurredAt: new Date(t0),
    };
    expect(evaluateItem(item, DEFAULT_THRESHOLDS, 'Điện', FIVE_MIN).map((f) => f.rule)).toEqual([
      'high_authority_negative',
    ]);
    expect(
      evaluateItem({ ...item, reach: 6_000_000 }, DEFAULT_THRESHOLDS, 'Điện', FIVE_MIN).map((f) => f.rule),
    ).toEqual(['high_authority_negative', 'authority_traction']);
    const t = DEFAULT_THRESHOLDS;
    expect(
      evaluateTraction(
        item,
        { mentions: 40, outlets: 2, volume: 60, expected: 2, newVoices: 2 },
        t,
        'Điện',
        FIVE_MIN,
      ),
    ).toBeNull();
    expect(
      evaluateTraction(
        item,
        { mentions: 20, outlets: 6, volume: 40, expected: 8, newVoices: 6 },
        t,
        'Điện',
        FIVE_MIN,
      ),
    ).toBeNull();
    // Picked up inside a burst of praise: the negative part is too small a share.
    expect(
      evaluateTraction(
        item,
        { mentions: 30, outlets: 6, volume: 300, expected: 4, newVoices: 6 },
        t,
        'Điện',
        FIVE_MIN,
      ),
    ).toBeNull();
    // A complaint thread among regulars in the same hour: enough comments and people, but none of them new.
    expect(
      evaluateTraction(
        item,
        { mentions: 30, outlets: 6, volume: 60, expected: 4, newVoices: t.tractionMinNewVoices - 1 },
        t,
        'Điện',
        FIVE_MIN,
      ),
    ).toBeNull();
    const f = evaluateTraction(
      item,
      { mentions: 30, outlets: 6, volume: 60, expected: 4, newVoices: 5 },
      t,
      'Điện',
      FIVE_MIN,
    )!;
    expect(f.rule).toBe('authority_traction');
    expect(f.evidence.summary).toBe(
      'Bài tiêu cực về «Điện» trên VnExpress đang được đưa lại: 30 đề cập tiêu cực từ 6 trang, tài khoản khác trong 60 phút (bình thường khoảng 4); 5 trang, tài khoản trong số đó chưa từng nhắc đến chủ đề này',
    );
    // The window runs from the item's bucket to the end of the pick-up counted: found when it was picked up.
    expect(f.windowStart.toISOString()).toBe(new Date(t0).toISOString());
    expect(f.windowEnd.getTime()).toBe(t0 + FIVE_MIN * 1000);
    const later = evaluateTraction(
      item,
      { mentions: 30, outlets: 6, volume: 60, expected: 4, newVoices: 5 },
      t,
      'Điện',
      FIVE_MIN,
      new Date(t0 + 20 * 60_000),
    )!;
    expect(later.windowStart.toISOString()).toBe(new Date(t0).toISOString());
    expect(later.windowEnd.toISOString()).toBe(new Date(t0 + 20 * 60_000).toISOString());
    expect(later.evidence.window.end).toBe(new Date(t0 + 20 * 60_000).toISOString());
  });

  it('suggests the threshold one step past the strongest false alarm, counting the rooms it would lose', () => {
    const fp = [
      { rule: 'negative_spike', setting: 'negativeSpikeZ', strength: 7.2 },
      { rule: 'negative_spike', setting: 'negativeSpikeZ', strength: 6.4 },
    ];
    const ok = [
      { rule: 'negative_spike', setting: 'negativeSpikeZ', strength: 25 },
      { rule: 'negative_spike', setting: 'negativeSpikeZ', strength: 7.5 },
    ];
    expect(suggestThresholds(DEFAULT_THRESHOLDS, fp, ok)).toEqual([
      {
        rule: 'negative_spike',
        setting: 'negativeSpikeZ',
        current: 6,
        suggested: 8,
        avoids: 2,
        wouldMiss: 1,
      },
    ]);
    // A false alarm already below the current threshold suggests nothing.
    expect(
      suggestThresholds(
        DEFAULT_THRESHOLDS,
        [{ rule: 'negative_spike', setting: 'negativeSpikeZ', strength: 4 }],
        [],
      ),
    ).toEqual([]);
  });

  it('a fake-news item naming the unit fires; the same label on a keyword match does not', () => {
    const item = {
      mentionId: 'm1',
      matchedOn: 'unit_name',
      sentiment: 'negative',
      fakeNewsLabel: 'tin_gia',
      reach: 300,
      followers: 50,
      verified: false,
      outlet: 'Trang cá nhân',
      url: 'https://example.vn/p/1',
      occurredAt: new Date(t0),
    };
    expect(evaluateItem(item, DEFAULT_THRESHOLDS, 'UBND', FIVE_MIN).map((f) => f.rule)).toEqual([
      'fake_news_named',
    ]);
    expect(evaluateItem({ ...item, matchedOn: 'keywords' }, DEFAULT_THRESHOLDS, 'UBND', FIVE_MIN)).toEqual(
      [],
    );
    const major = evaluateItem(
      { ...item, fakeNewsLabel: null, outlet: 'tuoi tre', matchedOn: 'keywords' },
      DEFAULT_THRESHOLDS,
      'UBND',
      FIVE_MIN,
    );
    expect(major.map((f) => f.rule)).toEqual(['high_authority_negative']);
  });

  it('severity follows the configured rules from L4 down', () => {
    const rules = DEFAULT_THRESHOLDS.severityRules;
    const base = {
      category: IncidentCategory.PolicyBacklash,
      reach: 1000,
      velocityPerHour: 10,
      negativeShare: 0.3,
      units: 1,
    };
    expect(severityFor(rules, base)).toBe(Severity.L1);
    expect(severityFor(rules, { ...base, negativeShare: 0.8 })).toBe(Severity.L2);
    expect(severityFor(rules, { ...base, reach: 2_000_000 })).toBe(Severity.L3);
    expect(severityFor(rules, { ...base, category: IncidentCategory.PublicHealth, units: 3 })).toBe(
      Severity.L4,
    );
    expect(severityFor(rules, { ...base, units: 3 })).toBe(Severity.L3);
  });
});
