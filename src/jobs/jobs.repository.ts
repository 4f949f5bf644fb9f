import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { JobPayload, ScheduledJobRef } from './jobs.types.js';

/** A due timer, locked by the claiming transaction. */
export interface ClaimedJob {
  id: string;
  kind: string;
  key: string | null;
  payload: JobPayload;
  dueAt: Date;
  /** Attempts made before this one. */
  attempts: number;
}

/** The SQL of the timer table (exercised by test/jobs.e2e.spec.ts against PostgreSQL). */
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    job: { kind: string; key: string | null; payload: JobPayload; dueAt: Date },
    ifPending: 'keep' | 'replace',
  ): Promise<ScheduledJobRef> {
    const values = [job.kind, job.key, JSON.stringify(job.payload), job.dueAt];
    const insert = `INSERT INTO scheduled_jobs (kind, key, payload, due_at) VALUES ($1, $2, $3::jsonb, $4)`;
    if (job.key === null) {
      const [row] = await manager.query(`${insert} RETURNING id, due_at`, values);
      return { id: row.id, dueAt: row.due_at, created: true };
    }
    if (ifPending === 'replace') {
      // Waits for a worker that is firing the pending timer right now; once that one is done, a new one is inserted.
      const [row] = await manager.query(
        `${insert}
         ON CONFLICT (key) WHERE state = 'pending'
         DO UPDATE SET kind = EXCLUDED.kind, payload = EXCLUDED.payload, due_at = EXCLUDED.due_at,
                       attempts = 0, last_error = NULL
         RETURNING id, due_at, (xmax = 0) AS created`,
        values,
      );
      return { id: row.id, dueAt: row.due_at, created: row.created };
    }
    const [row] = await manager.query(
      `${insert} ON CONFLICT (key) WHERE state = 'pending' DO NOTHING RETURNING id, due_at`,
      values,
    );
    if (row) return { id: row.id, dueAt: row.due_at, created: true };
    const [existing] = await manager.query(
      `SELECT id, due_at FROM scheduled_jobs WHERE key = $1 AND state = 'pending'`,
      [job.key],
    );
    // Gone in between (fired or cancelled by a transaction that has just committed): schedule anew.
    if (!existing) return this.insert(manager, job, ifPending);
    return { id: existing.id, dueAt: existing.due_at, created: false };
  }

  /** The keys among `keys` that some timer (pending, fired, failed or cancelled) was ever scheduled under. */
  async knownKeys(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { key: string }[] = await manager.query(
      `SELECT DISTINCT key FROM scheduled_jobs WHERE key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Returns whether a pending timer was cancelled (false: none, or it has fired already). */
  /** The earliest due time of the pending timers of a kind (null: none). */
  async nextPending(manager: EntityManager, kind: string): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT min(due_at) AS due FROM scheduled_jobs WHERE kind = $1 AND state = 'pending'`,
      [kind],
    );
    return row?.due ? new Date(row.due) : null;
  }

  async cancel(manager: EntityManager, key: string): Promise<boolean> {
    const [, affected] = await manager.query(
      `UPDATE scheduled_jobs SET state = 'cancelled' WHERE key = $1 AND state = 'pending'`,
      [key],
    );
    return affected > 0;
  }

  /** Locks the most overdue timer of one of `kinds`, skipping those other workers hold. */
  async claimDue(manager: EntityManager, kinds: string[]): Promise<ClaimedJob | null> {
    const [row] = await manager.query(
      `SELECT id, kind, key, payload, due_at AS "dueAt", attempts
         FROM scheduled_jobs
        WHERE state = 'pending' AND due_at <= now() AND kind = ANY($1::text[])
        ORDER BY due_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      [kinds],
    );
    return row ?? null;
  }

  async markDone(manager: EntityManager, id: string, workerId: string): Promise<void> {
    await manager.query(
      `UPDATE scheduled_jobs
          SET state = 'done', attempts = attempts + 1, fired_at = clock_timestamp(), fired_by = $2
        WHERE id = $1`,
      [id, workerId],
    );
  }

  /** Records a failed attempt: due again in `retryInMs`, or `failed` for good when it is null. */
  async markFailed(
    manager: EntityManager,
    id: string,
    error: string,
    workerId: string,
    retryInMs: number | null,
  ): Promise<void> {
    await manager.query(
      retryInMs === null
        ? `UPDATE scheduled_jobs SET state = 'failed', attempts = attempts + 1, last_error = $2, fired_by = $3
            WHERE id = $1`
        : `UPDATE scheduled_jobs
              SET attempts = attempts + 1, last_error = $2, fired_by = $3,
                  due_at = clock_timestamp() + $4 * interval '1 millisecond'
            WHERE id = $1`,
      retryInMs === null ? [id, error, workerId] : [id, error, workerId, retryInMs],
    );
  }

  /** Milliseconds until the earliest pending timer of `kinds` (0 if overdue), null when there is none. */
  async nextDueInMs(kinds: string[]): Promise<number | null> {
    if (!kinds.length) return null;
    const [row] = await this.dataSource.query(
      `SELECT (EXTRACT(EPOCH FROM (min(due_at) - clock_timestamp())) * 1000)::float8 AS ms
         FROM scheduled_jobs
        WHERE state = 'pending' AND kind = ANY($1::text[])`,
      [kinds],
    );
    return row.ms === null ? null : Math.max(0, Number(row.ms));
  }
}
