import { FAKE_NEWS_LABELS, MENTION_SOURCE_TYPES } from '../signals/mention-item.validator.js';
import type { MentionSourceType } from '../signals/mention-item.validator.js';
import { foldTokens } from '../common/text.js';

export { DATE_FORMATS, MAPPABLE_FIELDS } from '../contracts/signal-imports.js';
export type { DateFormat, MappableField } from '../contracts/signal-imports.js';
import type { DateFormat, MappableField } from '../contracts/signal-imports.js';

/** A source's column mapping: which header feeds which field, how times are written, the default type. */
export interface ImportMapping {
  columns: Partial<Record<MappableField, string>>;
  dateFormat: DateFormat;
  /** Offset of the times written without one (Việt Nam: +07:00, no daylight saving). */
  utcOffset: string;
  /** The kind of source of rows without a source-type column (or with an empty cell). */
  defaultSourceType: MentionSourceType;
}

export type CellValue = string | number | boolean | Date | null;

export interface RowProblem {
  /** The file's column header, or null when the problem is the row's. */
  column: string | null;
  reason: string;
}

/** A row turned into a mention item for the ingest path, or the problems that keep it out. */
export type MappedRow = { ok: true; item: Record<string, unknown> } | { ok: false; problems: RowProblem[] };

const SENTIMENT_WORDS: Record<string, 'positive' | 'neutral' | 'negative'> = {
  'tich cuc': 'positive',
  positive: 'positive',
  pos: 'positive',
  '1': 'positive',
  'trung lap': 'neutral',
  'trung tinh': 'neutral',
  neutral: 'neutral',
  neu: 'neutral',
  '0': 'neutral',
  'tieu cuc': 'negative',
  negative: 'negative',
  neg: 'negative',
  '-1': 'negative',
};

const SOURCE_TYPE_WORDS: Record<string, MentionSourceType> = {
  'bao in': 'print',
  print: 'print',
  'bao dien tu': 'online_news',
  'bao mang': 'online_news',
  'tin tuc': 'online_news',
  news: 'online_news',
  'online news': 'online_news',
  'phat thanh': 'radio_tv',
  'truyen hinh': 'radio_tv',
  'phat thanh truyen hinh': 'radio_tv',
  tv: 'radio_tv',
  'mang xa hoi': 'social',
  social: 'social',
  facebook: 'social',
  zalo: 'social',
  tiktok: 'social',
  twitter: 'social',
  x: 'social',
  threads: 'social',
  instagram: 'social',
  'dien dan': 'forum',
  forum: 'forum',
  video: 'video',
  youtube: 'video',
};

const FAKE_NEWS_WORDS: Record<string, string> = {
  'tin gia': 'tin_gia',
  'tin sai su that': 'tin_sai_su_that',
  'tin xac thuc': 'tin_xac_thuc',
};

const COUNT_FIELDS = ['reach', 'reactions', 'comments', 'shares', 'followers'] as const;
const TEXT_FIELDS = ['text', 'title', 'url', 'outlet', 'platform', 'externalId', 'geoCode'] as const;

/** The headers a mapping names that the file lacks: a wrong mapping, refused before anything is read. */
export function missingColumns(mapping: ImportMapping, headers: readonly string[]): RowProblem[] {
  const present = new Set(headers);
  return Object.entries(mapping.columns)
    .filter(([, header]) => header && !present.has(header))
    .map(([field, header]) => ({
      column: header as string,
      reason: `cột «${header}» (ghép cho trường ${field}) không có trong tệp`,
    }));
}

function asText(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  const s = String(value).trim();
  return s ? s : null;
}

const fold = (s: string) => foldTokens(s).join(' ');

/** An integer written 12345, 12.345, 12,345 or 12 345 (thousands separators of either convention). */
function parseCount(value: CellValue): number | null | undefined {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const s = String(value)
    .trim()
    .replace(/[\s.,]/g, '');
  if (!s) return null;
  if (!/^\d{1,15}$/.test(s)) return undefined;
  return Number(s);
}

/**
 * A publication time in the mapping's format and offset, as ISO 8601 with the offset; undefined when it cannot
 * be read. A spreadsheet's date cell arrives as a Date holding the wall-clock time as UTC.
 */
