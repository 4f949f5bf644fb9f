import { parse } from 'csv-parse/sync';
import { OrgUnitType } from './entities/org-unit.entity.js';
import { parsePeopleCsv, planPeopleCsvImport, stringifyPeopleCsv } from './people-csv.js';

const TODAY = '2026-11-23';
const units = [
  {
    id: 'u-so',
    code: 'AH-SVHTTDL',
    name: 'Sở VHTTDL',
    unitType: OrgUnitType.Department,
    parentId: null,
    validFrom: '2008-04-01',
    validTo: null,
  },
  {
    id: 'u-old',
    code: '99201',
    name: 'Thị trấn Tân Phú',
    unitType: OrgUnitType.CommuneWard,
    parentId: null,
    validFrom: '2020-01-01',
    validTo: '2025-06-30',
  },
  {
    id: 'u-new',
    code: '99201',
    name: 'Xã Tân Phú',
    unitType: OrgUnitType.CommuneWard,
    parentId: null,
    validFrom: '2025-07-01',
    validTo: null,
  },
];

describe('people CSV', () => {
  it('reads rows with the line where each starts, skipping blank lines and a BOM', () => {
    const text =
      '\uFEFFfull_name,position,org_unit_code,phone,email,tags\r\n' +
      'Vũ Thị Hồng Nhung,"Phó Giám đốc Sở\nVăn hóa",AH-SVHTTDL,0200 3800 212,Nhung@Example.vn,head;press_liaison\r\n' +
      '\r\n' +
      'Hoàng Văn Long,Trưởng phòng,AH-SVHTTDL,,,\r\n';
    const { rows, problems } = parsePeopleCsv(text);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(rows[0].values).toEqual({
      full_name: 'Vũ Thị Hồng Nhung',
      position: 'Phó Giám đốc Sở\nVăn hóa',
      org_unit_code: 'AH-SVHTTDL',
      phone: '0200 3800 212',
      email: 'Nhung@Example.vn',
      tags: 'head;press_liaison',
    });
    expect(rows[1].values).toEqual({
      full_name: 'Hoàng Văn Long',
      position: 'Trưởng phòng',
      org_unit_code: 'AH-SVHTTDL',
    });
  });

  it('reports header problems on line 1 and ragged rows on their line', () => {
    expect(parsePeopleCsv('name,position\nA,B\n').problems.map((p) => [p.line, p.message])).toEqual([
      [
        1,
        'Cột không được hỗ trợ: name (các cột hợp lệ: full_name, position, org_unit_code, phone, email, tags, org_unit_valid_from)',
      ],
      [1, 'Thiếu cột bắt buộc: full_name, org_unit_code'],
    ]);
    const ragged = parsePeopleCsv('full_name,position,org_unit_code\nA,B,C\nD,E\n');
    expect(ragged.problems).toEqual([
      { section: 'people', index: 1, line: 3, field: '', message: 'Dòng 3 có 2 cột, tiêu đề có 3 cột' },
    ]);
    const broken = parsePeopleCsv('full_name,position,org_unit_code\nA,"B,C\n');
    expect(broken.problems[0].message).toContain('không đọc được');
  });

  it('checks each row and names the CSV column and line', () => {
    const { rows } = parsePeopleCsv(
      'full_name,position,org_unit_code,email,tags\n' +
        'Một,Chuyên viên,AH-SVHTTDL,mot@example.vn,drafting\n' +
        ',Chuyên viên,AH-SVHTTDL,,\n' +
        'Ba,Chuyên viên,KHONG-CO,khong-phai-email,Có Dấu\n' +
        'Bốn,Chuyên viên,AH-SVHTTDL,MOT@example.vn,\n',
    );
    const { problems } = planPeopleCsvImport(rows, { units, people: [] }, TODAY);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'full_name'],
      [4, 'email'],
      [4, 'tags'],
      [5, 'email'],
    ]);
    expect(problems[0].message).toBe('full_name: bắt buộc');
    expect(problems[1].message).toBe('email: phải là địa chỉ e-mail hợp lệ');
    expect(problems[3].message).toBe('email: mot@example.vn đã xuất hiện ở dòng 2');
  });

  it('updates people found by e-mail, adds the others, and takes a reused code as today’s unit', () => {
    const { rows } = parsePeopleCsv(
      'full_name,position,org_unit_code,email,tags\n' +
        'Cũ Đổi Tên,Phó Chủ tịch,99201,cu@example.vn,head\n' +
        'Mới,Chuyên viên,99201,,\n' +
        'Lịch Sử,Chuyên viên,99201,,\n',
    );
    rows[2].values.org_unit_valid_from = '2020-01-01';
    const existing = {
      units,
      people: [
        { id: 'p-cu', fullName: 'Cũ', email: 'cu@example.vn', orgUnitId: 'u-so', tags: [], active: true },
      ],
    };
    const { plan, problems } = planPeopleCsvImport(rows, existing, TODAY);
    expect(problems).toEqual([]);
    expect(plan.update).toEqual([
      {
        id: 'p-cu',
        fullName: 'Cũ Đổi Tên',
        position: 'Phó Chủ tịch',
        orgUnitId: 'u-new',
        phone: null,
        email: 'cu@example.vn',
        tags: ['head'],
      },
    ]);
    expect(plan.create.map((p) => p.orgUnitId)).toEqual(['u-new', 'u-old']);
  });

  it('writes what it reads', () => {
    const csv = stringifyPeopleCsv([
      {
        fullName: 'Lê Quang Huy',
        position: 'Chánh Văn phòng, UBND tỉnh',
        orgUnitCode: 'AH-VPUBND',
        orgUnitValidFrom: null,
        phone: '0200 3800 121',
        email: 'huy.lq@example.vn',
        tags: ['head', 'press_liaison'],
      },
    ]);
    expect(
      csv.startsWith('\uFEFFfull_name,position,org_unit_code,phone,email,tags,org_unit_valid_from\r\n'),
    ).toBe(true);
    expect(parse(csv, { bom: true })[1][1]).toBe('Chánh Văn phòng, UBND tỉnh');
    const { rows, problems } = parsePeopleCsv(csv);
    expect(problems).toEqual([]);
    expect(rows[0].values).toMatchObject({ email: 'huy.lq@example.vn', tags: 'head;press_liaison' });
  });

  it('neutralises cells a spreadsheet would run as formulas, and imports them back as they were', () => {
    const hostile = [
      '=HYPERLINK("http://x.example","bấm")',
      '+84 200 3800 121',
      '-1+1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ];
    const csv = stringifyPeopleCsv(
      hostile.map((h, i) => ({
        fullName: h,
        position: h,
        orgUnitCode: `AH-${i}`,
        orgUnitValidFrom: null,
        phone: h,
        email: `p${i}@example.vn`,
        tags: [],
      })),
    );
    const cells = parse(csv, { bom: true }).slice(1) as string[][];
    for (const row of cells) {
      for (const c of [row[0], row[1], row[3]]) expect(c).toMatch(/^'[=+\-@\t\r]/);
    }
    const { rows } = parsePeopleCsv(csv);
    expect(rows.map((r) => r.values.position)).toEqual(hostile.map((h) => h.trim()));
    expect(
      stringifyPeopleCsv([
        {
          fullName: 'Lê Huy',
          position: 'Chánh Văn phòng',
          orgUnitCode: 'AH',
          orgUnitValidFrom: null,
          phone: null,
          email: null,
          tags: [],
        },
      ]),
    ).not.toContain("'");
  });
});
