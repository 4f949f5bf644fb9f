import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isEmail } from 'class-validator';
import { isIsoDate } from '../directory/temporal.js';
import { OUTLET_TYPES } from './entities/press-outlet.entity.js';
import type { OutletType } from './entities/press-outlet.entity.js';

/**
 * Journalists as CSV, with their outlet on each row (UTF-8 with BOM so that spreadsheet software shows
 * Vietnamese correctly). An outlet named for the first time is added when `outlet_type` is given.
 */
export const JOURNALIST_CSV_COLUMNS = [
  'full_name',
  'outlet_name',
  'outlet_type',
  'press_card_number',
  'press_card_expires_on',
  'email',
  'phone',
  'beat',
] as const;
type Column = (typeof JOURNALIST_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['full_name', 'outlet_name'];
export const JOURNALIST_CSV_MAX_ROWS = 10_000;
const MAX_LENGTH: Record<Column, number> = {
  full_name: 200,
  outlet_name: 300,
  outlet_type: 20,
  press_card_number: 50,
  press_card_expires_on: 10,
  email: 255,
  phone: 50,
  beat: 200,
};

export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

export interface JournalistCsvRow {
  line: number;
  fullName: string;
  outletName: string;
  outletType: OutletType | null;
  pressCardNumber: string | null;
  pressCardExpiresOn: string | null;
  email: string | null;
  phone: string | null;
  beat: string | null;
}

export function parseJournalistsCsv(text: string): { rows: JournalistCsvRow[]; problems: CsvProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 0;
      return { rows: [], problems: [{ line, field: '', message: `Tệp CSV không đọc được ở dòng ${line}` }] };
    }
    throw e;
  }
  if (!records.length) return { rows: [], problems: [{ line: 1, field: '', message: 'Tệp CSV trống' }] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(JOURNALIST_CSV_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (unknown.length || missing.length) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          field: '',
          message: [
            unknown.length ? `Cột không được hỗ trợ: ${unknown.join(', ')}` : '',
            missing.length ? `Thiếu cột bắt buộc: ${missing.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        },
      ],
    };
  }
  if (records.length - 1 > JOURNALIST_CSV_MAX_ROWS)
    return {
      rows: [],
      problems: [{ line: 1, field: '', message: `Tối đa ${JOURNALIST_CSV_MAX_ROWS} dòng mỗi lần nhập` }],
    };
  const rows: JournalistCsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      problems.push({
        line,
        field: '',
        message: `Dòng ${line} có ${record.length} cột, tiêu đề có ${header.length} cột (ô có dấu phẩy cần đặt trong ngoặc kép)`,
      });
      continue;
    }
    const v: Partial<Record<Column, string>> = {};
    header.forEach((c, i) => {
      const cell = (record[i] ?? '').trim().normalize('NFC');
      if (cell) v[c as Column] = cell;
    });
    const bad = (field: Column, message: string) =>
      problems.push({ line, field, message: `${field}: ${message}` });
    for (const c of REQUIRED) if (!v[c]) bad(c, 'bắt buộc');
    for (const c of JOURNALIST_CSV_COLUMNS)
      if (v[c] && v[c].length > MAX_LENGTH[c]) bad(c, `tối đa ${MAX_LENGTH[c]} ký tự`);
    if (v.outlet_type && !(OUTLET_TYPES as readonly string[]).includes(v.outlet_type))
      bad('outlet_type', `một trong ${OUTLET_TYPES.join(', ')}`);
    if (v.press_card_expires_on && !isIsoDate(v.press_card_expires_on))
      bad('press_card_expires_on', 'ngày dạng YYYY-MM-DD');
    if (v.email && !isEmail(v.email)) bad('email', 'không phải địa chỉ thư điện tử hợp lệ');
    rows.push({
      line,
      fullName: v.full_name ?? '',
      outletName: v.outlet_name ?? '',
      outletType: (v.outlet_type as OutletType | undefined) ?? null,
      pressCardNumber: v.press_card_number ?? null,
      pressCardExpiresOn: v.press_card_expires_on ?? null,
      email: v.email?.toLowerCase() ?? null,
      phone: v.phone ?? null,
      beat: v.beat ?? null,
    });
  }
  return { rows, problems };
}

export function journalistsCsv(rows: Omit<JournalistCsvRow, 'line'>[]): string {
  return (
    '\uFEFF' +
    stringify(
      rows.map((r) => [
        r.fullName,
        r.outletName,
        r.outletType ?? '',
        r.pressCardNumber ?? '',
        r.pressCardExpiresOn ?? '',
        r.email ?? '',
        r.phone ?? '',
        r.beat ?? '',
      ]),
      { header: true, columns: [...JOURNALIST_CSV_COLUMNS] },
    )
  );
}
