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

/** How a mention matched a topic. */
export type MatchedOn = 'keywords' | 'unit_name' | 'leader_name';

/** A new signal source, or one whose secret was just rotated: the webhook key is shown this once. */
export interface SignalSourceWithSecret {
  source: SignalSource;
  /** HMAC-SHA256 key of the webhook: store it in the sending system. */
  secret: string;
}

/** `GET /api/signal-sources/:id/activity`: the last 24 hours by hour, the topics matched, the rejects of 7 days. */
export interface SourceActivity {
  sourceId: string;
  since: string;
  total: { accepted: number; duplicates: number; rejected: number };
  hours: { hourStart: string; accepted: number; duplicates: number; rejected: number }[];
  topics: { topicId: string; name: string | null; mentions: number }[];
  rejects: { via: string; field: string; reason: string; count: number; lastAt: string }[];
  rejectsSince: string;
}

/** `POST /api/topics/preview`: which recent mentions a topic's rules would match (nothing stored). */
export interface TopicPreview {
  since: string;
  scanned: number;
  scanLimit: number;
  matched: number;
  items: {
    id: string;
    title: string | null;
    text: string | null;
    outlet: string | null;
    platform: string | null;
    url: string | null;
    geoCode: string | null;
    sentiment: string | null;
    publishedAt: string | null;
    collectedAt: string;
    matchedOn: MatchedOn;
  }[];
}

/** A topic's top mention in a window (`GET /api/topics/:id/mentions`): negative first, then by reach. */
export interface TopicMention {
  id: string;
  topicId: string;
  matchedOn: MatchedOn;
  sourceId: string;
  sourceType: string;
  platform: string | null;
  outlet: string | null;
  followers: number | null;
  verified: boolean | null;
  url: string | null;
  title: string | null;
  /** The first 280 characters of the text. */
  snippet: string | null;
  publishedAt: string | null;
  collectedAt: string;
  occurredAt: string;
  reach: number | null;
  /** Reach, else engagement (reactions + comments + shares). */
  effectiveReach: number;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  sentiment: 'positive' | 'neutral' | 'negative';
  sentimentScore: number | null;
  sentimentOrigin: 'source' | 'lexicon';
  geoCode: string | null;
  fakeNewsLabel: string | null;
  evidenceUrl: string | null;
}
