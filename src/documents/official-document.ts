/**
 * One official document (văn bản hành chính) in the form of Nghị định 30/2020/NĐ-CP, Phụ lục I: the two-column
 * heading, the number and symbol, place and date, the title, the body, "Nơi nhận" and the signature block.
 * Statements and reports both become this model; the PDF, DOCX and HTML renderers draw it, so every export of a
 * document carries the same heading and signature.
 */
import { formatVi } from './format-vi.js';

export interface ChartSpec {
  title: string;
  bucketMinutes: number;
  points: { t: Date; volume: number; negative: number }[];
  markers: { t: Date; label: string }[];
}

/** A stretch of text with its emphasis (from the statement's Markdown). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; runs?: Run[]; align?: 'center' | 'right' }
  | { kind: 'list'; items: string[]; itemRuns?: Run[][]; ordered?: boolean }
  | { kind: 'table'; headers: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'rule' };

/** "Số: 12/TB-UBND": the number from the unit's register, or null while the document is not issued. */
export interface DocumentNumber {
  number: number | null;
  /** Abbreviation of the document type (BC, TB, TC, …); empty for a letter (công văn). */
  typeCode: string;
  /** Abbreviation of the issuing body (UBND, SYT, …). */
  issuerCode: string;
}

export interface Signature {
  /** Authority lines above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"); may be empty. */
  authority: string[];
  /** The signer's title in capitals ("PHÓ CHỦ TỊCH"). */
  title: string;
  /** Full name; null when nobody is designated yet. */
  name: string | null;
}

export interface OfficialDocument {
  /** Cơ quan chủ quản (upper line, not bold); empty when the issuer has none (e.g. a People's Committee). */
  parentAgency: string;
  /** Cơ quan ban hành (bold). */
  agency: string;
  number: DocumentNumber;
  /** Letters carry "V/v <subject>" under the number instead of a title. */
  subjectLine?: string;
  /** Địa danh: "An Hòa". */
  placeName: string;
  /** The day of issue; null until issued ("ngày … tháng … năm …"). */
  issuedAt: Date | null;
  /** Tên loại văn bản in capitals (BÁO CÁO, THÔNG TIN BAN ĐẦU); empty for a letter. */
  title: string;
  /** Trích yếu nội dung, bold under the title. */
  subtitle: string;
  blocks: Block[];
  recipients: string[];
  signature: Signature;
  /** SHA-256 the PDF prints in its footer and its properties (the approved version's hash). */
  sha256?: string;
  /** A short name for the file's properties (Title). */
  documentName: string;
}

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** "Số: 12/TB-UBND" or, before issue, "Số: …/TB-UBND"; a letter: "Số: 12/UBND". */
export function numberLine(n: DocumentNumber): string {
  const symbol = [n.typeCode, n.issuerCode].filter(Boolean).join('-');
  return `Số: ${n.number === null ? '…' : String(n.number).padStart(2, '0')}/${symbol}`;
}

/** "An Hòa, ngày 03 tháng 12 năm 2026" (Vietnam date); before issue "An Hòa, ngày … tháng … năm …". */
export function placeDateLine(placeName: string, issuedAt: Date | null): string {
  return `${placeName || '…'}, ${issuedAt ? formatVi.longDate(issuedAt) : 'ngày … tháng … năm …'}`;
}

/** The signature block's lines, top to bottom, without the name. */
export function signatureLines(s: Signature): string[] {
  return [...s.authority, s.title].filter(Boolean);
}
