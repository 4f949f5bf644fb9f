import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { CellValue } from './import-mapping.js';

export type FileFormat = 'csv' | 'xlsx';

/** A problem with the file as a whole: nothing of it is imported. */
export class FatalImportError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Binary formats people upload by mistake in place of a CSV: refused by their first bytes. */
const NOT_TEXT: [Buffer, string][] = [
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'tệp Excel 97-2003 (.xls): hãy lưu lại dạng .xlsx hoặc CSV'],
  [Buffer.from('%PDF'), 'tệp PDF'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'ảnh PNG'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'ảnh JPEG'],
];

/**
 * The file's format by its first bytes, never by its name: XLSX is a ZIP container; a CSV is UTF-8 text (a BOM
 * allowed) without NUL bytes. Anything else is refused with what it looks like.
 */
export async function sniffFormat(path: string): Promise<FileFormat> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (!bytesRead) throw new FatalImportError('tệp rỗng');
    if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
    for (const [magic, what] of NOT_TEXT) {
      if (head.subarray(0, magic.length).equals(magic))
        throw new FatalImportError(`không phải CSV hay XLSX (${what})`);
    }
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
      throw new FatalImportError('CSV mã hóa UTF-16: hãy lưu lại dạng CSV UTF-8');
    if (head.includes(0)) throw new FatalImportError('không phải tệp văn bản CSV (có byte NUL)');
    // A multi-byte character may be cut at the end of the sample: drop up to three trailing bytes.
    let end = head.length;
    for (let k = 0; k < 3 && end > 0 && (head[end - 1] & 0xc0) === 0x80; k++) end--;
    if (end > 0 && head[end - 1] >= 0xc0) end--;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    } catch {
      throw new FatalImportError(
        'CSV không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3): hãy lưu lại dạng CSV UTF-8',
      );
    }
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** A data row: its number as a spreadsheet shows it (header = row 1) and its cells in header order. */
export interface FileRow {
  rowNumber: number;
  values: CellValue[];
}

export interface RowStream {
  headers: string[];
  rows: AsyncIterable<FileRow>;
}

/** Streams a file's first sheet (XLSX) or its records (CSV): the first row is the header. */
export async function readRows(path: string, format: FileFormat): Promise<RowStream> {
  const source = format === 'csv' ? csvRecords(path) : xlsxRecords(path);
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new FatalImportError('tệp không có dòng tiêu đề');
  const headers = first.value.values.map((v, i) => (v === null ? '' : String(v).trim()) || `Cột ${i + 1}`);
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h)) throw new FatalImportError(`hai cột cùng tên «${h}» ở dòng tiêu đề`);
    seen.add(h);
  }
  const rows: AsyncIterable<FileRow> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        for (;;) {
          const r = await iterator.next();
          if (r.done) return r;
          // Rows with no value at all (trailing blank lines of a sheet) are not data.
          if (r.value.values.every((v) => v === null || v === '')) continue;
          return r;
        }
      },
      return: async () => {
        await iterator.return?.(undefined);
        return { done: true as const, value: undefined };
      },
    }),
  };
  return { headers, rows };
}

async function* csvRecords(path: string): AsyncGenerator<FileRow> {
  const delimiter = await guessDelimiter(path);
  const parser = createReadStream(path).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { rowNumber: record.info.lines, values: record.record.map((v) => (v === '' ? null : v)) };
    }
  } catch (err) {
    if (err instanceof FatalImportError) throw err;
    throw new FatalImportError(`CSV hỏng: ${(err as Error).message}`);
  }
}

/** Comma, semicolon (Excel in Vietnamese locale) or tab: whichever the header line has most of. */
async function guessDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const line = buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    const count = (c: string) => line.split(c).length - 1;
    return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  } finally {
    await handle.close();
  }
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (
    value instanceof Date ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    // The streaming reader gives a link cell's shown text (its target lives in the sheet's relationships).
    if ('hyperlink' in value) return value.hyperlink || String(value.text ?? '');
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

async function* xlsxRecords(path: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      let width = 0;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based: index 0 is empty.
        const raw = (row.values as ExcelJS.CellValue[]).slice(1);
        if (!width) width = raw.length;
        const values: CellValue[] = [];
        for (let i = 0; i < Math.max(width, raw.length); i++) values.push(cellValue(raw[i]));
        yield { rowNumber: row.number, values };
      }
      return; // the first sheet only
    }
    throw new FatalImportError('tệp XLSX không có trang tính nào');
  } catch (err) {
    if (err instanceof FatalImportError) throw err;
    throw new FatalImportError(`không đọc được tệp XLSX: ${(err as Error).message}`);
  }
}
