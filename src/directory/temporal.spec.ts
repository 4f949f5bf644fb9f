import { addDays, covers, describeInterval, isIsoDate, isValidOn, overlaps } from './temporal.js';
import { todayInVietnam } from '../common/dates.js';

describe('temporal', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-03-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
    expect(isIsoDate('2025-03-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250301)).toBe(false);
  });

  it('takes today in Vietnam, not in the server time zone', () => {
    // 17:30 UTC on 28/2 is already 00:30 on 1/3 in Hà Nội (UTC+7).
    expect(todayInVietnam(new Date('2025-02-28T17:30:00Z'))).toBe('2025-03-01');
    expect(todayInVietnam(new Date('2025-02-28T16:59:59Z'))).toBe('2025-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('treats intervals as inclusive at both ends, null meaning open', () => {
    const ict = { validFrom: '2008-04-01', validTo: '2025-02-28' };
    expect(isValidOn(ict, '2025-02-28')).toBe(true);
    expect(isValidOn(ict, '2025-03-01')).toBe(false);
    expect(isValidOn({ validFrom: '2025-03-01', validTo: null }, '2099-01-01')).toBe(true);
    expect(overlaps(ict, { validFrom: '2025-02-28', validTo: null })).toBe(true);
    expect(overlaps(ict, { validFrom: '2025-03-01', validTo: null })).toBe(false);
    expect(covers({ validFrom: '2000-01-01', validTo: null }, ict)).toBe(true);
    expect(covers(ict, { validFrom: '2010-01-01', validTo: null })).toBe(false);
    expect(describeInterval(ict)).toBe('từ 2008-04-01 đến 2025-02-28');
  });
});
