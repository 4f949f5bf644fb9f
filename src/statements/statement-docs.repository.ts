import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentReads } from '../incidents/incident-reads.repository.js';

/** Incident statuses in which nothing of the incident changes any more. */
const READ_ONLY = ['closed', 'archived', 'dismissed'];

export interface StoredDocState {
  /** The snapshot first (if any), then the log rows after it, in order. */
  parts: Buffer[];
  /** Client updates folded into these parts. */
  updateCount: number;
  /** Log rows after the snapshot. */
  tailRows: number;
}

/**
 * SQL of the draft documents: the update log, its snapshots, and the draft check every append makes (the
 * incident's status through incidents' IncidentReads).
 */
@Injectable()
export class StatementDocsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentReads,
  ) {}

  /**
   * Appends merged updates, only while the statement is a draft of an incident still open: the incident row,
   * then the statement row, are share-locked in one transaction, so a submission or a closing (both lock the
   * incident's row, then the statement's, for update) waits for appends in flight and every later append finds
   * the draft frozen. Returns the row id, or why nothing was written: the statement is not (or no longer) a
   * draft, or its incident is closed, archived or dismissed (read-only).
   */
  async append(
    statementId: string,
    data: Uint8Array,
    updateCount: number,
    userIds: string[],
  ): Promise<{ id: string } | { refused: 'not_draft' | 'incident_read_only' }> {
    return this.dataSource.transaction(async (manager) => {
      const found: { incident_id: string }[] = await manager.query(
        `SELECT incident_id FROM statements WHERE id = $1`,
        [statementId],
      );
      if (!found[0]) return { refused: 'not_draft' as const };
      const incidentStatus = await this.incidents.statusForShare(manager, found[0].incident_id);
      if (READ_ONLY.includes(incidentStatus ?? '')) return { refused: 'incident_read_only' as const };
      const rows: { id: string }[] = await manager.query(
        `WITH s AS (SELECT id, status FROM statements WHERE id = $1 FOR SHARE)
         INSERT INTO statement_doc_updates (statement_id, data, update_count, user_ids)
         SELECT s.id, $2, $3, $4 FROM s WHERE s.status = 'draft'
         RETURNING id`,
        [statementId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), updateCount, userIds],
      );
      return rows[0] ? { id: rows[0].id } : { refused: 'not_draft' as const };
    });
  }

  /** The draft's incident, and whether it takes edits now (as the append would decide). */
  async gate(
    statementId: string,
  ): Promise<{ incidentId: string | null; gate: 'open' | 'not_draft' | 'incident_read_only' }> {
    const rows: { incident_id: string; status: string }[] = await this.dataSource.query(
      `SELECT incident_id, status FROM statements WHERE id = $1`,
      [statementId],
    );
    const row = rows[0];
    if (!row) return { incidentId: null, gate: 'not_draft' };
    const incidentStatus = await this.incidents.status(row.incident_id);
    const gate = READ_ONLY.includes(incidentStatus ?? '')
      ? 'incident_read_only'
      : row.status === 'draft'
        ? 'open'
        : 'not_draft';
    return { incidentId: row.incident_id, gate };
  }

  /** Snapshot + tail in one statement (one snapshot of the database: a compaction cannot fall in between). */
  async load(statementId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredDocState> {
    const rows: { kind: number; data: Buffer; count: number }[] = await manager.query(
      `WITH snap AS (SELECT state, last_update_id, update_count FROM statement_doc_snapshots WHERE statement_id = $1)
       SELECT 0 AS kind, state AS data, update_count AS count, 0::bigint AS id FROM snap
       UNION ALL
       SELECT 1, u.data, u.update_count, u.id FROM statement_doc_updates u
        WHERE u.statement_id = $1 AND u.id > COALESCE((SELECT last_update_id FROM snap), 0)
       ORDER BY kind, id`,
      [statementId],
    );
    return {
      parts: rows.map((r) => r.data),
      updateCount: rows.reduce((n, r) => n + Number(r.count), 0),
      tailRows: rows.filter((r) => Number(r.kind) === 1).length,
    };
  }

  /**
   * Folds the log into the snapshot: `merge` turns the stored parts into one state. The statement row is locked
   * against appends meanwhile (FOR NO KEY UPDATE conflicts with their FOR SHARE), so no row is missed.
   */
  async compact(statementId: string, merge: (parts: Buffer[]) => Uint8Array): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.query(`SELECT id FROM statements WHERE id = $1 FOR NO KEY UPDATE`, [
        statementId,
      ]);
      if (!locked.length) return 0;
      const rows: { kind: number; id: string; data: Buffer; count: number }[] = await manager.query(
        `WITH snap AS (SELECT state, last_update_id, update_count FROM statement_doc_snapshots WHERE statement_id = $1)
         SELECT 0 AS kind, last_update_id AS id, state AS data, update_count AS count FROM snap
         UNION ALL
         SELECT 1, u.id, u.data, u.update_count FROM statement_doc_updates u
          WHERE u.statement_id = $1 AND u.id > COALESCE((SELECT last_update_id FROM snap), 0)
         ORDER BY kind, id`,
        [statementId],
      );
      const tail = rows.filter((r) => Number(r.kind) === 1);
      if (!tail.length) return 0;
      const state = merge(rows.map((r) => r.data));
      const lastId = tail[tail.length - 1].id;
      const count = rows.reduce((n, r) => n + Number(r.count), 0);
      await manager.query(
        `INSERT INTO statement_doc_snapshots (statement_id, state, last_update_id, update_count, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (statement_id) DO UPDATE
           SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id,
               update_count = EXCLUDED.update_count, updated_at = now()`,
        [statementId, Buffer.from(state), lastId, count],
      );
      await manager.query(
        `DELETE FROM statement_doc_updates WHERE statement_id = $1 AND id = ANY($2::bigint[])`,
        [statementId, tail.map((r) => r.id)],
      );
      return tail.length;
    });
  }

  /** Writes the first state of a new statement (inside its creation transaction). */
  async initialize(manager: EntityManager, statementId: string, state: Uint8Array, updateCount: number) {
    await manager.query(
      `INSERT INTO statement_doc_snapshots (statement_id, state, last_update_id, update_count, updated_at)
       VALUES ($1, $2, 0, $3, now())`,
      [statementId, Buffer.from(state), updateCount],
    );
  }
}
