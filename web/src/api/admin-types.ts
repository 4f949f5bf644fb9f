/** Shapes of the administration and setup routes the console uses (kept apart from types.ts for easy merges). */

export type {
  DeadlineRule,
  FeedItem,
  ImportMapping,
  IncidentReview as Review,
  ImportPreview,
  RetentionOverview,
  RetentionPolicy,
  SignalImportDetail,
  SignalImportJob,
  SignalSource,
  SignalSourceWithSecret,
  SourceActivity,
  TopicPreview,
  User as AdminUser,
  WatchTopic,
} from '../../../src/contracts/index.js';

/** A versioned rule whose body the console edits as JSON (approval policies, working-group rules). */
export interface VersionedRule {
  id: string;
  key: string;
  name?: string;
  version?: number;
  priority?: number;
  effectiveFrom?: string;
  effectiveTo?: string | null;
  [field: string]: unknown;
}
