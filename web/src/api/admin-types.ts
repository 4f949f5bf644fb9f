/** Shapes of the administration and setup routes the console uses (kept apart from types.ts for easy merges). */

export type {
  DeadlineRule,
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

/** A news feed polled for a signal source of kind `feed` (GET /api/feeds). */
export interface FeedItem {
  id: string;
  sourceId: string;
  url: string;
  outletName: string;
  outletType: 'online_news' | 'print' | 'radio_tv' | 'magazine' | 'portal';
  majorOutlet: boolean;
  intervalSeconds: number;
  active: boolean;
  health: {
    lastStatus: 'ok' | 'not_modified' | 'error' | null;
    lastPolledAt: string | null;
    lastSuccessAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    consecutiveFailures: number;
    itemsSeen: number;
    itemsNew: number;
    itemsSeenTotal: number;
    itemsNewTotal: number;
    rejects: {
      index: number;
      title: string | null;
      link: string | null;
      field: string | null;
      reason: string;
    }[];
    nextPollAt: string | null;
    polling: boolean;
  };
}
