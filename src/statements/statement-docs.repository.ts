import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import {
  incidentJoinSql,
  incidentTakesChangesSql,
  READ_ONLY_INCIDENT_STATUSES,
} from '../access/sql-fragments.js';
import { IncidentReads } from '../incidents/incident-reads.repository.js';

export type AppendResult = { id: string } | { refused: 'not_draft' | 'incident_read_only' };

/** Incident statuses in which nothing of the incident changes any more. */
const READ_ONLY: readonly string[] = READ_ONLY_INCIDENT_STATUSES;

const APPEND_SQL = `WITH s AS (
    SELECT st.id, st.status, i.status AS incident_status
      FROM statements st ${incidentJoinSql('i', 'st.incident_id')}
     WHERE st.id = $1 FOR SHARE OF st, i),
  ins AS (
    INSERT INTO statement_doc_updates (statement_id, data, update_count, user_ids)
    SELECT s.id, $2, $3, $4 FROM s
     WHERE s.status = 'draft' AND ${incidentTakesChangesSql('s.incident_status')}
    RETURNING id)
  SELECT (SELECT id FROM ins) AS id, (SELECT incident_status FROM s) AS incident_status`;

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
   * Appends merged updates, only while the statement is a draft of an incident still open: the statement and
   * incident rows are share-locked in the same statement (the incident through
   * access's fragment: read-only incidents are an access rule), so a submission or a closing (both lock their row for
   * update) waits for appends in flight and every later append finds the draft frozen.
   * Returns the row id, or why nothing was written: the statement is not (or no longer) a draft, or its incident
   * is closed, archived or dismissed (read-only).
   *
   * On the co-drafting path (one append per turn of the event loop and draft): a prepared statement through the
   * DataSource's own pool (the same connections and settings as TypeORM's), without TypeORM's query runner.
   */
  async append(
    statementId: string,
    data: Uint8Array,
    updateCount: number,
    userIds: string[],
  ): Promise<AppendResult> {
    const pool = (this.dataSource.driver as PostgresDriver).master as pg.Pool;
    const { rows } = await pool.query<{ id: string | null; incident_status: string | null }>({
      name: 'statement_doc_append',
      text: APPEND_SQL,
      values: [statementId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), updateCount, userIds],
    });
    const row = rows[0];
    if (row?.id) return { id: row.id };
    return {
      refused: READ_ONLY.includes(row?.incident_status ?? '') ? 'incident_read_only' : 'not_draft',
    };
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
