/** A unit's detection settings (thresholds, severity rules) and the defaults every unit starts from. */
import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import type {
  DetectionThresholds as DetectionThresholdsContract,
  SeverityRule as SeverityRuleContract,
} from '../contracts/detection.js';

/**
 * The thresholds' shape is the API contract's (`src/contracts/detection.ts`, one copy); the service reads the
 * severity and categories of its severity rules as its own enums.
 */
export interface SeverityRule extends Omit<SeverityRuleContract, 'severity' | 'categories'> {
  severity: Severity;
  categories?: IncidentCategory[];
}

export interface DetectionThresholds extends Omit<DetectionThresholdsContract, 'severityRules'> {
  severityRules: SeverityRule[];
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
