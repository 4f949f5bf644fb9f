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
