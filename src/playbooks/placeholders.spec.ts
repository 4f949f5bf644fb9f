import { dateVi, fillPlaceholders, timeVi } from './placeholders.js';

describe('playbook placeholders', () => {
  it('fills known names, marks missing ones for the drafter, keeps unknown ones', () => {
    const { text, missing } = fillPlaceholders(
      '{{don_vi}} thông tin lúc {{thoi_gian}}; người phát ngôn: {{nguoi_phat_ngon}}; {{khong_co}}',
      { don_vi: 'Sở Y tế tỉnh Thái Bình', thoi_gian: '08 giờ 00 ngày 02/12/2026', nguoi_phat_ngon: '' },
    );
    expect(text).toBe(
      'Sở Y tế tỉnh Thái Bình thông tin lúc 08 giờ 00 ngày 02/12/2026; người phát ngôn: ' +
        '[…: họ tên người phát ngôn]; {{khong_co}}',
    );
    expect(missing).toEqual(['nguoi_phat_ngon']);
  });

  it('writes times and dates in Vietnam time', () => {
    const at = new Date('2026-12-01T18:05:00Z'); // 01:05 on 2 December in Vietnam
    expect(timeVi(at)).toBe('01 giờ 05 ngày 02/12/2026');
    expect(dateVi(at)).toBe('ngày 02 tháng 12 năm 2026');
  });
});
