import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { backoffMs, MAX_BACKOFF_MS } from '../jobs/backoff.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MAX_BATCH_ITEMS } from '../signals/mention-item.validator.js';
import { SignalSourcesService } from '../signals/signal-sources.service.js';
import { SignalsService } from '../signals/signals.service.js';
import { AddressGuard } from './address-guard.js';
import { Feed, FeedPollStatus } from './entities/feed.entity.js';
import type { FeedReject } from './entities/feed.entity.js';
import { FeedFetcher, FeedFetchError } from './feed-fetcher.js';
import { decodeFeed, FeedContentError, parseEntries, toMentionItem } from './feed-items.js';
import type { FeedEntry } from './feed-items.js';
import { FeedsRepository } from './feeds.repository.js';
import type { PollOutcome } from './feeds.repository.js';

export const FEED_POLL_JOB = 'feeds.poll';
export const feedJobKey = (feedId: string) => `feed:${feedId}`;
/** Rejected items kept in a feed's health (the first ones of the last poll). */
const MAX_REJECTS_KEPT = 50;

/** What a poll did, for "poll now" and the bench. */
export type PollResult = { polled: false; reason: 'busy' } | { polled: true; outcome: PollOutcome };

/**
 * Polls feeds. The schedule is durable: each active feed has one `feeds.poll` timer (src/jobs) that survives
 * restarts and fires once across nodes. The timer's handler only re-arms the timer one interval ahead (should
 * this node die mid-poll) and hands the feed to this node's pool after commit: fetching (seconds, an outside
 * call) never holds a timer lane or a database connection. A poll takes the feed's lease (one fetch of a feed
 * at a time across nodes), fetches, ingests through SignalsService, then records the health and sets the timer
 * to the next interval, or after a failure to interval × 2^(failures − 1) (src/jobs/backoff.ts).
 */
