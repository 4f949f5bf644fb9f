import { Injectable, Logger } from '@nestjs/common';
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
  outlet: string | null;
  sourceType: string;
  url: string | null;
  /** Publication time, or collection time when unknown. */
  occurredAt: Date;
}

/** What one committed ingest batch changed. */
export interface IngestedBatch {
  sourceId: string;
  via: 'api' | 'webhook';
  accepted: number;
  /** Every (topic, bucket) the batch added to; read the counters with SignalsService.getBuckets. */
  topicBuckets: { topicId: string; bucketStart: Date; bucketSeconds: number }[];
  /**
   * Negative or fake-news-labelled mentions matched to topics: labelled ones first, then by reach, at most
   * NOTABLE_LIMIT per batch (the buckets count all of them).
   */
  notable: NotableMention[];
}

export const NOTABLE_LIMIT = 200;

export type IngestListener = (batch: IngestedBatch) => Promise<void> | void;

/**
 * In-process hook for what happens after mentions are stored (detection). Listeners run only after the
 * ingest transaction has committed, one after another; the ingest response waits for them (so a slow
 * detection slows feeds down rather than piling up work), and a listener's failure is logged, never
 * returned to the feed: its mentions are stored either way.
 */
@Injectable()
export class SignalsEvents {
  private readonly logger = new Logger(SignalsEvents.name);
  private readonly listeners: IngestListener[] = [];

  /** Subscribes; returns the function that unsubscribes. */
  onIngested(listener: IngestListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async emitIngested(batch: IngestedBatch): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        await listener(batch);
      } catch (err) {
        this.logger.error(
          `Xử lý sau khi nạp đề cập thất bại (nguồn ${batch.sourceId}): ${err instanceof Error ? err.stack : String(err)}`,
        );
      }
    }
  }
}
