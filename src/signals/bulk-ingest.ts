import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { IngestResult } from './dto/ingest.dto.js';
import { SignalSourcesService } from './signal-sources.service.js';
import { selectNotable, SignalsEvents } from './signals.events.js';
import type { IngestVia, NotableMention } from './signals.events.js';
import { SignalActivityRepository } from './signal-activity.repository.js';
import { SignalsRepository } from './signals.repository.js';
import type { MentionTopicLink } from './signals.repository.js';
import { rejectLogEntry, SignalsService } from './signals.service.js';
import { sumBuckets } from './topic-buckets.js';
import type { TopicBucketRow } from './topic-buckets.js';
import { TopicsService } from './topics.service.js';
import type { TopicIndex } from './topics.service.js';

/** What one chunk of a session did; `ids[i]` is the stored mention of item i (null: refused or unresolved). */
export interface ChunkResult extends IngestResult {
  ids: (string | null)[];
}

/**
 * Ingestion of many chunks in the caller's transaction, through the same preparation and write as
 * `POST /api/signals` (validation, normalization, idempotence, sentiment, matching, buckets), for file imports
 * and officers' reports: everything the session wrote commits or rolls back with the caller's own rows.
 *
 * Chunks are written staged (`INSERT … ON CONFLICT DO NOTHING`), so a concurrent batch storing one of the same
 * mentions can never fail a long import; a mention repeated across chunks is a duplicate (the lookup sees the
 * transaction's own rows). Buckets, activity and the audit row are written once, by `finish`, just before the
 * caller commits; `announce` tells detection after the commit.
 */
@Injectable()
export class SignalsBulkIngest {
  constructor(
    private readonly signals: SignalsService,
    private readonly repository: SignalsRepository,
    private readonly activity: SignalActivityRepository,
    private readonly sources: SignalSourcesService,
    private readonly topics: TopicsService,
    private readonly events: SignalsEvents,
    private readonly audit: AuditService,
  ) {}

  async begin(manager: EntityManager, sourceId: string, via: IngestVia): Promise<BulkIngestSession> {
    const [index, labelScope] = await Promise.all([this.topics.current(), this.sources.labelScope(sourceId)]);
    return new BulkIngestSession(this, manager, sourceId, via, index, labelScope);
  }

  /** @internal the session's access to the module's parts. */
  get parts() {
    return {
      signals: this.signals,
      repository: this.repository,
      activity: this.activity,
      events: this.events,
      audit: this.audit,
    };
  }
}

export class BulkIngestSession {
  accepted = 0;
  duplicates = 0;
  rejected = 0;
  private readonly links: MentionTopicLink[] = [];
  private readonly notable: NotableMention[] = [];
  private readonly rejectLog: { field: string; reason: string }[] = [];
  private buckets: TopicBucketRow[] = [];

  constructor(
    private readonly owner: SignalsBulkIngest,
    private readonly manager: EntityManager,
    readonly sourceId: string,
    readonly via: IngestVia,
    private readonly index: TopicIndex,
    private readonly labelScope: Set<string> | null,
  ) {}

  /**
   * Prepares and writes one chunk (at most a few thousand items). With `resolveDuplicates`, a duplicate's id is
   * the stored mention it repeats (one lookup per duplicate: for small chunks such as a report).
   */
  async add(
    items: unknown[],
    opts: { resolveDuplicates?: boolean; fieldLabel?: (field: string | undefined) => string | null } = {},
  ): Promise<ChunkResult> {
    const { signals, repository } = this.owner.parts;
    const prepared = await signals.prepare(items, this.index, this.labelScope);
    const stored = await repository.writeMentions(this.manager, {
      sourceId: this.sourceId,
      mentions: prepared.mentions,
      links: prepared.links,
      staged: true,
    });
    const refused = new Set(prepared.rejected.map((r) => r.index));
    const ids: (string | null)[] = [];
    let k = 0;
    for (let i = 0; i < items.length; i++) {
      if (refused.has(i)) {
        ids.push(null);
        continue;
      }
      const m = prepared.mentions[k++];
      if (stored.inserted.has(m.id)) ids.push(m.id);
      else if (opts.resolveDuplicates)
        ids.push(await repository.storedMentionId(this.manager, this.sourceId, m.input.externalId, m.urlKey));
      else ids.push(null);
    }
    this.links.push(...stored.links);
    this.notable.push(...prepared.notable.filter((n) => stored.inserted.has(n.mentionId)));
    for (const r of prepared.rejected) {
      const entry = rejectLogEntry(r);
      // A file import logs the file's column, which is what the person fixing the export sees.
      this.rejectLog.push(
        opts.fieldLabel
          ? { ...entry, field: (opts.fieldLabel(r.field) ?? entry.field).slice(0, 100) }
          : entry,
      );
    }
    const accepted = stored.inserted.size;
    const duplicates = prepared.mentions.length - accepted;
    this.accepted += accepted;
    this.duplicates += duplicates;
    this.rejected += prepared.rejected.length;
    return { accepted, duplicates, rejected: prepared.rejected, ids };
  }

  /** An item refused before the ingest path (e.g. a file row that could not be mapped): counted and logged. */
  noteRejected(entries: { field: string; reason: string }[]): void {
    this.rejected++;
    for (const e of entries)
      this.rejectLog.push({ field: e.field.slice(0, 100), reason: e.reason.slice(0, 300) });
  }

  /** The session's activity, audit row (with `auditData`) and bucket counters: last, before the commit. */
  async finish(auditData: Record<string, unknown> = {}): Promise<void> {
    const { repository, activity, audit } = this.owner.parts;
    await audit.record(this.manager, {
      action: 'signals.ingested',
      entityType: 'signal_source',
      entityId: this.sourceId,
      data: {
        via: this.via,
        accepted: this.accepted,
        duplicates: this.duplicates,
        rejected: this.rejected,
        ...auditData,
      },
    });
    this.buckets = await repository.addToBuckets(this.manager, sumBuckets(this.links));
    await activity.recordActivity(this.manager, {
      sourceId: this.sourceId,
      via: this.via,
      accepted: this.accepted,
      duplicates: this.duplicates,
      rejected: this.rejectLog,
      links: this.links,
    });
  }

  /** After the caller's commit: detection evaluates the touched topics. */
  async announce(): Promise<void> {
    if (!this.accepted) return;
    await this.owner.parts.events.emitIngested({
      sourceId: this.sourceId,
      via: this.via,
      accepted: this.accepted,
      topicBuckets: this.buckets,
      notable: selectNotable(this.notable),
    });
  }
}
