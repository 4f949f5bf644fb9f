/**
 * The report as a document: a Vietnamese administrative header and blocks. The Markdown, HTML and PDF renderers
 * all draw this one model, so the three exports never disagree.
 */
export interface ChartSpec {
  title: string;
  bucketMinutes: number;
  points: { t: Date; volume: number; negative: number }[];
  markers: { t: Date; label: string }[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'chart'; chart: ChartSpec };

export interface ReportDocument {
  /** Upper line of the agency block (the governing body), e.g. "UBND TỈNH THÁI BÌNH"; may be empty. */
  agencyParent: string;
  /** The issuing unit, e.g. "SỞ Y TẾ". */
  agency: string;
  /** Document number line, e.g. "Số: …/BC-SC-2026-0042". */
  number: string;
  /** "Thái Bình, ngày 02 tháng 12 năm 2026". */
  placeDate: string;
  title: string;
  subtitle: string;
  blocks: Block[];
  signature: { title: string; name: string | null };
  recipients: string[];
}

const VN_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** "14:30 02/12/2026" (Vietnam time). */
export function dateTimeVi(at: Date | string | null): string {
  if (!at) return '—';
  const d = new Date(new Date(at).getTime() + VN_OFFSET_MS);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "02/12/2026" from a YYYY-MM-DD date or an instant (Vietnam time). */
export function dateOnlyVi(at: string | Date): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) {
    const [y, m, d] = at.split('-');
    return `${d}/${m}/${y}`;
  }
  const d = new Date(new Date(at).getTime() + VN_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function percentVi(share: number | null): string {
  if (share === null || Number.isNaN(share)) return '—';
  return `${(share * 100).toFixed(1).replace('.', ',')}%`;
}

export function numberVi(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
