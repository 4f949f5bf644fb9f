import { Injectable, Logger } from '@nestjs/common';
import { isFalseContent } from './topic-buckets.js';
import type { TopicBucketRow } from './topic-buckets.js';
import type { MatchedOn } from './topic-matcher.js';

/** A mention worth a look by detection: negative, or labelled by VAFC, and matched to a topic. */
export interface NotableMention {
  mentionId: string;
  topicId: string;
  matchedOn: MatchedOn;
  sentiment: 'positive' | 'neutral' | 'negative';
  sentimentScore: number | null;
  fakeNewsLabel: 'tin_gia' | 'tin_sai_su_that' | 'tin_xac_thuc' | null;
  /** Effective reach (reach, else engagement, else 1; see topic-buckets.ts). */
  reach: number;
  followers: number;
  verified: boolean;
  /** The source vouches that the outlet is a major one (a feed so flagged), whatever detection's list says. */
  majorOutlet?: boolean;
  outlet: string | null;
  sourceType: string;
  url: string | null;
  /** Publication time, or collection time when unknown. */
  occurredAt: Date;
}

/** How a batch came in: pushed (batch API, signed webhook), polled by the service (feeds), a file import, an officer's report. */
export type IngestVia = 'api' | 'webhook' | 'feed' | 'import' | 'report';

/** What one or more committed ingest batches of one source changed. */
export interface IngestedBatch {
  sourceId: string;
  via: IngestVia;
  /** Mentions stored (duplicates excluded). */
  accepted: number;
  /**
   * Every (topic, bucket) the batch added to, oldest first per topic, with the bucket's counters as of the
   * batch's commit (concurrent batches may be reported out of commit order: when it matters, re-read them with
   * SignalsService.getBuckets).
   */
  topicBuckets: TopicBucketRow[];
  /**
   * Negative or fake-news-labelled mentions matched to topics, at most NOTABLE_PER_TOPIC per topic: labelled
   * false content first, then other labels, then by reach (the buckets count all of them).
   */
  notable: NotableMention[];
}

export const NOTABLE_PER_TOPIC = 50;

export type IngestListener = (batch: IngestedBatch) => Promise<void> | void;

/** Orders notable mentions (false content, other labels, then reach) and keeps NOTABLE_PER_TOPIC per topic. */
export function selectNotable(candidates: NotableMention[]): NotableMention[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(isFalseContent(b.fakeNewsLabel)) - Number(isFalseContent(a.fakeNewsLabel)) ||
      Number(b.fakeNewsLabel !== null) - Number(a.fakeNewsLabel !== null) ||
      b.reach - a.reach,
  );
  const perTopic = new Map<string, number>();
  return sorted.filter((n) => {
    const seen = perTopic.get(n.topicId) ?? 0;
    perTopic.set(n.topicId, seen + 1);
    return seen < NOTABLE_PER_TOPIC;
  });
}

/** Folds `next` into `into` (same source and path): buckets keep their latest counters, notable is re-selected. */
function merge(into: IngestedBatch, next: IngestedBatch): void {
  into.accepted += next.accepted;
  const buckets = new Map(into.topicBuckets.map((b) => [`${b.topicId}|${b.bucketStart.getTime()}`, b]));
  for (const b of next.topicBuckets) {
    const key = `${b.topicId}|${b.bucketStart.getTime()}`;
    const known = buckets.get(key);
    // Counters only grow: the larger volume is the later state.
    if (!known || b.volume >= known.volume) buckets.set(key, b);
  }
  into.topicBuckets = [...buckets.values()].sort((a, b) =>
    a.topicId === b.topicId
      ? a.bucketStart.getTime() - b.bucketStart.getTime()
      : a.topicId < b.topicId
        ? -1
        : 1,
  );
  into.notable = selectNotable([...into.notable, ...next.notable]);
}

interface Pending {
  batch: IngestedBatch;
  done: (() => void)[];
}

/**
 * In-process hook for what happens after mentions are stored (detection).
 *
 * - Listeners run only after the ingest transaction has committed, one delivery at a time, listeners one after
 *   another.
 * - The ingest request waits until its batch has been delivered, so a slow listener slows the feeds down
 *   (back-pressure) instead of piling up work, and when a request returns, detection has seen its mentions.
 * - While a delivery is running, batches of the same source that commit meanwhile are merged into one
 *   delivery: under load, detection evaluates each topic once per delivery rather than once per batch.
 * - A listener's failure is logged, never returned to the feed: its mentions are stored either way.
 */
@Injectable()
export class SignalsEvents {
  private readonly logger = new Logger(SignalsEvents.name);
  private readonly listeners: IngestListener[] = [];
  private readonly queue: Pending[] = [];
  private delivering = false;

  /** Subscribes; returns the function that unsubscribes. */
  onIngested(listener: IngestListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Resolves once the batch (possibly merged with others) has been through every listener. */
  emitIngested(batch: IngestedBatch): Promise<void> {
    if (!this.listeners.length) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.queue.find(
        (p) => p.batch.sourceId === batch.sourceId && p.batch.via === batch.via,
      );
      if (waiting) {
        merge(waiting.batch, batch);
        waiting.done.push(resolve);
      } else {
        this.queue.push({
          batch: { ...batch, topicBuckets: [...batch.topicBuckets], notable: [...batch.notable] },
          done: [resolve],
        });
      }
      void this.deliverQueued();
    });
  }

  private async deliverQueued(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        for (const listener of [...this.listeners]) {
          try {
            await listener(next.batch);
          } catch (err) {
            this.logger.error(
              `Xử lý sau khi nạp đề cập thất bại (nguồn ${next.batch.sourceId}): ${err instanceof Error ? err.stack : String(err)}`,
            );
          }
        }
        for (const done of next.done) done();
      }
    } finally {
      this.delivering = false;
    }
  }
}
