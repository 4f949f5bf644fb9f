/**
 * The detection rules: which rules open a room and which only watch, the cold-start hold, the severity of an
 * opening. The rules themselves and what they read are split by seam (statistics, settings, evidence, window
 * rules, item rules, threshold suggestions, wording) and exported from here as before.
 */
import { IncidentCategory, Severity } from '../incidents/incident-types.js';

import type { Finding } from './detection-evidence.js';
import type { DetectionThresholds, SeverityRule } from './detection-thresholds.js';

export type { BucketCounts, Baseline } from './detection-stats.js';
export {
  bernoulliKl,
  denseSeries,
  ewmaBaseline,
  shareSignificance,
  sumRange,
  zScore,
} from './detection-stats.js';
export type { DetectionThresholds, SeverityRule } from './detection-thresholds.js';
export { DEFAULT_THRESHOLDS } from './detection-thresholds.js';
export type { DetectionEvidence, EvidenceMention, Finding } from './detection-evidence.js';
export { timesUsual, usualLevel } from './detection-wording.js';
export { evaluateWindow, lookbackHours } from './window-rules.js';
export type { NotableItem, Pickup } from './item-rules.js';
export { evaluateItem, evaluateTraction, isAuthorityItem, isMajorOutlet } from './item-rules.js';
export type { ThresholdSuggestion } from './threshold-suggestions.js';
export { labelledFinding, suggestThresholds } from './threshold-suggestions.js';

/** Rules whose firing opens (or joins) a room; the others only put a signal on the unit's watch list. */
export const OPENING_RULES = [
  'negative_spike',
  'negative_trend',
  'negative_share',
  'authority_traction',
  'fake_news_named',
  'manual',
] as const;
export const WATCH_RULES = ['volume_spike', 'high_authority_negative'] as const;
export type RuleName = (typeof OPENING_RULES)[number] | (typeof WATCH_RULES)[number];

export function opensRoom(rule: string): boolean {
  return (OPENING_RULES as readonly string[]).includes(rule);
}

/**
 * Cold start: while the topic has less than coldStartHours of history, there is no usual level to compare
 * with, and findings that compare with one go to the watch list instead of opening a room, unless their
 * window holds at least coldStartOpenCount negative mentions. Fake news naming the unit and a single item past
 * the reach bar do not depend on a usual level: they open as always. Marks the findings held (`watchOnly`).
 */
export function holdDuringColdStart(findings: Finding[], t: DetectionThresholds, historyHours: number): void {
  if (historyHours >= t.coldStartHours) return;
  for (const f of findings) {
    if (!opensRoom(f.rule) || f.rule === 'fake_news_named') continue;
    if (f.rule === 'authority_traction' && f.evidence.pickup?.reason === 'reach') continue;
    if (f.evidence.observed.negative >= t.coldStartOpenCount) continue;
    const hours = Math.max(0, Math.floor(historyHours));
    f.watchOnly = true;
    f.evidence.coldStart = {
      historyHours: Math.round(historyHours * 10) / 10,
      coldStartHours: t.coldStartHours,
    };
    f.evidence.summary +=
      `. Chủ đề mới được theo dõi ${hours} giờ, chưa đủ để biết mức bình thường: ` +
      `đưa vào danh sách theo dõi, chưa mở phòng`;
  }
}

export interface SeverityInput {
  category: IncidentCategory;
  reach: number;
  velocityPerHour: number;
  negativeShare: number;
  units: number;
}

/** The first rule (ordered from L4 down) whose conditions hold; L1 when none does. */
export function severityFor(rules: SeverityRule[], input: SeverityInput): Severity {
  for (const rule of rules) {
    if (rule.categories?.length && !rule.categories.includes(input.category)) continue;
    const checks: boolean[] = [];
    if (rule.minReach !== undefined) checks.push(input.reach >= rule.minReach);
    if (rule.minVelocityPerHour !== undefined) checks.push(input.velocityPerHour >= rule.minVelocityPerHour);
    if (rule.minNegativeShare !== undefined) checks.push(input.negativeShare >= rule.minNegativeShare);
    if (rule.minUnits !== undefined) checks.push(input.units >= rule.minUnits);
    const holds = checks.length === 0 ? true : rule.all ? checks.every(Boolean) : checks.some(Boolean);
    if (holds) return rule.severity;
  }
  return Severity.L1;
}
