/**
 * Dates in the directory are calendar days (`YYYY-MM-DD`, PostgreSQL `date`), compared as strings.
 * Validity intervals are inclusive at both ends; a null end means "still valid".
 */

export interface DateInterval {
  validFrom: string;
  validTo: string | null;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (2025-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isValidOn(interval: DateInterval, on: string): boolean {
  return interval.validFrom <= on && (interval.validTo === null || interval.validTo >= on);
}

/** Whether `outer` contains every day of `inner`. */
export function covers(outer: DateInterval, inner: DateInterval): boolean {
  if (inner.validFrom < outer.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}

export function overlaps(a: DateInterval, b: DateInterval): boolean {
  return (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);
}

/** Human form of an interval for messages: "từ 2008-04-01 đến 2025-02-28" or "từ 2025-07-01 (đang hiệu lực)". */
export function describeInterval(interval: DateInterval): string {
  return interval.validTo === null
    ? `từ ${interval.validFrom} (chưa có ngày kết thúc)`
    : `từ ${interval.validFrom} đến ${interval.validTo}`;
}
