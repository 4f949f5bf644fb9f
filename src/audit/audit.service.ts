import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { requestContext } from '../common/request-context.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { AuditRepository } from './audit.repository.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import type { AuditVerification } from '../contracts/audit.js';
import { currentActionName, storedActionNames } from './audit-actions.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  /** Defaults to the authenticated user of the current request. */
  actorUserId?: string | null;
}

export type { AuditVerification } from '../contracts/audit.js';

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * Appends one audit row inside the caller's transaction. Call it last in the transaction: it takes the
   * chain lock, which is held until commit.
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<AuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside the mutation’s transaction');
    }
    const ctx = requestContext.get();
    const head = await this.repository.lockChainHead(manager);
    const row = manager.create(AuditEntry, {
      id: head.nextId,
      occurredAt: new Date(),
      actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx?.userId ?? null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      // Round-trip through JSON so the hashed value is exactly what jsonb gives back (dates become strings).
      data: JSON.parse(JSON.stringify(entry.data ?? {})),
      correlationId: ctx?.requestId ?? null,
      prevHash: head.lastHash ?? GENESIS_HASH,
    });
    row.hash = auditHash(row);
    await this.repository.insert(manager, row);
    return row;
  }

  async list(query: AuditQueryDto): Promise<{ items: AuditEntry[]; nextBeforeId: string | null }> {
    const limit = query.limit ?? 50;
    const items = await this.repository.list({
      entityType: query.entityType,
      entityId: query.entityId,
      actorUserId: query.actorUserId,
      actions: query.action ? storedActionNames(query.action) : undefined,
      from: query.from,
      to: query.to,
      beforeId: query.beforeId,
      limit,
    });
    // Rows written under a present-tense name read under today's (the stored name stays: it is hashed).
    for (const item of items) item.action = currentActionName(item.action);
    return { items, nextBeforeId: items.length === limit ? items[items.length - 1].id : null };
  }

  /** Recomputes every row's hash and link in id order; reports the first row that does not match. */
  async verify(batchSize = 1000): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const rows = await this.repository.batchAfter(afterId, batchSize);
      for (const row of rows) {
        if (row.prevHash !== prevHash) {
          return { ok: false, checked, firstBrokenId: row.id, reason: 'prev_hash không khớp với dòng trước' };
        }
        if (auditHash(row) !== row.hash) {
          return {
            ok: false,
            checked,
            firstBrokenId: row.id,
            reason: 'nội dung dòng không khớp với hash đã lưu',
          };
        }
        prevHash = row.hash;
        checked++;
      }
      if (rows.length < batchSize) return { ok: true, checked };
      afterId = rows[rows.length - 1].id;
    }
  }
}
