import { cleanText, foldText, foldTokens, hashForm, termTokens } from './text.js';

describe('text normalization', () => {
  it('folds Vietnamese diacritics and case: "tin gia" is the folded form of "Tin giả"', () => {
    expect(foldText('Tin giả')).toBe('tin gia');
    expect(foldText('TIN GIẢ')).toBe('tin gia');
    expect(foldText('Tin Sai Sự Thật')).toBe('tin sai su that');
  });

  it('folds Đ and đ to d', () => {
    expect(foldText('Đường sắt Đà Nẵng')).toBe('duong sat da nang');
    expect(foldText('đ')).toBe('d');
    expect(foldText('Đ')).toBe('d');
  });

  it('treats composed (NFC) and decomposed (NFD) input the same', () => {
    const composed = 'Nguyễn Thị Ánh';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldText(decomposed)).toBe(foldText(composed));
    expect(cleanText(decomposed)).toBe(composed);
  });

  it('strips every tone and vowel mark of the Vietnamese alphabet', () => {
    expect(foldText('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy',
    );
  });

  it('collapses whitespace and removes zero-width characters', () => {
    expect(cleanText('  Sở\u00a0 Y\u200b tế \n\t An Hòa  ')).toBe('Sở Y tế An Hòa');
    expect(foldText('  Sở\u00a0 Y tế \n\t An Hòa ')).toBe('so y te an hoa');
  });

  it('keeps case and diacritics in the stored form, lower-cases the hashed form', () => {
    expect(cleanText('Bán hàng')).toBe('Bán hàng');
    expect(hashForm('  BÁN   Hàng ')).toBe('bán hàng');
    expect(hashForm('bạn hàng')).not.toBe(hashForm('bán hàng'));
  });

  it('splits folded text into words at punctuation', () => {
    expect(foldTokens('"Tin giả" về Sở Y tế (An Hòa)!')).toEqual([
      'tin',
      'gia',
      've',
      'so',
      'y',
      'te',
      'an',
      'hoa',
    ]);
    expect(foldTokens('COVID-19: 12 ca')).toEqual(['covid', '19', '12', 'ca']);
    expect(foldTokens('')).toEqual([]);
    expect(foldTokens('!!!')).toEqual([]);
  });

  it('reads watchlist terms with or without quotes', () => {
    expect(termTokens('"Sở Y tế"')).toEqual(['so', 'y', 'te']);
    expect(termTokens('“ngộ độc”')).toEqual(['ngo', 'doc']);
    expect(termTokens('  tin gia ')).toEqual(['tin', 'gia']);
    expect(termTokens('""')).toEqual([]);
  });
});

describe('foldTokens (fast path)', () => {
  /** The straightforward definition foldTokens must agree with. */
  const reference = (s: string) =>
    foldText(s)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);

  it('agrees with the definition on every UTF-16 code unit', () => {
    const differences: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      // Final sigma is the one context-dependent lower-casing; it folds to a separator either way.
      const s = `ab${String.fromCharCode(c)}cd ${String.fromCharCode(c)}`;
      const got = foldTokens(s).join('|');
      const want = reference(s).join('|');
      if (got !== want) differences.push(`U+${c.toString(16).padStart(4, '0')}: ${got} ≠ ${want}`);
    }
    expect(differences).toEqual([]);
  });

  it('agrees with the definition on mixed Vietnamese text, composed or not', () => {
    const alphabet =
      'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ 0123456789.,!?"-\u00a0\u200b\u0301😀';
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = 0; i < 40; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      if (k % 2) s = s.normalize('NFD');
      expect(foldTokens(s)).toEqual(reference(s));
    }
  });

  it('handles long texts', () => {
    const long = 'Tin giả '.repeat(5000);
    expect(foldTokens(long)).toHaveLength(10000);
  });
});
