import { numberLine } from '../documents/official-document.js';
import { statementDocument } from './statement-document.js';
import { StatementType } from './statement-types.js';

const unit = {
  name: 'Ủy ban nhân dân tỉnh An Hòa',
  shortName: 'UBND tỉnh',
  unitType: 'provincial_committee',
};
const province = { name: 'Tỉnh An Hòa', shortName: 'An Hòa', unitType: 'province' };
const version = {
  number: 2,
  title: 'Trả lời Báo An Hòa về giá vé xe buýt',
  body: 'Kính gửi: Báo An Hòa.',
  sha256: 'a'.repeat(64),
};

describe(statementDocument.name, () => {
  it('issues a holding statement as a notice of the committee, without the province above it', () => {
    const doc = statementDocument({
      type: StatementType.HoldingStatement,
      version: { ...version, title: 'Về vụ cháy chợ An Hòa' },
      unit,
      parent: province,
      placeName: 'An Hòa',
      issued: null,
      signer: {
        fullName: 'Trần Thị Bình',
        position: 'Phó Chủ tịch Ủy ban nhân dân tỉnh',
        unit,
      },
    });
    expect(doc.parentAgency).toBe('');
    expect(numberLine(doc.number)).toBe('Số: …/TB-UBND');
    expect(doc.title).toBe('THÔNG TIN BAN ĐẦU');
    expect(doc.subtitle).toBe('Về vụ cháy chợ An Hòa');
    expect(doc.signature).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH',
      name: 'Trần Thị Bình',
    });
    expect(doc.sha256).toBe(version.sha256);
  });

  it('issues a written answer as a letter: no type in the symbol, a "V/v" subject instead of a title', () => {
    const doc = statementDocument({
      type: StatementType.PressAnswer,
      version,
      unit,
      parent: province,
      placeName: 'An Hòa',
      issued: {
        number: 7,
        typeCode: '',
        issuerCode: 'UBND',
        issuedAt: new Date('2026-12-03T02:00:00Z'),
        year: 2026,
      },
      signer: null,
    });
    expect(numberLine(doc.number)).toBe('Số: 07/UBND');
    expect(doc.title).toBe('');
    expect(doc.subjectLine).toBe('V/v trả lời Báo An Hòa về giá vé xe buýt');
    expect(doc.issuedAt?.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(doc.signature).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: null });
    expect(doc.recipients).toContain('Như trên;');
  });
});
