import { columnOf, mapRow, missingColumns, parseTime } from './import-mapping.js';
import type { ImportMapping } from './import-mapping.js';

const mapping: ImportMapping = {
  columns: {
    text: 'Nội dung',
    url: 'Link',
    publishedAt: 'Ngày',
    author: 'Tác giả',
    sentiment: 'Sắc thái',
    reach: 'Tiếp cận',
    sourceType: 'Loại',
  },
  dateFormat: 'dd/MM/yyyy HH:mm',
  utcOffset: '+07:00',
  defaultSourceType: 'social',
};
const headers = ['Nội dung', 'Link', 'Ngày', 'Tác giả', 'Sắc thái', 'Tiếp cận', 'Loại'];
const index = new Map(headers.map((h, i) => [h, i]));

describe(parseTime.name, () => {
  it('reads Vietnamese day-first times in the given offset', () => {
    expect(parseTime('02/08/2025 07:15', 'dd/MM/yyyy HH:mm', '+07:00')).toBe('2025-08-02T07:15:00+07:00');
    expect(parseTime('2/8/2025', 'dd/MM/yyyy', '+07:00')).toBe('2025-08-02T00:00:00+07:00');
    expect(parseTime('2025-08-02 07:15:30', 'yyyy-MM-dd HH:mm:ss', '+07:00')).toBe(
      '2025-08-02T07:15:30+07:00',
    );
    expect(parseTime('08/02/2025 07:15', 'MM/dd/yyyy HH:mm', '+07:00')).toBe('2025-08-02T07:15:00+07:00');
  });

  it('refuses days and hours that do not exist, and text', () => {
    expect(parseTime('31/02/2025 10:00', 'dd/MM/yyyy HH:mm', '+07:00')).toBeUndefined();
    expect(parseTime('02/08/2025 24:10', 'dd/MM/yyyy HH:mm', '+07:00')).toBeUndefined();
    expect(parseTime('hôm qua', 'dd/MM/yyyy HH:mm', '+07:00')).toBeUndefined();
  });

  it('reads a spreadsheet date cell as wall-clock time; empty is absent', () => {
    expect(parseTime(new Date(Date.UTC(2025, 7, 12, 7, 45)), 'dd/MM/yyyy HH:mm', '+07:00')).toBe(
      '2025-08-12T07:45:00+07:00',
    );
    expect(parseTime(null, 'dd/MM/yyyy HH:mm', '+07:00')).toBeNull();
  });
});

describe(mapRow.name, () => {
  it('turns a row into an ingest item, with Vietnamese values understood', () => {
    const row = [
      'Nước máy có mùi',
      'https://a.vn/1',
      '02/08/2025 07:15',
      'Báo An Hòa',
      'Tiêu cực',
      '12.500',
      'Báo điện tử',
    ];
    expect(mapRow(mapping, index, row)).toEqual({
      ok: true,
      item: {
        text: 'Nước máy có mùi',
        url: 'https://a.vn/1',
        outlet: 'Báo An Hòa',
        sourceType: 'online_news',
        sentiment: 'negative',
        reach: 12500,
        publishedAt: '2025-08-02T07:15:00+07:00',
      },
    });
    const scored = mapRow(mapping, index, ['x', null, null, null, '-1', null, null]);
    expect(scored).toMatchObject({ ok: true, item: { sentiment: 'negative', sourceType: 'social' } });
  });

  it('names the file column of every problem of the row', () => {
    expect(mapRow(mapping, index, [null, null, '31/13/2025', null, 'Bực bội', 'nhiều', 'Báo tường'])).toEqual(
      {
        ok: false,
        problems: [
          { column: 'Loại', reason: expect.stringContaining('«Báo tường»') },
          { column: 'Sắc thái', reason: expect.stringContaining('«Bực bội»') },
          { column: 'Tiếp cận', reason: 'phải là số nguyên không âm' },
          { column: 'Ngày', reason: expect.stringContaining('«31/13/2025»') },
          { column: 'Nội dung', reason: 'dòng không có nội dung hay tiêu đề' },
        ],
      },
    );
  });

  it('finds the mapped columns a file lacks, and the column behind a field', () => {
    expect(missingColumns(mapping, headers.slice(0, 6))).toEqual([
      { column: 'Loại', reason: 'cột «Loại» (ghép cho trường sourceType) không có trong tệp' },
    ]);
    expect(columnOf(mapping, 'outlet')).toBe('Tác giả');
    expect(columnOf(mapping, 'url')).toBe('Link');
    expect(columnOf(mapping, undefined)).toBeNull();
  });
});
