import { headOf, issuerCode, keepNameTogether, parentAgencyLine } from './document-symbols.js';
import { formatVi } from './format-vi.js';
import { markdownBlocks } from './markdown-blocks.js';
import { numberLine, placeDateLine } from './official-document.js';
import { signatureFor } from './signature.js';

const NBSP = '\u00a0';

describe('official document parts', () => {
  it('writes the number and symbol from the register, or dots before issue', () => {
    expect(numberLine({ number: 3, typeCode: 'TB', issuerCode: 'UBND' })).toBe('Số: 03/TB-UBND');
    expect(numberLine({ number: 125, typeCode: 'BC', issuerCode: 'SYT' })).toBe('Số: 125/BC-SYT');
    expect(numberLine({ number: null, typeCode: 'TB', issuerCode: 'SYT' })).toBe('Số: …/TB-SYT');
    expect(numberLine({ number: 7, typeCode: '', issuerCode: 'UBND' })).toBe('Số: 07/UBND');
  });

  it('dates in Vietnam time, as documents write them', () => {
    expect(placeDateLine('An Hòa', new Date('2026-12-02T18:30:00Z'))).toBe(
      'An Hòa, ngày 03 tháng 12 năm 2026',
    );
    expect(placeDateLine('An Hòa', null)).toBe('An Hòa, ngày … tháng … năm …');
    expect(formatVi.percent(0.9333)).toBe(`93,3${NBSP}%`);
    expect(formatVi.decimal(1234.56, 1)).toBe('1.234,6');
    expect(formatVi.integer(1234567)).toBe('1.234.567');
    expect(formatVi.year(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
  });

  it('abbreviates the issuer and leaves out a territory above its own committee', () => {
    expect(
      issuerCode({
        name: 'Ủy ban nhân dân tỉnh An Hòa',
        shortName: 'UBND tỉnh',
        unitType: 'provincial_committee',
      }),
    ).toBe('UBND');
    expect(issuerCode({ name: 'Sở Y tế tỉnh An Hòa', shortName: 'Sở Y tế', unitType: 'department' })).toBe(
      'SYT',
    );
    expect(issuerCode({ name: 'Sở Y tế tỉnh An Hòa 1a2b', shortName: null, unitType: 'department' })).toBe(
      'SYT',
    );
    expect(issuerCode({ name: 'x', shortName: 'Sở VHTTDL', unitType: 'department' })).toBe('SVHTTDL');
    expect(issuerCode({ name: 'x', shortName: 'Sở KH&CN', unitType: 'department' })).toBe('SKHCN');
    expect(
      issuerCode({ name: 'Công an tỉnh An Hòa', shortName: 'Công an tỉnh', unitType: 'police_unit' }),
    ).toBe('CAT');
    expect(parentAgencyLine({ name: 'Tỉnh An Hòa', shortName: null, unitType: 'province' })).toBe('');
    expect(
      parentAgencyLine({
        name: 'Ủy ban nhân dân tỉnh An Hòa',
        shortName: null,
        unitType: 'provincial_committee',
      }),
    ).toBe('UBND tỉnh An Hòa');
  });

  it('keeps unit names together except at their natural breaks', () => {
    expect(keepNameTogether('ỦY BAN NHÂN DÂN TỈNH AN HÒA')).toBe(
      `ỦY${NBSP}BAN${NBSP}NHÂN${NBSP}DÂN TỈNH${NBSP}AN${NBSP}HÒA`,
    );
    expect(keepNameTogether('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH')).toBe(
      `SỞ${NBSP}VĂN${NBSP}HÓA, THỂ${NBSP}THAO VÀ${NBSP}DU${NBSP}LỊCH`,
    );
  });

  it('signs with the authority of who signs (TM., KT., Q., TL.)', () => {
    const committee = headOf({
      name: 'Ủy ban nhân dân tỉnh An Hòa',
      shortName: null,
      unitType: 'provincial_committee',
    });
    const department = headOf({ name: 'Sở Y tế', shortName: null, unitType: 'department' });
    expect(signatureFor({ ...committee, position: 'Chủ tịch Ủy ban nhân dân tỉnh', fullName: 'A' })).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN'],
      title: 'CHỦ TỊCH',
      name: 'A',
    });
    expect(
      signatureFor({ ...committee, position: 'Phó Chủ tịch Ủy ban nhân dân tỉnh', fullName: 'B' }),
    ).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH',
      name: 'B',
    });
    expect(signatureFor({ ...department, position: 'Phó Giám đốc Sở Y tế', fullName: 'C' })).toEqual({
      authority: ['KT. GIÁM ĐỐC'],
      title: 'PHÓ GIÁM ĐỐC',
      name: 'C',
    });
    expect(
      signatureFor({ ...department, position: 'Thượng tá, Phó Giám đốc Công an tỉnh', fullName: 'D' })
        .authority,
    ).toEqual(['KT. GIÁM ĐỐC']);
    expect(signatureFor({ ...department, position: 'Quyền Giám đốc Sở Y tế', fullName: 'E' }).title).toBe(
      'Q. GIÁM ĐỐC',
    );
    expect(signatureFor({ ...department, position: 'Chánh Văn phòng Sở Y tế', fullName: 'F' })).toEqual({
      authority: ['TL. GIÁM ĐỐC'],
      title: 'CHÁNH VĂN PHÒNG',
      name: 'F',
    });
    expect(signatureFor({ ...department, position: null, fullName: null })).toEqual({
      authority: [],
      title: 'GIÁM ĐỐC',
      name: null,
    });
  });

  it('reads a statement Markdown body as document blocks, emphasis kept, markup gone', () => {
    const blocks = markdownBlocks(
      'Sáng **A** b.\n\n**1. Nội dung**\n\n- 12 học sinh;\n- *Không* nặng.\n\n## 2. Biện pháp',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Sáng A b.',
        runs: [{ text: 'Sáng ' }, { text: 'A', bold: true }, { text: ' b.' }],
      },
      { kind: 'paragraph', text: '1. Nội dung', runs: [{ text: '1. Nội dung', bold: true }] },
      {
        kind: 'list',
        ordered: false,
        items: ['12 học sinh;', 'Không nặng.'],
        itemRuns: [[{ text: '12 học sinh;' }], [{ text: 'Không', italic: true }, { text: ' nặng.' }]],
      },
      { kind: 'heading', level: 1, text: '2. Biện pháp' },
    ]);
  });
});
