import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import {
  BucketCounts,
  DEFAULT_THRESHOLDS,
  denseSeries,
  evaluateItem,
  evaluateWindow,
  ewmaBaseline,
  severityFor,
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

  it('an injected negative burst fires a volume spike and a negative share, with evidence', () => {
    const rows = Array.from({ length: 145 }, (_, i) => bucket(i, noisy(i, 25)));
    rows[144] = bucket(144, 400, 370);
    const findings = evaluateWindow(rows[144], rows, DEFAULT_THRESHOLDS, 'Giá điện');
    expect(findings.map((f) => f.rule).sort()).toEqual(['negative_share', 'volume_spike']);
    const spike = findings.find((f) => f.rule === 'volume_spike')!;
    expect(spike.evidence.zScore).toBeGreaterThan(DEFAULT_THRESHOLDS.spikeZ);
    expect(spike.evidence.baseline!.mean).toBeGreaterThan(15);
    expect(spike.evidence.observed.volume).toBe(400);
    expect(spike.evidence.summary).toContain('Giá điện');
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
      { ...item, fakeNewsLabel: null, outlet: 'tuoi tre' },
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
