import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { randomUUID } from 'node:crypto';
import { UnitRegistry, validateRow } from './directory-import.rows.js';
import { ExistingDirectory, ImportProblem, PlannedPerson } from './directory-import.types.js';
import { ImportPersonRow } from './dto/directory-document.dto.js';

/**
 * The people list as CSV (UTF-8 with BOM so that spreadsheet software shows Vietnamese correctly), one row
 * per person; tags are separated by ";". `org_unit_valid_from` only matters when a unit code was reused over
 * time; without it the code means the unit that holds it today.
 */
export const PEOPLE_CSV_COLUMNS = [
  'full_name',
  'position',
  'org_unit_code',
  'phone',
  'email',
  'tags',
  'org_unit_valid_from',
] as const;
export type PeopleCsvColumn = (typeof PEOPLE_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: PeopleCsvColumn[] = ['full_name', 'position', 'org_unit_code'];

export const PEOPLE_CSV_MAX_ROWS = 20_000;

const COLUMN_OF_FIELD: Record<string, PeopleCsvColumn> = {
  fullName: 'full_name',
  position: 'position',
  orgUnitCode: 'org_unit_code',
  orgUnitValidFrom: 'org_unit_valid_from',
  phone: 'phone',
  email: 'email',
  tags: 'tags',
};

export interface PeopleCsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  values: Partial<Record<PeopleCsvColumn, string>>;
}

export interface PeopleCsvExportRow {
  fullName: string;
  position: string;
  orgUnitCode: string;
  orgUnitValidFrom: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
}

function problem(line: number, index: number, field: string, message: string): ImportProblem {
  return { section: 'people', index, line, field, message: field ? `${field}: ${message}` : message };
}

/** Line where a parsed record starts: csv-parse reports where it ends, and quoted cells may span lines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

export function parsePeopleCsv(text: string): { rows: PeopleCsvRow[]; problems: ImportProblem[] } {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 0;
      return {
        rows: [],
        problems: [problem(line, -1, '', `Tệp CSV không đọc được ở dòng ${line}: ${e.message}`)],
      };
    }
    throw e;
  }
  if (!records.length) return { rows: [], problems: [problem(1, -1, '', 'Tệp CSV trống: cần dòng tiêu đề')] };

  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const problems: ImportProblem[] = [];
  const unknown = header.filter((h) => !(PEOPLE_CSV_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (unknown.length) {
    problems.push(
      problem(
        1,
        -1,
        '',
        `Cột không được hỗ trợ: ${unknown.join(', ')} (các cột hợp lệ: ${PEOPLE_CSV_COLUMNS.join(', ')})`,
      ),
    );
  }
  if (missing.length) problems.push(problem(1, -1, '', `Thiếu cột bắt buộc: ${missing.join(', ')}`));
  if (duplicated.length)
    problems.push(problem(1, -1, '', `Cột bị lặp: ${[...new Set(duplicated)].join(', ')}`));
  if (problems.length) return { rows: [], problems };

  const rows: PeopleCsvRow[] = [];
  records.slice(1).forEach(({ record, raw, info }, index) => {
    const line = startLine(info.lines, raw);
    if (record.length !== header.length) {
      problems.push(
        problem(line, index, '', `Dòng ${line} có ${record.length} cột, tiêu đề có ${header.length} cột`),
      );
      return;
    }
    const values: PeopleCsvRow['values'] = {};
    header.forEach((column, i) => {
      const value = unneutralize(record[i].trim()).trim();
      if (value !== '') values[column as PeopleCsvColumn] = value;
    });
    rows.push({ line, values });
  });
  if (!rows.length && !problems.length) {
    problems.push(problem(1, -1, '', 'Tệp CSV không có dòng dữ liệu nào'));
  }
  return { rows, problems };
}

/** What a spreadsheet reads as the start of a formula (or, for tab and CR, shifts into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: one that starts like a formula gets a leading apostrophe (shown as text by
 * Excel and LibreOffice; parsePeopleCsv takes it off again, so an export imports back unchanged).
 */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of neutralizeCell, for what comes back in an import. */
function unneutralize(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function stringifyPeopleCsv(people: PeopleCsvExportRow[]): string {
  const body = stringify(
    people.map((p) =>
      [
        p.fullName,
        p.position,
        p.orgUnitCode,
        p.phone ?? '',
        p.email ?? '',
        p.tags.join(';'),
        p.orgUnitValidFrom ?? '',
      ].map(neutralizeCell),
    ),
    { header: true, columns: [...PEOPLE_CSV_COLUMNS], record_delimiter: '\r\n' },
  );
  return `\uFEFF${body}`;
}

export interface PeopleCsvPlan {
  create: PlannedPerson[];
  /** People matched by e-mail: their name, position, unit, phone and tags are replaced. */
  update: (Omit<PlannedPerson, 'active'> & { id: string })[];
}

/**
 * Checks every row and matches people by e-mail: a known e-mail updates that person, anything else is a new
 * person. Problems carry the CSV column and line.
 */
export function planPeopleCsvImport(
  rows: PeopleCsvRow[],
  existing: Pick<ExistingDirectory, 'units' | 'people'>,
  today: string,
): { plan: PeopleCsvPlan; problems: ImportProblem[] } {
  const units = new UnitRegistry();
  for (const u of existing.units) units.add({ ...u, isNew: false });
  const known = new Map(existing.people.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
  const seenEmails = new Map<string, number>();
  const plan: PeopleCsvPlan = { create: [], update: [] };
  const problems: ImportProblem[] = [];

  rows.forEach(({ line, values }, index) => {
    const fail = (field: string, message: string) => problems.push(problem(line, index, field, message));
    const before = problems.length;
    for (const column of REQUIRED_COLUMNS) if (!values[column]) fail(column, 'bắt buộc');
    if (problems.length > before) return;

    const { row, problems: invalid } = validateRow(ImportPersonRow, {
      fullName: values.full_name,
      position: values.position,
      orgUnitCode: values.org_unit_code,
      orgUnitValidFrom: values.org_unit_valid_from,
      phone: values.phone,
      email: values.email,
      tags: values.tags ? values.tags.split(';').filter((t) => t.trim()) : undefined,
    });
    for (const p of invalid) {
      const field = p.field.replace(/\[\d+\]$/, '');
      const column = COLUMN_OF_FIELD[field] ?? field;
      problems.push({
        ...problem(line, index, column, ''),
        message: p.message.replace(/^[^:]+:/, `${column}:`),
      });
    }
    if (!row) return;

    if (row.email) {
      const firstLine = seenEmails.get(row.email);
      if (firstLine !== undefined) return fail('email', `${row.email} đã xuất hiện ở dòng ${firstLine}`);
      seenEmails.set(row.email, line);
    }
    const unit = units.resolve(row.orgUnitCode, row.orgUnitValidFrom, today);
    if (!unit.ok) return fail(row.orgUnitValidFrom ? 'org_unit_valid_from' : 'org_unit_code', unit.message);

    const fields = {
      fullName: row.fullName,
      position: row.position,
      orgUnitId: unit.value.id,
      phone: row.phone ?? null,
      email: row.email ?? null,
      tags: row.tags ?? [],
    };
    const match = row.email ? known.get(row.email) : undefined;
    if (match) plan.update.push({ id: match.id, ...fields });
    else plan.create.push({ id: randomUUID(), ...fields, active: true });
  });
  return { plan, problems };
}