export function parseTime(value: CellValue, format: DateFormat, offset: string): string | null | undefined {
  if (value === null || value === '') return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const iso = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    if (
      date.getUTCFullYear() !== y ||
      date.getUTCMonth() !== mo - 1 ||
      date.getUTCDate() !== d ||
      h > 23 ||
      mi > 59 ||
      s > 59
    )
      return undefined;
    return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
  };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return iso(
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
    );
  }
  const s = String(value).trim();
  if (format === 'iso') return s;
  let m: RegExpExecArray | null;
  switch (format) {
    case 'dd/MM/yyyy HH:mm':
    case 'dd/MM/yyyy HH:mm:ss':
    case 'dd/MM/yyyy':
      m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
      return m ? iso(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : undefined;
    case 'MM/dd/yyyy HH:mm':
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
      return m ? iso(+m[3], +m[1], +m[2], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : undefined;
    case 'yyyy-MM-dd HH:mm:ss':
    case 'yyyy-MM-dd HH:mm':
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
      return m ? iso(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : undefined;
  }
}

/**
 * One row of the file as a mention item (the shape of `POST /api/signals` items). Problems name the file's
 * column; the item is then checked by the ingest path's own validator (see SignalImportsService).
 */
export function mapRow(
  mapping: ImportMapping,
  headerIndex: ReadonlyMap<string, number>,
  values: readonly CellValue[],
): MappedRow {
  const problems: RowProblem[] = [];
  const cell = (field: MappableField): CellValue => {
    const header = mapping.columns[field];
    if (!header) return null;
    const i = headerIndex.get(header);
    return i === undefined ? null : (values[i] ?? null);
  };
  const item: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const v = asText(cell(field));
    if (v !== null) item[field] = v;
  }
  const author = asText(cell('author'));
  if (author && !item.outlet) item.outlet = author;

  const typeCell = asText(cell('sourceType'));
  if (typeCell) {
    const known = (MENTION_SOURCE_TYPES as readonly string[]).includes(typeCell)
      ? (typeCell as MentionSourceType)
      : SOURCE_TYPE_WORDS[fold(typeCell)];
    if (known) item.sourceType = known;
    else
      problems.push({
        column: mapping.columns.sourceType!,
        reason: `loại nguồn «${typeCell}» không rõ (ví dụ: Báo điện tử, Mạng xã hội, Diễn đàn, Video)`,
      });
  } else item.sourceType = mapping.defaultSourceType;

  const sentimentCell = asText(cell('sentiment'));
  if (sentimentCell) {
    const label = SENTIMENT_WORDS[sentimentCell.toLowerCase()] ?? SENTIMENT_WORDS[fold(sentimentCell)];
    if (label) item.sentiment = label;
    else
      problems.push({
        column: mapping.columns.sentiment!,
        reason: `sắc thái «${sentimentCell}» không rõ (Tích cực, Trung lập hoặc Tiêu cực)`,
      });
  }
  const scoreCell = cell('sentimentScore');
  if (scoreCell !== null && scoreCell !== '') {
    const score = typeof scoreCell === 'number' ? scoreCell : Number(String(scoreCell).replace(',', '.'));
    if (Number.isFinite(score) && score >= -1 && score <= 1) item.sentimentScore = score;
    else problems.push({ column: mapping.columns.sentimentScore!, reason: 'điểm sắc thái phải từ -1 đến 1' });
  }
  const labelCell = asText(cell('fakeNewsLabel'));
  if (labelCell) {
    const label = (FAKE_NEWS_LABELS as readonly string[]).includes(labelCell)
      ? labelCell
      : FAKE_NEWS_WORDS[fold(labelCell)];
    if (label) item.fakeNewsLabel = label;
    else
      problems.push({
        column: mapping.columns.fakeNewsLabel!,
        reason: `nhãn «${labelCell}» không rõ (Tin giả, Tin sai sự thật hoặc Tin xác thực)`,
      });
  }
  for (const field of COUNT_FIELDS) {
    const n = parseCount(cell(field));
    if (n === undefined)
      problems.push({ column: mapping.columns[field]!, reason: 'phải là số nguyên không âm' });
    else if (n !== null) item[field] = n;
  }
  const time = parseTime(cell('publishedAt'), mapping.dateFormat, mapping.utcOffset);
  if (time === undefined)
    problems.push({
      column: mapping.columns.publishedAt!,
      reason: `thời gian «${asText(cell('publishedAt'))}» không đúng định dạng ${mapping.dateFormat}`,
    });
  else if (time !== null) item.publishedAt = time;
  if (!item.text && !item.title)
    problems.push({
      column: mapping.columns.text ?? mapping.columns.title ?? null,
      reason: 'dòng không có nội dung hay tiêu đề',
    });
  return problems.length ? { ok: false, problems } : { ok: true, item };
}

/** The file's column behind a field the ingest validator refused (author stands behind outlet when mapped). */
export function columnOf(mapping: ImportMapping, field: string | undefined): string | null {
  if (!field) return null;
  const columns = mapping.columns as Record<string, string | undefined>;
  if (field === 'outlet') return columns.outlet ?? columns.author ?? null;
  return columns[field] ?? null;
}
