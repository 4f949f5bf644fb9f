import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type { IngestResult } from './dto/ingest.dto.js';
import { Topic } from './entities/topic.entity.js';
import { MAX_BATCH_ITEMS } from './mention-item.validator.js';
import { prepareMentions } from './mention-preparation.js';
import { SENTIMENT_SCORER } from './sentiment-lexicon.js';
import type { SentimentScorer } from './sentiment-lexicon.js';
import { inactive, SignalSourcesService } from './signal-sources.service.js';
import { selectNotable, SignalsEvents } from './signals.events.js';
import type { IngestVia } from './signals.events.js';
import { SignalActivityRepository } from './signal-activity.repository.js';
import { SignalsRepository } from './signals.repository.js';
import { TopicReadsRepository } from './topic-reads.repository.js';
import type { EvidencePageMention, MentionSummary } from './signals.repository.js';
import { sumBuckets } from './topic-buckets.js';
import type { TopicBucketRow } from './topic-buckets.js';
import { TopicsService } from './topics.service.js';
import type { TopicIndex } from './topics.service.js';
import {
  SIGNATURE_FUTURE_SKEW_SECONDS,
  SIGNATURE_MAX_AGE_SECONDS,
  verifySignature,
} from './webhook-signature.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEADLOCK = '40P01';
const UNIQUE_VIOLATION = '23505';
/** Attempts at writing a batch: a deadlock or a concurrent duplicate (see SignalsRepository.writeMentions) retries. */
const MAX_ATTEMPTS = 4;
/** From this attempt on, a batch is written through a staging table, where a concurrent duplicate cannot fail it. */
const STAGED_FROM_ATTEMPT = 3;
const RECEIPT_CLEANUP_EVERY_MS = 60_000;

interface WebhookRequest {
  sourceId: string;
  signature?: string | string[];
  timestamp?: string | string[];
  rawBody: Buffer | undefined;
  body: unknown;
}

/**
 * Ingestion of mentions (batch API and signed webhook) and the reads detection makes.
 *
 * A batch is validated and prepared in memory (normalization, content hash, sentiment when missing, topic
 * matching), then written in one transaction: the mentions (duplicates skipped by the unique indexes), their
 * topic links, one aggregated upsert of the topic buckets, and one audit row for the batch. Only after commit
 * are the listeners (detection) told.
 */
