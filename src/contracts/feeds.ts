/**
 * News feeds (RSS, Atom, JSON Feed) polled for a signal source of kind `feed` (`/api/feeds`), with their health.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

export const FEED_OUTLET_TYPES = ['online_news', 'print', 'radio_tv', 'magazine', 'portal'] as const;
export type FeedOutletTypeValue = (typeof FEED_OUTLET_TYPES)[number];

export const FEED_POLL_STATUSES = ['ok', 'not_modified', 'error'] as const;
export type FeedPollStatusValue = (typeof FEED_POLL_STATUSES)[number];

/** An item of the last poll that could not become a mention, and why (in Vietnamese). */
export interface FeedRejectItem {
  /** Position of the item in the feed (0-based). */
  index: number;
  title: string | null;
  link: string | null;
  field: string | null;
  reason: string;
}

/** How the feed's polling goes. */
export interface FeedHealth {
  lastStatus: FeedPollStatusValue | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  /** The last error, in Vietnamese. */
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  /** Items read at the last poll. */
  itemsSeen: number;
  /** Items stored as new at the last poll. */
  itemsNew: number;
  itemsSeenTotal: number;
  itemsNewTotal: number;
  rejects: FeedRejectItem[];
  /** Null while the feed is switched off. */
  nextPollAt: string | null;
  /** A poll is running now. */
  polling: boolean;
}

/** A news feed and its health (`GET /api/feeds`, `/api/feeds/:id`, the answers of POST, PATCH and poll-now). */
export interface FeedItem {
  id: string;
  sourceId: string;
  url: string;
  outletName: string;
  outletType: FeedOutletTypeValue;
  /** Counts as a major outlet for detection, whatever the unit's list says. */
  majorOutlet: boolean;
  intervalSeconds: number;
  active: boolean;
  health: FeedHealth;
  createdAt: string;
  updatedAt: string;
}
