import { arrayLiteral } from './signals.repository.js';

describe('arrayLiteral', () => {
  it('quotes strings, escapes quotes and backslashes, and writes NULL, numbers and booleans', () => {
    expect(arrayLiteral(['a', 'Tin "giả"', 'C:\\dữ liệu', '', null, 'NULL', '{x,y}'])).toBe(
      '{"a","Tin \\"giả\\"","C:\\\\dữ liệu","",NULL,"NULL","{x,y}"}',
    );
    expect(arrayLiteral([1, 2.5, -3, null])).toBe('{1,2.5,-3,NULL}');
    expect(arrayLiteral([true, false, null])).toBe('{t,f,NULL}');
    expect(arrayLiteral([])).toBe('{}');
  });
});
