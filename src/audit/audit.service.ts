import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requestContext } from '../common/request-context.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import type { AuditVerification } from '../contracts/audit.js';
import { currentActionName, storedActionNames } from './audit-actions.js';

/** Key of the transaction-scoped advisory lock that keeps the hash chain linear across connections and nodes. */
const AUDIT_CHAIN_LOCK = 7_031_001;

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one audit row inside the caller's transaction. Call it last in the transaction: it takes the
   * chain lock, which is held until commit.
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<AuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside the mutation’s transaction');
    }
    const ctx = requestContext.get();
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = await manager.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const [{ id }] = await manager.query(
      `SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id`,
    );
    const row = manager.create(AuditEntry, {
      id,
      occurredAt: new Date(),
      actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx?.userId ?? null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      // Round-trip through JSON so the hashed value is exactly what jsonb gives back (dates become strings).
      data: JSON.parse(JSON.stringify(entry.data ?? {})),
      correlationId: ctx?.requestId ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    });
    row.hash = auditHash(row);
    // Raw insert: the id is part of the hash, and TypeORM would let the sequence pick a new one.
    await manager.query(
      `INSERT INTO audit_log (id, occurred_at, actor_user_id, action, entity_type, entity_id, data, correlation_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.id,
        row.occurredAt,
        row.actorUserId,
        row.action,
        row.entityType,
        row.entityId,
        row.data,
        row.correlationId,
        row.prevHash,
        row.hash,
      ],
    );
    return row;
  }

  async list(query: AuditQueryDto): Promise<{ items: AuditEntry[]; nextBeforeId: string | null }> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .take(limit);
    if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actorUserId) qb.andWhere('a.actorUserId = :actorUserId', { actorUserId: query.actorUserId });
    if (query.action) qb.andWhere('a.action IN (:...actions)', { actions: storedActionNames(query.action) });
    if (query.from) qb.andWhere('a.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurredAt < :to', { to: query.to });
    if (query.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: query.beforeId });
    const items = await qb.getMany();
    // Rows written under a present-tense name read under today's (the stored name stays: it is hashed).
    for (const item of items) item.action = currentActionName(item.action);
    return { items, nextBeforeId: items.length === limit ? items[items.length - 1].id : null };
  }

  /** Recomputes every row's hash and link in id order; reports the first row that does not match. */
  async verify(batchSize = 1000): Promise<AuditVerification> {
    const repo = this.dataSource.getRepository(AuditEntry);
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const rows = await repo
        .createQueryBuilder('a')
        .where('a.id > :afterId', { afterId })
        .orderBy('a.id', 'ASC')
        .take(batchSize)
        .getMany();
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
