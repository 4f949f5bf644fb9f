import { todayInVietnam } from './dates.js';

describe(todayInVietnam.name, () => {
  it('turns at midnight in Vietnam, not at midnight UTC', () => {
    expect(todayInVietnam(new Date('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
    expect(todayInVietnam(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
  });

  it('agrees with the time-zone database for Asia/Ho_Chi_Minh', () => {
    const tz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      expect(todayInVietnam(new Date(t))).toBe(tz.format(new Date(t)));
    }
  });
});
