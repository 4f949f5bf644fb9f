/** File imports: what a column can feed and how a time can be written (shared by the API and the console). */

/** The mention fields a file's column can feed (author feeds `outlet` when no outlet column is mapped). */
export const MAPPABLE_FIELDS = [
  'text',
  'title',
  'url',
  'publishedAt',
  'author',
  'outlet',
  'platform',
  'sourceType',
  'sentiment',
  'sentimentScore',
  'reach',
  'reactions',
  'comments',
  'shares',
  'followers',
  'externalId',
  'fakeNewsLabel',
  'geoCode',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** How a publication time is written in the file; Vietnamese exports often use dd/MM/yyyy HH:mm. */
export const DATE_FORMATS = [
  'dd/MM/yyyy HH:mm',
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'MM/dd/yyyy HH:mm',
  'iso',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A source's column mapping: which header feeds which field, how times are written, the default source type. */
export interface ImportMapping {
  columns: Partial<Record<MappableField, string>>;
  dateFormat: DateFormat;
  /** Offset of the times written without one (Việt Nam: +07:00). */
  utcOffset: string;
  defaultSourceType: string;
}

/** `GET`/`PUT /api/signal-sources/:id/import-mapping`: the source's saved mapping (null: none yet). */
export interface SavedImportMapping {
  mapping: ImportMapping | null;
}

/** A problem of a row or of the mapping: the file's column (null: the row's or the mapping's own). */
export interface ImportProblem {
  column: string | null;
  reason: string;
}

/** One uploaded file and its import. */
export interface SignalImportJob {
  id: string;
  sourceId: string;
  createdByUserId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  sizeBytes: number;
  sha256: string;
  headers: string[];
  status: 'uploaded' | 'running' | 'done' | 'failed';
  mapping: ImportMapping | null;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  fatalError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** An import with its first row errors (`GET /api/signal-imports/:id`, and the answer of `…/start`). */
export interface SignalImportDetail extends SignalImportJob {
  errors: { rowNumber: number; column: string | null; reason: string }[];
}

/** What the first rows of a file become with a mapping; nothing stored. */
export interface ImportPreview {
  importId: string;
  headers: string[];
  mapping: ImportMapping | null;
  mappingProblems: ImportProblem[];
  rows: {
    rowNumber: number;
    values: Record<string, string | number | boolean | null>;
    item: Record<string, unknown> | null;
    errors: ImportProblem[];
  }[];
}