@Injectable()
export class SignalsService {
  private readonly logger = new Logger(SignalsService.name);
  private lastReceiptCleanup = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SignalsRepository,
    private readonly reads: TopicReadsRepository,
    private readonly activity: SignalActivityRepository,
    private readonly sources: SignalSourcesService,
    private readonly topics: TopicsService,
    private readonly events: SignalsEvents,
    private readonly audit: AuditService,
    @Inject(SENTIMENT_SCORER) private readonly scorer: SentimentScorer,
  ) {}

  /** POST /api/signals: `{ sourceId, items }` from an authenticated user or system account. */
  async ingest(body: unknown, user: AuthUser): Promise<IngestResult> {
    const { sourceId, items } = readBatch(body, null);
    await this.sources.assertAcceptsSignals(sourceId, user);
    return this.store(sourceId, items, 'api');
  }

  /**
   * Items the service collected itself for a source (a polled feed): the same path as POST /api/signals
   * (validated, idempotent, matched, scored, bucketed, detected) without a user; the caller checked the source.
   * `majorOutlet`: the source vouches that every item comes from a major outlet (detection's authority rules).
   */
  async ingestCollected(
    sourceId: string,
    items: unknown[],
    opts: { via: Extract<IngestVia, 'feed'>; majorOutlet?: boolean },
  ): Promise<IngestResult> {
    if (items.length > MAX_BATCH_ITEMS) {
      throw new AppError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `Một lô có tối đa ${MAX_BATCH_ITEMS} đề cập (nhận ${items.length}); hãy chia nhỏ lô`,
      );
    }
    if (!items.length) return { accepted: 0, duplicates: 0, rejected: [] };
    return this.store(sourceId, items, opts.via, undefined, opts.majorOutlet ?? false);
  }

  /** POST /api/signal-sources/:id/webhook: `{ items }` signed with the source's secret. */
  async ingestWebhook(req: WebhookRequest): Promise<IngestResult> {
    const source = await this.sources.credentials(req.sourceId);
    const refused = () =>
      new AppError(ErrorCode.SIGNATURE_INVALID, 'Chữ ký webhook không hợp lệ hoặc nguồn không tồn tại');
    if (!source) throw refused();
    if (!req.rawBody) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Webhook cần nội dung JSON (Content-Type: application/json)',
      );
    }
    const now = Math.floor(Date.now() / 1000);
    const check = verifySignature(
      { signature: req.signature, timestamp: req.timestamp },
      req.rawBody,
      source.secrets,
      now,
    );
    if (!check.ok) {
      switch (check.problem) {
        case 'missing':
          throw new AppError(
            ErrorCode.SIGNATURE_INVALID,
            'Thiếu chữ ký: cần các header X-Ungpho-Signature (sha256=<hex>) và X-Ungpho-Timestamp',
          );
        case 'malformed':
          throw new AppError(
            ErrorCode.SIGNATURE_INVALID,
            'Chữ ký sai định dạng: X-Ungpho-Signature là sha256=<64 ký tự hex>, X-Ungpho-Timestamp là giây Unix',
          );
        case 'expired':
          throw new AppError(
            ErrorCode.SIGNATURE_EXPIRED,
            `Yêu cầu đã quá hạn (ký trước hơn ${SIGNATURE_MAX_AGE_SECONDS} giây); hãy ký lại với thời điểm hiện tại`,
          );
        case 'future':
          throw new AppError(
            ErrorCode.SIGNATURE_EXPIRED,
            `Thời điểm ký ở tương lai (lệch quá ${SIGNATURE_FUTURE_SKEW_SECONDS} giây); hãy kiểm tra đồng hồ hệ thống gửi`,
          );
        case 'mismatch':
          throw refused();
      }
    }
    if (!source.active) throw inactive(source.id);
    const { items } = readBatch(req.body, source.id);
    this.cleanupReceipts();
    const expiresAt = new Date(
      (check.timestamp + SIGNATURE_MAX_AGE_SECONDS + SIGNATURE_FUTURE_SKEW_SECONDS) * 1000,
    );
    return this.store(source.id, items, 'webhook', async (manager) => {
      if (!(await this.repository.recordWebhookReceipt(manager, source.id, check.signature, expiresAt))) {
        throw new AppError(
          ErrorCode.SIGNATURE_REPLAYED,
          'Yêu cầu này đã được nhận (chữ ký đã dùng): từ chối gửi lại',
        );
      }
    });
  }

  /** A topic's bucket counters with bucket_start in [from, to), oldest first. */
  getBuckets(topicId: string, from: Date, to: Date): Promise<TopicBucketRow[]> {
    return this.reads.getBuckets(topicId, from, to);
  }

  /** Negative mentions on a topic in [from, to) other than one, and how many outlets or accounts wrote them. */
  negativePickup(
    topicId: string,
    from: Date,
    to: Date,
    excludeMentionId: string,
  ): Promise<{ mentions: number; outlets: number; volume: number }> {
    return this.reads.negativePickup(topicId, from, to, excludeMentionId);
  }

  /** The topic's negative mentions in the ranges, with their authors and whether each is a new voice. */
  negativeAuthorPosts(
    topicId: string,
    scanFrom: Date,
    to: Date,
    memoryMs: number,
    ranges: [number, number][],
  ): Promise<{ at: number; author: string; fresh: boolean }[]> {
    return this.reads.negativeAuthorPosts(topicId, scanFrom, to, memoryMs, ranges);
  }

  /** When the topic's first bucket starts (null: no mention yet). */
  firstBucketStart(topicId: string): Promise<Date | null> {
    return this.reads.firstBucketStart(topicId);
  }

  /** A topic's mentions published in [from, to): negative first, then by reach. */
  topMentions(topicId: string, from: Date, to: Date, limit: number): Promise<MentionSummary[]> {
    return this.reads.topMentions(topicId, from, to, limit);
  }

  /** A page of the given mentions, widest reach first (an incident's evidence: incidents owns the links). */
  mentionPage(ids: string[], limit: number, offset: number): Promise<EvidencePageMention[]> {
    return this.reads.mentionPage(ids, limit, offset);
  }

  /** The title and the first `chars` characters of the text of the given mentions (those that still exist). */
  mentionOpenings(
    manager: EntityManager,
    ids: string[],
    chars: number,
  ): Promise<{ id: string; title: string | null; text: string | null }[]> {
    return this.reads.mentionOpenings(manager, ids, chars);
  }

  /**
   * The topic (active or not); NOT_FOUND when there is none. Active topics come from the in-memory index that
   * ingestion uses (as fresh as it is, see TopicsService.current) and are shared objects: do not modify them.
   */
  async getTopic(topicId: string): Promise<Topic> {
    const cached = (await this.topics.current()).topics.get(topicId);
    return cached ?? this.topics.get(topicId);
  }

  private async store(
    sourceId: string,
    items: unknown[],
    via: IngestVia,
    first?: (manager: EntityManager) => Promise<void>,
    majorOutlet = false,
  ): Promise<IngestResult> {
    const t0 = performance.now();
    const index = await this.topics.current();
    const labelScope = await this.sources.labelScope(sourceId);
    const { mentions, links, notable, rejected } = await this.prepare(items, index, labelScope, majorOutlet);
    const t1 = performance.now();

    let written!: { inserted: Set<string>; buckets: TopicBucketRow[] };
    for (let attempt = 1; ; attempt++) {
      try {
        written = await this.dataSource.transaction(async (manager) => {
          if (first) await first(manager);
          const stored = await this.repository.writeMentions(manager, {
            sourceId,
            mentions,
            links,
            staged: attempt >= STAGED_FROM_ATTEMPT,
          });
          await this.audit.record(manager, {
            action: 'signals.ingested',
            entityType: 'signal_source',
            entityId: sourceId,
            data: {
              via,
              items: items.length,
              accepted: stored.inserted.size,
              duplicates: mentions.length - stored.inserted.size,
              rejected: rejected.length,
            },
          });
          const buckets = await this.repository.addToBuckets(manager, sumBuckets(stored.links));
          // The source's hour row is as hot as the buckets (every batch of the source): last, locked until commit.
          await this.activity.recordActivity(manager, {
            sourceId,
            via,
            accepted: stored.inserted.size,
            duplicates: mentions.length - stored.inserted.size,
            rejected: rejected.map(rejectLogEntry),
            links: stored.links,
          });
          return { inserted: stored.inserted, buckets };
        });
        break;
      } catch (err) {
        const code = pgErrorCode(err);
        if ((code === DEADLOCK || code === UNIQUE_VIOLATION) && attempt < MAX_ATTEMPTS) {
          this.logger.warn(
            code === DEADLOCK
              ? `Bế tắc khi ghi lô đề cập (nguồn ${sourceId}), thử lại lần ${attempt + 1}`
              : `Một lô khác vừa ghi cùng đề cập (nguồn ${sourceId}), thử lại lần ${attempt + 1}`,
          );
          continue;
        }
        throw err;
      }
    }

    const t2 = performance.now();
    const accepted = written.inserted.size;
    if (accepted) {
      await this.events.emitIngested({
        sourceId,
        via,
        accepted,
        topicBuckets: written.buckets,
        notable: selectNotable(notable.filter((n) => written.inserted.has(n.mentionId))),
      });
    }
    const t3 = performance.now();
    this.logger.debug(
      `Lô ${items.length} đề cập (nguồn ${sourceId}, ${via}): chuẩn bị ${(t1 - t0).toFixed(1)} ms, ` +
        `ghi ${(t2 - t1).toFixed(1)} ms, xử lý sau ${(t3 - t2).toFixed(1)} ms`,
    );
    return { accepted, duplicates: mentions.length - accepted, rejected };
  }

  /** Validation and everything that needs no database (mention-preparation.ts), with this node's scorer. */
  prepare(items: unknown[], index: TopicIndex, labelScope: Set<string> | null = null, majorOutlet = false) {
    return prepareMentions(items, index, this.scorer, labelScope, majorOutlet);
  }

  private cleanupReceipts(): void {
    const now = Date.now();
    if (now - this.lastReceiptCleanup < RECEIPT_CLEANUP_EVERY_MS) return;
    this.lastReceiptCleanup = now;
    this.repository.deleteExpiredReceipts().catch((err) => {
      this.logger.warn(
        `Không xóa được chữ ký webhook hết hạn: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }
}

/** A refused item as the reject log keeps it: the field, and the reason without the item's position. */
export function rejectLogEntry(r: { field?: string; reason: string }): { field: string; reason: string } {
  return {
    field: (r.field ?? 'item').slice(0, 100),
    reason: r.reason.replace(/^items\[\d+\](\.\w+)?: /, '').slice(0, 300),
  };
}

/** The PostgreSQL error code of a failed query (TypeORM wraps the driver's error; a COPY's comes bare). */
function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: string } };
  return e.driverError?.code ?? (typeof e.code === 'string' ? e.code : undefined);
}

/** Whole-body checks: a clear 400/413 before any item is looked at. */
function readBatch(body: unknown, pathSourceId: string | null): { sourceId: string; items: unknown[] } {
  const invalid = (field: string, message: string) =>
    validationFailed([fieldError(field, 'batchShape', `${field}: ${message}`)]);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('body', 'phải là đối tượng JSON { sourceId, items }');
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'sourceId' && key !== 'items') throw invalid(key, 'trường không được phép');
  }
  let sourceId: string;
  if (pathSourceId) {
    if (record.sourceId !== undefined && record.sourceId !== pathSourceId) {
      throw invalid('sourceId', 'phải trùng với nguồn trên đường dẫn');
    }
    sourceId = pathSourceId;
  } else {
    if (typeof record.sourceId !== 'string' || !UUID.test(record.sourceId)) {
      throw invalid('sourceId', 'phải là UUID của nguồn tín hiệu');
    }
    sourceId = record.sourceId;
  }
  const items = record.items;
  if (!Array.isArray(items)) throw invalid('items', 'phải là mảng các đề cập');
  if (items.length === 0) throw invalid('items', 'phải có ít nhất một đề cập');
  if (items.length > MAX_BATCH_ITEMS) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `Một lô có tối đa ${MAX_BATCH_ITEMS} đề cập (nhận ${items.length}); hãy chia nhỏ lô`,
      { maxItems: MAX_BATCH_ITEMS, received: items.length },
    );
  }
  return { sourceId, items };
}
