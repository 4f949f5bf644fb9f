/**
 * Monitoring data: watch topics, signal sources, mentions and topic buckets.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

export interface Mention {
  id: string;
  sourceType: string;
  platform: string | null;
  outlet: string | null;
  url: string | null;
  title: string | null;
  snippet: string | null;
  publishedAt: string | null;
  reach: number | null;
  sentiment: string | null;
  fakeNewsLabel: string | null;
  evidenceUrl: string | null;
  linkedAt: string;
}

export interface TopicBucket {
  topicId: string;
  bucketStart: string;
  bucketSeconds: number;
  volume: number;
  negativeCount: number;
  positiveCount: number;
}

export interface WatchTopic {
  id: string;
  orgUnitId: string;
  name: string;
  description: string | null;
  category: string;
  anyTerms: string[];
  allTerms: string[];
  noneTerms: string[];
  unitNames: string[];
  leaderNames: string[];
  geoCodes: string[];
  bucketMinutes: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A signal source as listed and read (never its secret). */
export interface SignalSource {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  orgUnitId: string | null;
  active: boolean;
  secretRotatedAt: string | null;
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A dated retention policy of mentions (`GET /api/mention-retention-policies`). */
export interface RetentionPolicy {
  validFrom: string;
  keepMonths: number;
  note: string | null;
  createdAt: string;
}

/** A month partition of mentions as the retention screen shows it (`month` null: kept evidence and older months). */
export interface MentionPartitionStats {
  month: string | null;
  rowsApprox: number | null;
  evidence: number;
  dropsAtNextRun: boolean;
}

/** The retention screen: the policies, the one in force, the dedup horizon, the next run and the partitions. */
export interface RetentionOverview {
  policies: RetentionPolicy[];
  inForce: RetentionPolicy | null;
  dedupDays: number;
  nextRun: { at: string; keepMonths: number | null; keepFrom: string | null } | null;
  partitions: MentionPartitionStats[];
}
