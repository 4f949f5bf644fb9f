import { Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { StatementDocsRepository } from './statement-docs.repository.js';
import type { AppendResult } from './statement-docs.repository.js';
import { gateError } from './statement-doc-checks.js';
import { StatementDocRelay } from './statement-doc-relay.js';
import { NODE_UPDATE } from './statement-live-doc.js';
import type { LiveDoc, PendingUpdate } from './statement-live-doc.js';
import { docFromParts } from './statement-text.js';

/** Log rows after which a draft is folded into its snapshot. */
const COMPACT_AFTER_ROWS = 200;
/** Attempts at storing a batch the database failed to take (it was relayed already: it must be stored). */
const STORE_ATTEMPTS = 5;

/**
 * Stores the accepted updates of the drafts held on this node. **Group commit**: one append in flight per draft;
 * it starts at the end of the turn of the event loop that accepted an update (after that turn's relays), and
 * everything accepted meanwhile is merged into the next row. Each update's promise settles once its row is
 * stored (the sender's acknowledgement waits for it), or with the reason it was not.
 */
export class StatementDocWriter {
  private readonly logger = new Logger('StatementDocs');

  constructor(
    private readonly repository: StatementDocsRepository,
    private readonly relay: StatementDocRelay,
  ) {}

  persist(live: LiveDoc, p: Omit<PendingUpdate, 'resolve' | 'reject'>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      live.queue.push({ ...p, resolve, reject });
      if (live.writing) return;
      live.writing = true;
      setImmediate(() => void this.writeLoop(live));
    });
  }

  /** Waits for the writes queued for a draft (before a submission renders it, before the pool closes). */
  async drain(live: LiveDoc): Promise<void> {
    while (live.writing || live.queue.length) await new Promise((r) => setTimeout(r, 2));
  }

  /** Folds the draft's log into its snapshot (also called when a draft leaves memory). */
  compact(statementId: string): Promise<number> {
    return this.repository.compact(statementId, (parts) => {
      const doc = docFromParts(parts);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    });
  }

  /** Group commit: one row for everything queued while the previous write was in flight. */
  private async writeLoop(live: LiveDoc): Promise<void> {
    live.writing = true;
    try {
      while (live.queue.length) {
        const batch = live.queue.splice(0);
        const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update));
        const userIds = [...new Set(batch.map((b) => b.userId))];
        const appended = await this.store(live, merged, batch.length, userIds);
        if ('failure' in appended) {
          batch.forEach((b) => b.reject(appended.failure));
          continue;
        }
        if ('refused' in appended) {
          // Only when a gate notice did not reach this node in time (the database check is the last word).
          this.logger.warn(
            `${batch.length} relayed update(s) of ${live.statementId} refused: ${appended.refused}`,
          );
          live.gate = appended.refused;
          batch.forEach((b) => b.reject(gateError(appended.refused)));
          continue;
        }
        batch.forEach((b) => b.resolve());
        // A node that began loading while these were in flight may have missed the relay: stored, they go again.
        this.relay.serverSideEmit(NODE_UPDATE, { statementId: live.statementId, update: merged });
        live.rowsSinceCompaction++;
        if (live.rowsSinceCompaction >= COMPACT_AFTER_ROWS && !live.compacting) this.compactLater(live);
      }
    } finally {
      live.writing = false;
    }
  }

  /** Relayed already: a failing database is tried again (50 ms … 3.2 s) before the authors are told. */
  private async store(
    live: LiveDoc,
    merged: Uint8Array,
    count: number,
    userIds: string[],
  ): Promise<AppendResult | { failure: unknown }> {
    let failure: unknown = null;
    for (let attempt = 1; attempt <= STORE_ATTEMPTS; attempt++) {
      try {
        return await this.repository.append(live.statementId, merged, count, userIds);
      } catch (e) {
        failure = e;
        if (attempt < STORE_ATTEMPTS) await new Promise((r) => setTimeout(r, 50 * 4 ** (attempt - 1)));
      }
    }
    return { failure };
  }

  private compactLater(live: LiveDoc) {
    live.compacting = true;
    this.compact(live.statementId)
      .then((folded) => {
        live.rowsSinceCompaction = Math.max(0, live.rowsSinceCompaction - folded);
      })
      .catch((e: Error) => this.logger.warn(`compaction of ${live.statementId} failed: ${e.message}`))
      .finally(() => {
        live.compacting = false;
      });
  }
}
