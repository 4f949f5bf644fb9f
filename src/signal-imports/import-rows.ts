import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AppError, ErrorCode } from '../common/app-error.js';
import { validateMentionItem } from '../signals/mention-item.validator.js';
import type { ImportMappingDto } from './dto/signal-import.dto.js';
import { FatalImportError } from './file-reader.js';
import type { FileRow } from './file-reader.js';
import { columnOf, mapRow } from './import-mapping.js';
import type { ImportMapping, RowProblem } from './import-mapping.js';

/** The row mapped and then checked by the ingest path's own validator, problems naming the file's column. */
export function checkRow(
  mapping: ImportMapping,
  headerIndex: ReadonlyMap<string, number>,
  row: FileRow,
  now: number,
): { ok: true; item: Record<string, unknown> } | { ok: false; problems: RowProblem[] } {
  const mapped = mapRow(mapping, headerIndex, row.values);
  if (!mapped.ok) return mapped;
  const checked = validateMentionItem(mapped.item, 0, now);
  if (checked.ok) return mapped;
  return {
    ok: false,
    problems: [{ column: columnOf(mapping, checked.field), reason: stripPosition(checked.reason) }],
  };
}

export function stripPosition(reason: string): string {
  return reason.replace(/^items\[\d+\](\.\w+)?: /, '');
}

export function toMapping(dto: ImportMappingDto): ImportMapping {
  const columns: ImportMapping['columns'] = {};
  for (const [field, header] of Object.entries(dto.columns ?? {}))
    if (typeof header === 'string' && header.trim())
      (columns as Record<string, string>)[field] = header.trim();
  if (!columns.text && !columns.title)
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần ghép ít nhất cột nội dung hoặc tiêu đề', [
      {
        field: 'mapping.columns.text',
        messages: ['mapping.columns.text: cần ghép cột nội dung hoặc cột tiêu đề'],
        constraints: ['required'],
      },
    ]);
  return {
    columns,
    dateFormat: dto.dateFormat,
    utcOffset: dto.utcOffset,
    defaultSourceType: dto.defaultSourceType,
  };
}

export function asValidation(err: unknown): never {
  if (err instanceof FatalImportError)
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Tệp không đọc được: ${err.message}`, [
      { field: 'file', messages: [`file: ${err.message}`], constraints: [] },
    ]);
  throw err;
}

export function fileHash(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
