/**
 * Numbers, dates and times as Vietnamese documents write them: decimal comma, dot between thousands, a space
 * (no-break) before "%", Vietnam time (UTC+7 all year). Every text a person reads goes through these.
 */
const VN_OFFSET_MS = 7 * 3600_000;
const NBSP = '\u00a0';
const two = (n: number) => String(n).padStart(2, '0');
const vn = (at: Date | string) => new Date(new Date(at).getTime() + VN_OFFSET_MS);

export const formatVi = {
  /** "1.234" */
  integer(n: number): string {
    return Math.round(n)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  },
  /** "1.234,5" with at most `digits` decimals (trailing zeros kept, as in tables). */
  decimal(n: number, digits = 1): string {
    const [int, frac] = Math.abs(n).toFixed(digits).split('.');
    const sign = n < 0 && Number(`${int}.${frac ?? 0}`) !== 0 ? '-' : '';
    return `${sign}${formatVi.integer(Number(int))}${frac ? `,${frac}` : ''}`;
  },
  /** A share (0–1) as "93,3 %"; an em dash when unknown. */
  percent(share: number | null | undefined, digits = 1): string {
    if (share === null || share === undefined || Number.isNaN(share)) return '—';
    return `${formatVi.decimal(share * 100, digits)}${NBSP}%`;
  },
  /** "ngày 03 tháng 12 năm 2026" */
  longDate(at: Date | string): string {
    const d = vn(at);
    return `ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
  },
  /** "03/12/2026" from an instant or a YYYY-MM-DD date. */
  date(at: Date | string): string {
    if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) {
      const [y, m, d] = at.split('-');
      return `${d}/${m}/${y}`;
    }
    const d = vn(at);
    return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  },
  /** "14:30 03/12/2026"; an em dash when unknown. */
  dateTime(at: Date | string | null | undefined): string {
    if (!at) return '—';
    const d = vn(at);
    return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ${formatVi.date(at)}`;
  },
  /** The Vietnam calendar year of an instant (document registers restart every 1 January). */
  year(at: Date): number {
    return vn(at).getUTCFullYear();
  },
};
