import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { SignalSourcesService } from '../signals/signal-sources.service.js';
import type { ImportMappingDto } from './dto/signal-import.dto.js';
import { SignalImport, SignalImportError, SignalImportMapping } from './entities/signal-import.entity.js';
import { FatalImportError, readRows, sniffFormat } from './file-reader.js';
import { missingColumns } from './import-mapping.js';
import { asValidation, checkRow, fileHash, toMapping } from './import-rows.js';
import type { CellValue, ImportMapping, RowProblem } from './import-mapping.js';
import { IMPORT_MAX_STORED_ERRORS, SignalImportRunner } from './signal-import.runner.js';
import { SignalImportsRepository } from './signal-imports.repository.js';

const PREVIEW_ROWS = 20;

export interface UploadedFile {
  path: string;
  originalname: string;
  size: number;
}

export interface PreviewRow {
  rowNumber: number;
  values: Record<string, CellValue>;
  /** The mention the row becomes (the fields of `POST /api/signals`), when it is valid. */
  item: Record<string, unknown> | null;
  errors: RowProblem[];
}

/**
 * File imports from listening platforms: upload (type checked by content), a per-source column mapping, a
 * preview of what the first rows become, then the import through signals' ingest path in ONE transaction, run
 * in the background by SignalImportRunner.
 *
 * Fatal (nothing written, the job `failed` with the reason): the file cannot be read (not CSV/XLSX by its bytes,
 * not UTF-8, broken quoting, corrupt ZIP), a mapped column is missing, more than IMPORT_MAX_ROWS rows, no valid
 * row at all (a wrong mapping, most likely), the source switched off, a database failure. Row errors (a date in
 * another format, a bad URL, an unknown sentiment…) skip that row only and are listed with the row number,
 * column and reason.
 */
