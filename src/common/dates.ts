/** Vietnam time: UTC+7 all year (no daylight saving), the clock of every legal date and every letter. */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar day (`YYYY-MM-DD`) in Vietnam of an instant, by default now: rules and the directory are dated in
 * local law, whatever the server's time zone.
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A time as people in Vietnam read it: 14:05 ngày 01/12/2026. */
export function formatVietnam(d: Date): string {
  const v = new Date(d.getTime() + VIETNAM_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCHours())}:${p(v.getUTCMinutes())} ngày ${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}
