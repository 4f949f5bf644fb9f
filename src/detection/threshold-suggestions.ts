/** Threshold suggestions from the false alarms a unit labelled: which setting, how far up, what it would miss. */
import type { DetectionEvidence } from './detection-evidence.js';
import type { DetectionThresholds } from './detection-thresholds.js';

/** The setting each rule's strength is compared with, and how far a suggestion steps past a false alarm. */
const STRENGTH_SETTINGS: Record<
  string,
  { setting: keyof DetectionThresholds; step: number; integer?: boolean; max?: number }
> = {
  negative_spike: { setting: 'negativeSpikeZ', step: 0.5, max: 1000 },
  volume_spike: { setting: 'spikeZ', step: 0.5, max: 1000 },
  negative_trend: { setting: 'trendSignificance', step: 0.5, max: 1000 },
  negative_share: { setting: 'negativeShareThreshold', step: 0.02, max: 1 },
  authority_traction: { setting: 'tractionMinMentions', step: 1, integer: true },
};

/** What a false-alarm label keeps of a finding: its rule, the setting its strength is measured against, the strength. */
export function labelledFinding(
  rule: string,
  evidence: Pick<DetectionEvidence, 'strength' | 'pickup'> | null | undefined,
): { rule: string; setting: string | null; strength: number | null } {
  let spec = STRENGTH_SETTINGS[rule];
  // A single item past the reach bar is measured against that bar, not against pick-up.
  if (rule === 'authority_traction' && evidence?.pickup?.reason === 'reach')
    spec = { setting: 'authorityOpenReachThreshold', step: 1, integer: true };
  return {
    rule,
    setting: spec ? String(spec.setting) : null,
    strength: spec && typeof evidence?.strength === 'number' ? evidence.strength : null,
  };
}

export interface ThresholdSuggestion {
  rule: string;
  setting: string;
  current: number;
  suggested: number;
  /** False alarms the suggested value would have avoided. */
  avoids: number;
  /** Rooms that were not false alarms and would not have opened with it. */
  wouldMiss: number;
}

/**
 * For each setting behind the topic's false alarms, the smallest value (one step past the strongest false alarm)
 * that would have avoided them all, with the true openings it would have lost. Only settings that would rise.
 */
export function suggestThresholds(
  t: DetectionThresholds,
  falseAlarms: { rule: string; setting: string | null; strength: number | null }[],
  trueOpenings: { rule: string; setting: string | null; strength: number | null }[],
): ThresholdSuggestion[] {
  const out: ThresholdSuggestion[] = [];
  const settings = new Set(falseAlarms.map((f) => f.setting).filter((s): s is string => s !== null));
  for (const setting of settings) {
    const fs = falseAlarms.filter((f) => f.setting === setting && f.strength !== null);
    if (!fs.length) continue;
    const rule = fs[0].rule;
    const spec =
      Object.values(STRENGTH_SETTINGS).find((s) => s.setting === setting) ??
      ({ step: 1, integer: true } as { step: number; integer?: boolean; max?: number });
    const worst = Math.max(...fs.map((f) => f.strength!));
    const raw = spec.integer ? Math.floor(worst) + spec.step : worst + spec.step;
    const suggested = spec.integer ? Math.ceil(raw) : Math.ceil(raw / spec.step) * spec.step;
    const current = Number((t as unknown as Record<string, unknown>)[setting]);
    // Never past what the settings accept (a false alarm stronger than that cannot be avoided by this setting).
    const rounded = Math.min(Math.round(suggested * 100) / 100, spec.max ?? Infinity);
    if (!(rounded > current)) continue;
    out.push({
      rule,
      setting,
      current,
      suggested: rounded,
      avoids: fs.filter((f) => f.strength! < rounded).length,
      wouldMiss: trueOpenings.filter(
        (o) => o.setting === setting && o.strength !== null && o.strength < rounded,
      ).length,
    });
  }
  return out;
}
