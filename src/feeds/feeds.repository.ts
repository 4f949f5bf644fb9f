import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Feed, FeedPollStatus } from './entities/feed.entity.js';
import type { FeedReject } from './entities/feed.entity.js';

/** How a poll ended, as the feed's health records it. */
export type PollOutcome =
  | {
      status: FeedPollStatus.Ok | FeedPollStatus.NotModified;
      itemsSeen: number;
      itemsNew: number;
      rejects: FeedReject[];
      etag: string | null;
      lastModified: string | null;
    }
  | { status: FeedPollStatus.Error; error: string };

/** The SQL of the feeds' polling state (the `feeds` table only). */
@Injectable()
export class FeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the feed for one poll until `leaseMs` from now, unless another poll holds it: across nodes, one
   * fetch of a feed at a time. Null when the feed is gone, switched off or being polled.
   */
  async claimLease(feedId: string, leaseMs: number): Promise<Feed | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `UPDATE feeds SET poll_lease_until = now() + $2 * interval '1 millisecond'
       WHERE id = $1 AND active AND (poll_lease_until IS NULL OR poll_lease_until < now())
       RETURNING id`,
      [feedId, leaseMs],
    );
    if (!rows.length) return null;
    return this.dataSource.getRepository(Feed).findOneBy({ id: feedId });
  }

  async releaseLease(feedId: string): Promise<void> {
    await this.dataSource.query(`UPDATE feeds SET poll_lease_until = NULL WHERE id = $1`, [feedId]);
  }

  /** Records a poll's outcome and when the next one is due; releases the lease. Returns the failures in a row. */
  async recordOutcome(
    manager: EntityManager,
    feedId: string,
    outcome: PollOutcome,
    nextPollAt: (consecutiveFailures: number) => Date,
  ): Promise<{ consecutiveFailures: number; nextPollAt: Date } | null> {
    const result: [{ consecutive_failures: number }[], number] =
      outcome.status === FeedPollStatus.Error
        ? await manager.query(
            `UPDATE feeds SET last_status = 'error', last_polled_at = now(), last_error = $2,
               last_error_at = now(), consecutive_failures = consecutive_failures + 1, last_items_seen = 0,
               last_items_new = 0, last_rejects = '[]', poll_lease_until = NULL
             WHERE id = $1 RETURNING consecutive_failures`,
            [feedId, outcome.error],
          )
        : await manager.query(
            `UPDATE feeds SET last_status = $2, last_polled_at = now(), last_success_at = now(),
               consecutive_failures = 0, last_items_seen = $3::int, last_items_new = $4::int,
               items_seen_total = items_seen_total + $3::int, items_new_total = items_new_total + $4::int,
               last_rejects = $5::jsonb, etag = COALESCE($6, etag), last_modified = COALESCE($7, last_modified),
               poll_lease_until = NULL
             WHERE id = $1 RETURNING consecutive_failures`,
            [
              feedId,
              outcome.status,
              outcome.itemsSeen,
              outcome.itemsNew,
              JSON.stringify(outcome.rejects),
              outcome.etag,
              outcome.lastModified,
            ],
          );
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const row = result[0][0];
    if (!row) return null;
    const next = nextPollAt(row.consecutive_failures);
    await manager.query(`UPDATE feeds SET next_poll_at = $2 WHERE id = $1`, [feedId, next]);
    return { consecutiveFailures: row.consecutive_failures, nextPollAt: next };
  }
}
