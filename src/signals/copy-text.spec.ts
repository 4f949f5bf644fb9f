import { copyField, copyLine } from './copy-text.js';

describe('COPY text format', () => {
  it('writes null as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N'); // the text "\N" is not a null
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('Tin "giả" {x,y} NULL')).toBe('Tin "giả" {x,y} NULL');
  });

  it('writes numbers, booleans and instants as PostgreSQL reads them', () => {
    expect(copyField(12)).toBe('12');
    expect(copyField(-0.25)).toBe('-0.25');
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
    expect(copyField(new Date('2025-08-12T07:45:00+07:00'))).toBe('2025-08-12T00:45:00.000Z');
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyLine(['a', null, 3, false])).toBe('a\t\\N\t3\tf\n');
    expect(copyLine([])).toBe('\n');
  });
});
