import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError } from '../common/app-error.js';
import { SignalsBulkIngest } from '../signals/bulk-ingest.js';
import { FatalImportError, readRows } from './file-reader.js';
import { columnOf, mapRow, missingColumns } from './import-mapping.js';
import type { ImportMapping } from './import-mapping.js';
import { stripPosition } from './import-rows.js';
import { SignalImportsRepository } from './signal-imports.repository.js';

/** Most data rows in one file: past this, the import is refused whole (split the export). */
export const IMPORT_MAX_ROWS = 200_000;
/** Rows written per chunk of the one import transaction; the job's counts are updated after each. */
export const IMPORT_CHUNK_ROWS = 1000;
/** Row errors kept per import (all are counted). */
export const IMPORT_MAX_STORED_ERRORS = 1000;

/**
 * The import itself, once started (SignalImportsService.start): reads the stored file, maps each row, writes
 * the valid ones through signals' ingest path in ONE transaction (chunks of IMPORT_CHUNK_ROWS, the job's counts
 * updated after each), then marks the job done, or failed whole with the reason, and deletes the file.
 */
@Injectable()
export class SignalImportRunner implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(SignalImportRunner.name);
  /** Imports running on this node, so a test or a shutdown can wait for them. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SignalImportsRepository,
    private readonly bulk: SignalsBulkIngest,
    private readonly audit: AuditService,
  ) {}

  /** An import left running by a stopped node wrote nothing (its transaction died with it): say so. */
  async onModuleInit(): Promise<void> {
    await this.repository.failInterrupted(
      'Việc nhập bị gián đoạn (dịch vụ khởi động lại); không dòng nào được ghi. Hãy chạy lại.',
    );
  }

  /** A graceful stop lets running imports finish (or fail whole) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  /** Runs a claimed import in the background; its outcome is written on the job, never thrown. */
  launch(id: string, sourceId: string, format: 'csv' | 'xlsx', mapping: ImportMapping, user: AuthUser): void {
    const run = this.run(id, sourceId, format, mapping, user)
      .catch((err) =>
        this.logger.error(`Không ghi được kết quả lần nhập ${id}: ${(err as Error).stack ?? String(err)}`),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  /** Resolves when the imports running on this node have finished (for shutdown and tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(
    id: string,
    sourceId: string,
    format: 'csv' | 'xlsx',
    mapping: ImportMapping,
    user: AuthUser,
  ): Promise<void> {
    const errors: { rowNumber: number; column: string | null; reason: string }[] = [];
    let errorCount = 0;
    let rowsRead = 0;
    const noteError = (rowNumber: number, column: string | null, reason: string) => {
      errorCount++;
      if (errors.length < IMPORT_MAX_STORED_ERRORS)
        errors.push({ rowNumber, column, reason: reason.slice(0, 500) });
    };
    const path = await this.repository.storedPath(id);
    try {
      if (!path) throw new FatalImportError('tệp không còn trên máy chủ');
      const session = await this.dataSource.transaction(async (manager) => {
        const session = await this.bulk.begin(manager, sourceId, 'import');
        const stream = await readRows(path, format);
        const headerIndex = new Map(stream.headers.map((h, i) => [h, i]));
        const missing = missingColumns(mapping, stream.headers);
        if (missing.length) throw new FatalImportError(missing.map((m) => m.reason).join('; '));
        let items: unknown[] = [];
        let itemRows: number[] = [];
        const flush = async () => {
          if (!items.length) return;
          const result = await session.add(items, { fieldLabel: (f) => columnOf(mapping, f) });
          for (const r of result.rejected)
            noteError(itemRows[r.index], columnOf(mapping, r.field), stripPosition(r.reason));
          items = [];
          itemRows = [];
          await this.repository.progress(id, {
            rowsRead,
            accepted: session.accepted,
            duplicates: session.duplicates,
            rejected: errorCount,
          });
        };
        for await (const row of stream.rows) {
          rowsRead++;
          if (rowsRead > IMPORT_MAX_ROWS)
            throw new FatalImportError(
              `tệp có hơn ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng dữ liệu: hãy chia nhỏ tệp xuất`,
            );
          const mapped = mapRow(mapping, headerIndex, row.values);
          if (!mapped.ok) {
            for (const p of mapped.problems) noteError(row.rowNumber, p.column, p.reason);
            session.noteRejected(
              mapped.problems.map((p) => ({ field: p.column ?? 'row', reason: p.reason })),
            );
            continue;
          }
          items.push(mapped.item);
          itemRows.push(row.rowNumber);
          if (items.length >= IMPORT_CHUNK_ROWS) await flush();
        }
        await flush();
        if (!rowsRead) throw new FatalImportError('tệp không có dòng dữ liệu nào');
        if (!session.accepted && !session.duplicates)
          throw new FatalImportError(
            'không dòng nào hợp lệ: hãy kiểm tra cách ghép cột và định dạng thời gian (xem lỗi từng dòng)',
          );
        await session.finish({ importId: id, rowsRead });
        await this.repository.complete(manager, id, {
          rowsRead,
          accepted: session.accepted,
          duplicates: session.duplicates,
          rejected: errorCount,
        });
        await this.repository.insertErrors(manager, id, errors);
        await this.audit.record(manager, {
          action: 'signal_import.done',
          entityType: 'signal_import',
          entityId: id,
          actorUserId: user.id,
          data: {
            sourceId,
            rowsRead,
            accepted: session.accepted,
            duplicates: session.duplicates,
            rejected: errorCount,
          },
        });
        return session;
      });
      await session.announce();
    } catch (err) {
      const reason =
        err instanceof FatalImportError
          ? err.message
          : err instanceof AppError
            ? err.message
            : 'lỗi khi ghi vào cơ sở dữ liệu; không dòng nào được ghi';
      if (!(err instanceof FatalImportError) && !(err instanceof AppError))
        this.logger.error(`Nhập tệp ${id} thất bại: ${(err as Error).stack ?? String(err)}`);
      await this.dataSource.transaction(async (manager) => {
        await this.repository.fail(manager, id, reason, { rowsRead, rejected: errorCount });
        await this.repository.insertErrors(manager, id, errors);
        await this.audit.record(manager, {
          action: 'signal_import.failed',
          entityType: 'signal_import',
          entityId: id,
          actorUserId: user.id,
          data: { sourceId, reason, rowsRead },
        });
      });
    } finally {
      if (path) await rm(path, { force: true });
    }
  }
}
