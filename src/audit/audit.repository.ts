import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './entities/audit-entry.entity.js';

/** Key of the transaction-scoped advisory lock that keeps the hash chain linear across connections and nodes. */
const AUDIT_CHAIN_LOCK = 7_031_001;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  /** Stored names of the action (present and past tense). */
  actions?: string[];
  from?: Date | string;
  to?: Date | string;
  beforeId?: string;
  limit: number;
}

/** The audit log's SQL: the chain's head under its lock, the raw insert, the newest-first list, the walk. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the chain lock (held until the caller's transaction ends), then reads the last row's hash and takes
   * the next id of the sequence.
   */
  async lockChainHead(manager: EntityManager): Promise<{ lastHash: string | null; nextId: string }> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last]: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    const [{ id }]: { id: string }[] = await manager.query(
      `SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id`,
    );
    return { lastHash: last?.hash ?? null, nextId: id };
  }

  /** Raw insert: the id is part of the hash, and TypeORM would let the sequence pick a new one. */
  async insert(manager: EntityManager, row: AuditEntry): Promise<void> {
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
  }

  /** Rows newest first, filtered. */
  list(f: AuditFilter): Promise<AuditEntry[]> {
    const qb = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .take(f.limit);
    if (f.entityType) qb.andWhere('a.entityType = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    if (f.actorUserId) qb.andWhere('a.actorUserId = :actorUserId', { actorUserId: f.actorUserId });
    if (f.actions) qb.andWhere('a.action IN (:...actions)', { actions: f.actions });
    if (f.from) qb.andWhere('a.occurredAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.occurredAt < :to', { to: f.to });
    if (f.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: f.beforeId });
    return qb.getMany();
  }

  /** The next `limit` rows after `afterId`, in id order. */
  batchAfter(afterId: string, limit: number): Promise<AuditEntry[]> {
    return this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.id > :afterId', { afterId })
      .orderBy('a.id', 'ASC')
      .take(limit)
      .getMany();
  }
}
