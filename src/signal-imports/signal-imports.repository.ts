import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { SignalImport } from './entities/signal-import.entity.js';
import type { ImportMapping } from './import-mapping.js';

interface Counts {
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** The SQL of file imports: jobs, their row errors, the saved mappings. */
@Injectable()
export class SignalImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest 100 imports of the given sources. */
  async list(sourceIds: string[]): Promise<SignalImport[]> {
    if (!sourceIds.length) return [];
    return this.dataSource.getRepository(SignalImport).find({
      where: { sourceId: In(sourceIds) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }

  async storedPath(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT stored_path FROM signal_imports WHERE id = $1`, [id]);
    return row?.stored_path ?? null;
  }

  /** uploaded → running, once: false when another request started it first or it is done. */
  async claim(manager: EntityManager, id: string, mapping: ImportMapping): Promise<boolean> {
    const rows: { id: string }[] = await manager.query(
      `WITH claimed AS (
         UPDATE signal_imports SET status = 'running', mapping = $2, started_at = now(), finished_at = NULL,
           fatal_error = NULL, rows_read = 0, accepted = 0, duplicates = 0, rejected = 0
         WHERE id = $1 AND status = 'uploaded' AND stored_path IS NOT NULL RETURNING id
       ) SELECT id FROM claimed`,
      [id, JSON.stringify(mapping)],
    );
    if (!rows.length) return false;
    await manager.query(`DELETE FROM signal_import_errors WHERE import_id = $1`, [id]);
    return true;
  }

  /** Counts while the import runs (outside its transaction, so the console sees them move). */
  async progress(id: string, c: Counts): Promise<void> {
    await this.dataSource.query(
      `UPDATE signal_imports SET rows_read = $2, accepted = $3, duplicates = $4, rejected = $5
       WHERE id = $1 AND status = 'running'`,
      [id, c.rowsRead, c.accepted, c.duplicates, c.rejected],
    );
  }

  /** The import's last write, in its transaction: done with its final counts, the file forgotten. */
  async complete(manager: EntityManager, id: string, c: Counts): Promise<void> {
    await manager.query(
      `UPDATE signal_imports SET status = 'done', rows_read = $2, accepted = $3, duplicates = $4, rejected = $5,
         finished_at = now(), stored_path = NULL WHERE id = $1`,
      [id, c.rowsRead, c.accepted, c.duplicates, c.rejected],
    );
  }

  /** Refused whole: nothing of it was written; the file is forgotten (upload it again to retry). */
  async fail(
    manager: EntityManager,
    id: string,
    reason: string,
    c: { rowsRead: number; rejected: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE signal_imports SET status = 'failed', fatal_error = $2, rows_read = $3, accepted = 0,
         duplicates = 0, rejected = $4, finished_at = now(), stored_path = NULL WHERE id = $1`,
      [id, reason, c.rowsRead, c.rejected],
    );
    await manager.query(`DELETE FROM signal_import_errors WHERE import_id = $1`, [id]);
  }

  async insertErrors(
    manager: EntityManager,
    id: string,
    errors: readonly { rowNumber: number; column: string | null; reason: string }[],
  ): Promise<void> {
    if (!errors.length) return;
    await manager.query(
      `INSERT INTO signal_import_errors (import_id, row_number, "column", reason)
       SELECT $1, * FROM unnest($2::int[], $3::varchar[], $4::varchar[])`,
      [id, errors.map((e) => e.rowNumber), errors.map((e) => e.column), errors.map((e) => e.reason)],
    );
  }

  async upsertMapping(
    manager: EntityManager,
    sourceId: string,
    mapping: ImportMapping,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO signal_import_mappings (source_id, mapping, updated_by_user_id, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (source_id) DO UPDATE SET mapping = EXCLUDED.mapping,
         updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
      [sourceId, JSON.stringify(mapping), userId],
    );
  }

  /** Imports left running by a node that stopped: their transaction is gone, so nothing of them was written. */
  async failInterrupted(reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE signal_imports SET status = 'failed', fatal_error = $1, finished_at = now(), stored_path = NULL
       WHERE status = 'running' AND started_at < now() - interval '1 minute'`,
      [reason],
    );
  }
}