@Injectable()
export class SignalImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SignalImportsRepository,
    private readonly sources: SignalSourcesService,
    private readonly runner: SignalImportRunner,
    private readonly audit: AuditService,
  ) {}

  async upload(
    user: AuthUser,
    sourceId: string,
    file: UploadedFile | undefined,
  ): Promise<Omit<SignalImport, 'storedPath'>> {
    // Whether the caller may push into the source comes first: another unit's source is refused the same way
    // with or without a file.
    try {
      await this.sources.assertAcceptsSignals(sourceId, user);
    } catch (err) {
      if (file) await rm(file.path, { force: true });
      throw err;
    }
    if (!file)
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Thiếu tệp cần nhập', [
        { field: 'file', messages: ['file: hãy chọn tệp CSV hoặc XLSX'], constraints: ['required'] },
      ]);
    try {
      let format: 'csv' | 'xlsx';
      let headers: string[];
      try {
        format = await sniffFormat(file.path);
        const stream = await readRows(file.path, format);
        headers = stream.headers;
        await stream.rows[Symbol.asyncIterator]().return?.();
      } catch (err) {
        if (!(err instanceof FatalImportError)) throw err;
        throw new AppError(ErrorCode.VALIDATION_FAILED, `Tệp không nhập được: ${err.message}`, [
          { field: 'file', messages: [`file: ${err.message}`], constraints: ['fileType'] },
        ]);
      }
      const sha256 = await fileHash(file.path);
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(SignalImport, {
            sourceId,
            createdByUserId: user.id,
            fileName: file.originalname.slice(0, 255) || 'tep-nhap',
            format,
            sizeBytes: file.size,
            sha256,
            storedPath: file.path,
            headers,
            status: 'uploaded',
          }),
        );
        await this.audit.record(manager, {
          action: 'signal_import.uploaded',
          entityType: 'signal_import',
          entityId: saved.id,
          actorUserId: user.id,
          data: { sourceId, fileName: saved.fileName, format, sizeBytes: file.size, sha256 },
        });
        // The stored file's path stays on the server.
        const { storedPath: _path, ...job } = saved;
        return job;
      });
    } catch (err) {
      await rm(file.path, { force: true });
      throw err;
    }
  }

  /**
   * The newest imports of the sources the caller may see (the access layer's unit scope, through
   * `SignalSourcesService.list`): filtered in the query, so that another unit's many imports never push one's
   * own out of the page.
   */
  async list(user: AuthUser, sourceId?: string): Promise<SignalImport[]> {
    if (sourceId) {
      await this.sources.getVisible(user, sourceId);
      return this.repository.list([sourceId]);
    }
    const sources = await this.sources.list(user);
    return this.repository.list(sources.map((s) => s.id));
  }

  /** The job with its counts and its first row errors (progress while it runs). */
  async get(user: AuthUser, id: string) {
    const job = await this.visibleJob(user, id);
    const errors = await this.dataSource.getRepository(SignalImportError).find({
      where: { importId: id },
      order: { rowNumber: 'ASC', id: 'ASC' },
      take: IMPORT_MAX_STORED_ERRORS,
    });
    return {
      ...job,
      errors: errors.map((e) => ({ rowNumber: e.rowNumber, column: e.column, reason: e.reason })),
    };
  }

  async getMapping(user: AuthUser, sourceId: string): Promise<ImportMapping | null> {
    await this.sources.getVisible(user, sourceId);
    return (
      (await this.dataSource.getRepository(SignalImportMapping).findOneBy({ sourceId }))?.mapping ?? null
    );
  }

  async saveMapping(user: AuthUser, sourceId: string, dto: ImportMappingDto): Promise<ImportMapping> {
    // Another unit's source is out of sight (404, as when reading its mapping), not merely refused.
    await this.sources.getVisible(user, sourceId);
    await this.sources.assertAcceptsSignals(sourceId, user);
    const mapping = toMapping(dto);
    await this.dataSource.transaction(async (manager) => {
      await this.repository.upsertMapping(manager, sourceId, mapping, user.id);
      await this.audit.record(manager, {
        action: 'signal_import.mapping_saved',
        entityType: 'signal_source',
        entityId: sourceId,
        actorUserId: user.id,
        data: { mapping },
      });
    });
    return mapping;
  }

  /** What the first rows become with a mapping (given, else the source's saved one); nothing is stored. */
  async preview(user: AuthUser, id: string, dto?: ImportMappingDto) {
    const job = await this.visibleJob(user, id);
    const path = await this.repository.storedPath(id);
    if (!path) throw new AppError(ErrorCode.CONFLICT, 'Tệp của lần nhập này không còn (đã nhập xong)');
    const mapping = dto ? toMapping(dto) : await this.savedMapping(job.sourceId);
    const problems = mapping ? missingColumns(mapping, job.headers) : [];
    const rows: PreviewRow[] = [];
    const stream = await readRows(path, job.format).catch(asValidation);
    const headerIndex = new Map(job.headers.map((h, i) => [h, i]));
    const now = Date.now();
    try {
      for await (const row of stream.rows) {
        const values = Object.fromEntries(job.headers.map((h, i) => [h, row.values[i] ?? null]));
        if (!mapping || problems.length)
          rows.push({ rowNumber: row.rowNumber, values, item: null, errors: [] });
        else {
          const checked = checkRow(mapping, headerIndex, row, now);
          rows.push({
            rowNumber: row.rowNumber,
            values,
            item: checked.ok ? checked.item : null,
            errors: checked.ok ? [] : checked.problems,
          });
        }
        if (rows.length >= PREVIEW_ROWS) break;
      }
    } catch (err) {
      asValidation(err);
    }
    return { importId: id, headers: job.headers, mapping, mappingProblems: problems, rows };
  }

  /**
   * Starts the import with a mapping (given, else the saved one): refused at once (400, naming the column) if
   * the mapping names a column the file lacks; otherwise the job runs in the background, its counts polled on
   * `GET /api/signal-imports/:id`.
   */
  async start(user: AuthUser, id: string, dto: { mapping?: ImportMappingDto; saveMapping?: boolean }) {
    const job = await this.visibleJob(user, id);
    await this.sources.assertAcceptsSignals(job.sourceId, user);
    const mapping = dto.mapping ? toMapping(dto.mapping) : await this.savedMapping(job.sourceId);
    if (!mapping)
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Nguồn chưa có cách ghép cột: hãy gửi mapping', [
        {
          field: 'mapping',
          messages: ['mapping: bắt buộc khi nguồn chưa lưu cách ghép cột'],
          constraints: [],
        },
      ]);
    const missing = missingColumns(mapping, job.headers);
    if (missing.length)
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `Cách ghép cột không khớp tệp: ${missing.map((m) => m.reason).join('; ')}`,
        missing.map((m) => ({
          field: `mapping.columns.${Object.entries(mapping.columns).find(([, h]) => h === m.column)?.[0]}`,
          messages: [m.reason],
          constraints: ['columnExists'],
        })),
      );
    const claimed = await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.claim(manager, id, mapping))) return false;
      if (dto.saveMapping !== false)
        await this.repository.upsertMapping(manager, job.sourceId, mapping, user.id);
      await this.audit.record(manager, {
        action: 'signal_import.started',
        entityType: 'signal_import',
        entityId: id,
        actorUserId: user.id,
        data: { sourceId: job.sourceId, mapping, mappingSaved: dto.saveMapping !== false },
      });
      return true;
    });
    if (!claimed)
      throw new AppError(
        ErrorCode.CONFLICT,
        'Lần nhập này đang chạy hoặc đã xong; tải tệp lên lại để nhập lần nữa (trùng lặp sẽ được bỏ qua)',
      );
    this.runner.launch(id, job.sourceId, job.format, mapping, user);
    return this.get(user, id);
  }

  /** Resolves when the imports running on this node have finished (for shutdown and tests). */
  async idle(): Promise<void> {
    await this.runner.idle();
  }

  private async savedMapping(sourceId: string): Promise<ImportMapping | null> {
    return (
      (await this.dataSource.getRepository(SignalImportMapping).findOneBy({ sourceId }))?.mapping ?? null
    );
  }

  private async visibleJob(user: AuthUser, id: string): Promise<SignalImport> {
    const job = await this.dataSource.getRepository(SignalImport).findOneBy({ id });
    if (!job || !(await this.canSeeSource(user, job.sourceId))) throw AppError.notFound('lần nhập tệp', id);
    return job;
  }

  private async canSeeSource(user: AuthUser, sourceId: string): Promise<boolean> {
    try {
      await this.sources.getVisible(user, sourceId);
      return true;
    } catch {
      return false;
    }
  }
}
