/** A unit's detection settings (thresholds, severity rules) and the defaults every unit starts from. */
import { IncidentCategory, Severity } from '../incidents/incident-types.js';

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
