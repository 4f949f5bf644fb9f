/** What a rule's finding carries: the evidence kept with the detection and shown in the room. */
import type { RuleName } from './detection-rules.js';
import type { Baseline } from './detection-stats.js';

export interface EvidenceMention {
  id: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  snippet: string | null;
  sentiment: string | null;
  fakeNewsLabel: string | null;
  reach: number;
  occurredAt: string;
}

/** Why a rule fired, kept with the detection and shown in the room (a type, not an interface: it travels as the contracts' `Record<string, unknown>`). */
export type DetectionEvidence = {
  rule: string;
  summary: string;
  window: { start: string; end: string };
  baseline?: Baseline;
  observed: { volume: number; negative: number; reach: number; velocityPerHour: number };
  zScore?: number;
  negativeShare?: number;
  thresholds: Record<string, number | string>;
  trigger?: EvidenceMention & {
    matchedOn?: string;
    followers?: number;
    verified?: boolean;
    majorOutlet?: boolean;
  };
  /**
   * Slow burn: distinct authors of negative items in the window and the new voices among them, what the
   * same hours of the earlier days had (each day's count, how much they differ), and the hourly series.
   */
  trend?: {
    windowHours: number;
    authors: number;
    /** New voices: authors who had posted nothing on the topic in the trendBaselineDays before. */
    newAuthors: number;
    expectedNewAuthors: number;
    newAuthorShareBefore: number;
    baselineDays: number;
    dailyAuthors: number[];
    dispersion: number;
    share: number;
    significance: number;
    hourly: { start: string; volume: number; negative: number; authors: number; newAuthors: number }[];
  };
  /**
   * Watch list: later findings of the same rule gathered into one pending signal (how many, their windows, the
   * latest, the items that set them off) instead of new rows.
   */
  gathered?: {
    count: number;
    windows: string[];
    latest: { summary: string; window: { start: string; end: string } };
    items: (EvidenceMention & {
      matchedOn?: string;
      followers?: number;
      verified?: boolean;
      majorOutlet?: boolean;
    })[];
  };
  /** Cold start: the topic's history was too short to open a room on this finding. */
  coldStart?: { historyHours: number; coldStartHours: number };
  /** Authority with traction: what picked the item up. */
  pickup?: {
    mentions: number;
    outlets: number;
    expected: number;
    reason: 'pickup' | 'reach';
    /** New voices among the outlets and accounts (absent in evidence recorded before they were counted). */
    newVoices?: number;
  };
  /** The statistic a suggested threshold is computed from (see suggestThreshold). */
  strength?: number;
  topMentions?: EvidenceMention[];
  topOutlets?: { outlet: string; mentions: number }[];
};

export interface Finding {
  rule: Exclude<RuleName, 'manual'>;
  windowStart: Date;
  windowEnd: Date;
  evidence: DetectionEvidence;
  /** Mentions that triggered it directly (notable items); window rules take their evidence at act time. */
  mentionIds: string[];
  reach: number;
  velocityPerHour: number;
  negativeShare: number;
  /** An opening rule's finding held on the watch list (cold start: the topic has no usual level yet). */
  watchOnly?: boolean;
}
