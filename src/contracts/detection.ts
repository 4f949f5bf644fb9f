/**
 * Detections: what a rule found in a topic's window, and what became of it.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { IncidentCategory, Severity } from './enums.js';

export interface Detection {
  id: string;
  topicId: string | null;
  orgUnitId: string;
  rule: string;
  category: IncidentCategory;
  severity: Severity;
  windowStart: string;
  windowEnd: string;
  evidence: Record<string, unknown>;
  outcome: string;
  incidentId: string | null;
  declaredByUserId: string | null;
  createdAt: string;
}

/** A severity rule of the thresholds: ordered L4 → L1, the first that matches gives the severity. */
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

/** The detection thresholds of a unit, as the rules read them (the service's one copy of this shape). */
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

/** A unit's own thresholds row, or the defaults' (`GET /api/detection-settings`, the answer of the PUTs). */
export interface DetectionSettingsRow extends Omit<
  DetectionThresholds,
  'authorityReachThreshold' | 'authorityFollowersThreshold' | 'authorityOpenReachThreshold'
> {
  id: string;
  isDefault: boolean;
  orgUnitId: string | null;
  /** Large counts travel as strings (PostgreSQL bigint). */
  authorityReachThreshold: string;
  authorityFollowersThreshold: string;
  authorityOpenReachThreshold: string;
  updatedByUserId: string | null;
  updatedAt: string;
}

/** The thresholds in force for a unit: its own, its nearest ancestor's, or the defaults (`fromOrgUnitId` null). */
export interface EffectiveDetectionSettings {
  thresholds: DetectionThresholds;
  fromOrgUnitId: string | null;
}

/** A signal below the opening bar on its unit's watch list. */
export interface WatchSignal {
  id: string;
  topicId: string;
  topicName: string;
  orgUnitId: string;
  rule: string;
  ruleLabel: string;
  category: IncidentCategory;
  title: string;
  summary: string;
  window: { start: string; end: string };
  evidence: Record<string, unknown>;
  status: 'pending' | 'opened' | 'dismissed';
  incidentId: string | null;
  dismissReason: 'false_positive' | 'not_relevant' | 'handled_elsewhere' | 'other' | null;
  dismissReasonLabel: string | null;
  dismissNote: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** An incident opened (or joined) from a watch signal. */
export interface WatchSignalOpened {
  incidentId: string;
  detectionId: string;
  attached: boolean;
  watchSignal: WatchSignal;
}

/** A threshold that would have avoided a topic's false alarms, and what it would have cost. */
export interface ThresholdSuggestion {
  rule: string;
  ruleLabel: string;
  setting: string;
  settingLabel: string;
  current: number;
  suggested: number;
  /** False alarms the suggested value would have avoided. */
  avoids: number;
  /** Rooms that were not false alarms and would not have opened with it. */
  wouldMiss: number;
}

/** How precise detection was on a topic over the last days, and the thresholds suggested. */
export interface TopicQuality {
  topicId: string;
  topicName: string;
  orgUnitId: string;
  since: string;
  days: number;
  roomsOpened: number;
  falseAlarms: number;
  /** null while detection opened nothing on the topic in the period. */
  precision: number | null;
  falseAlarmLabels: number;
  /** Watch signals of the topic in the period by status. */
  watchSignals: Record<string, number>;
  settingsFromOrgUnitId: string | null;
  suggestions: ThresholdSuggestion[];
}

/** A suggestion applied to the topic's unit. */
export interface SuggestionApplied {
  applied: ThresholdSuggestion;
  settingsId: string;
  orgUnitId: string;
  updatedAt: string;
}

/** A manual declaration: the detection recorded and the incident it opened or joined. */
export interface DeclaredDetection {
  outcome: string;
  incidentId: string;
  detection: Detection;
}