@Injectable()
export class FeedPoller implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FeedPoller.name);
  private readonly fetcher: FeedFetcher;
  private readonly inFlight = new Map<string, Promise<PollResult>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly shutdown = new AbortController();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: FeedsRepository,
    private readonly jobs: JobsService,
    private readonly signals: SignalsService,
    private readonly sources: SignalSourcesService,
  ) {
    const c = config.feeds;
    this.fetcher = new FeedFetcher(new AddressGuard(c.allowPrivateNetworks, c.allowPrivateUntil), {
      timeoutMs: c.timeoutMs,
      maxBytes: c.maxBytes,
    });
  }

  onModuleInit(): void {
    this.jobs.register<{ feedId: string }>(FEED_POLL_JOB, async ({ manager, job, afterCommit }) => {
      const feed = await manager.findOneBy(Feed, { id: job.payload.feedId });
      if (!feed?.active) return;
      await this.scheduleWithin(manager, feed.id, new Date(Date.now() + feed.intervalSeconds * 1000));
      afterCommit(() => {
        void this.poll(feed.id);
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.allSettled([...this.inFlight.values()]);
    await this.fetcher.close();
  }

  /** The feed's timer, due at `dueAt` (replacing the pending one), inside the caller's transaction. */
  async scheduleWithin(manager: EntityManager, feedId: string, dueAt: Date): Promise<void> {
    await this.jobs.schedule(manager, {
      kind: FEED_POLL_JOB,
      key: feedJobKey(feedId),
      dueAt,
      payload: { feedId },
      ifPending: 'replace',
    });
    await manager.update(Feed, feedId, { nextPollAt: dueAt });
  }

  /** Polls the feed now on this node (waiting for a free slot of the pool); a poll already running is joined. */
  poll(feedId: string): Promise<PollResult> {
    const running = this.inFlight.get(feedId);
    if (running) return running;
    const run = this.withSlot(() => this.pollOnce(feedId)).finally(() => this.inFlight.delete(feedId));
    this.inFlight.set(feedId, run);
    return run;
  }

  private async withSlot<T>(fn: () => Promise<T>): Promise<T> {
    while (this.running >= this.config.feeds.concurrency && !this.shutdown.signal.aborted) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async pollOnce(feedId: string): Promise<PollResult> {
    if (this.shutdown.signal.aborted) return { polled: false, reason: 'busy' };
    // Long enough for a fetch (twice the timeout at most) and a large ingest.
    const feed = await this.repository.claimLease(feedId, this.config.feeds.timeoutMs * 2 + 120_000);
    if (!feed) return { polled: false, reason: 'busy' };
    let outcome: PollOutcome;
    try {
      outcome = await this.fetchAndIngest(feed);
    } catch (err) {
      if (this.shutdown.signal.aborted) {
        // Stopping: the timer is still pending (re-armed by its handler), the next start polls again.
        await this.repository.releaseLease(feed.id).catch(() => undefined);
        return { polled: false, reason: 'busy' };
      }
      outcome = { status: FeedPollStatus.Error, error: describe(err) };
      if (!(err instanceof FeedFetchError) && !(err instanceof FeedContentError)) {
        this.logger.error(`Lỗi khi lấy tin ${feed.url}: ${err instanceof Error ? err.stack : String(err)}`);
      }
    }
    await this.dataSource.transaction(async (manager) => {
      const recorded = await this.repository.recordOutcome(manager, feed.id, outcome, (failures) =>
        this.nextPollAt(feed.intervalSeconds, failures),
      );
      if (recorded) await this.scheduleWithin(manager, feed.id, recorded.nextPollAt);
    });
    return { polled: true, outcome };
  }

  /** The next poll: one interval on, or after `failures` failures in a row the exponential backoff. */
  private nextPollAt(intervalSeconds: number, failures: number): Date {
    const interval = intervalSeconds * 1000;
    const wait =
      failures === 0
        ? interval
        : Math.max(interval, Math.min(backoffMs(interval, failures), Math.max(MAX_BACKOFF_MS, interval)));
    return new Date(Date.now() + wait);
  }

  private async fetchAndIngest(feed: Feed): Promise<PollOutcome> {
    const source = await this.sources.get(feed.sourceId);
    if (!source.active) {
      throw new FeedContentError('Nguồn tín hiệu của nguồn tin này đang tắt: không nạp bài');
    }
    const res = await this.fetcher.fetch(
      feed.url,
      { etag: feed.etag, lastModified: feed.lastModified },
      this.shutdown.signal,
    );
    if (res.status === 304) {
      return {
        status: FeedPollStatus.NotModified,
        itemsSeen: 0,
        itemsNew: 0,
        rejects: [],
        etag: null,
        lastModified: null,
      };
    }
    const entries = parseEntries(decodeFeed(res.body, res.contentType), res.contentType);
    const now = Date.now();
    const outlet = { feedUrl: res.url, outletName: feed.outletName, outletType: feed.outletType };
    const items = entries.map((e) => toMentionItem(e, outlet, now));
    let itemsNew = 0;
    const rejects: FeedReject[] = [];
    for (let start = 0; start < items.length; start += MAX_BATCH_ITEMS) {
      const result = await this.signals.ingestCollected(
        feed.sourceId,
        items.slice(start, start + MAX_BATCH_ITEMS),
        { via: 'feed', majorOutlet: feed.majorOutlet },
      );
      itemsNew += result.accepted;
      for (const r of result.rejected) {
        if (rejects.length >= MAX_REJECTS_KEPT) break;
        rejects.push(reject(entries[start + r.index], start + r.index, r.field ?? null, r.reason));
      }
    }
    return {
      status: FeedPollStatus.Ok,
      itemsSeen: entries.length,
      itemsNew,
      rejects,
      etag: res.etag,
      lastModified: res.lastModified,
    };
  }
}

const FIELD_WORDS: Record<string, string> = {
  url: 'Đường dẫn bài',
  title: 'Tiêu đề',
  text: 'Nội dung',
  publishedAt: 'Thời điểm đăng',
  externalId: 'Mã bài (guid)',
};

/** A rejected entry as the source screen shows it: which item, and why in plain words. */
function reject(
  entry: FeedEntry | undefined,
  index: number,
  field: string | null,
  reason: string,
): FeedReject {
  // The validator's reason starts with "items[i].field: ", which means nothing to the person reading it.
  const bare = reason.replace(/^items\[\d+\](\.\w+)?:\s*/, '');
  const words =
    field === 'text' && /title hoặc text/.test(bare)
      ? 'Bài không có tiêu đề lẫn nội dung'
      : `${(field && FIELD_WORDS[field]) ?? 'Bài'}: ${bare}`;
  return { index, title: entry?.title ?? null, link: entry?.link ?? null, field, reason: words };
}

function describe(err: unknown): string {
  if (err instanceof FeedFetchError || err instanceof FeedContentError) return err.message;
  return 'Lỗi trong dịch vụ khi nạp bài của nguồn tin; xem nhật ký máy chủ';
}
