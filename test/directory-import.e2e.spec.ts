import { parse } from 'csv-parse/sync';
import { AuditService } from '../src/audit/audit.service.js';
import { hashPassword } from '../src/auth/password.js';
import { Role } from '../src/auth/role.js';
import { loadDemoProvince } from '../src/demo/demo-province.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

const TABLES = [
  'org_units',
  'org_unit_capabilities',
  'org_unit_successions',
  'people',
  'spokesperson_designations',
];

async function counts(app: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = n;
  }
  return out;
}

async function auditActions(app: TestApp, action: string): Promise<{ data: Record<string, unknown> }[]> {
  return app.dataSource.query('SELECT data FROM audit_log WHERE action = $1 ORDER BY id', [action]);
}

/** A small but complete document: a province with a reused commune code, people and an authorisation. */
function smallDocument() {
  return {
    orgUnits: [
      { code: 'TN', name: 'Tỉnh Thử Nghiệm', unitType: 'province', validFrom: '2000-01-01' },
      {
        code: 'TN-UB',
        name: 'UBND tỉnh Thử Nghiệm',
        unitType: 'provincial_committee',
        parentCode: 'TN',
        validFrom: '2000-01-01',
      },
      {
        code: 'TN-SYT',
        name: 'Sở Y tế tỉnh Thử Nghiệm',
        unitType: 'department',
        parentCode: 'TN-UB',
        validFrom: '2000-01-01',
      },
      {
        code: 'TN-01',
        name: 'Xã Cũ',
        unitType: 'commune_ward',
        parentCode: 'TN',
        validFrom: '2000-01-01',
        validTo: '2025-06-30',
      },
      { code: 'TN-01', name: 'Xã Mới', unitType: 'commune_ward', parentCode: 'TN', validFrom: '2025-07-01' },
    ],
    capabilities: [
      { orgUnitCode: 'TN-SYT', capability: 'public_health', validFrom: '2000-01-01', legalBasis: 'Thử' },
    ],
    successions: [
      { predecessorCode: 'TN-01', successorCode: 'TN-01', kind: 'merged_into', effectiveOn: '2025-07-01' },
    ],
    people: [
      {
        fullName: 'Chủ Tịch Thử',
        position: 'Chủ tịch UBND tỉnh',
        orgUnitCode: 'TN-UB',
        email: 'chutich@thu.example.vn',
        tags: ['head'],
      },
      { key: 'pgd', fullName: 'Phó Giám Đốc Thử', position: 'Phó Giám đốc Sở Y tế', orgUnitCode: 'TN-SYT' },
    ],
    designations: [
      {
        person: 'pgd',
        orgUnitCode: 'TN-UB',
        kind: 'authorized',
        matter: 'Dịch bệnh trên địa bàn',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        grantedBy: 'chutich@thu.example.vn',
      },
      { person: 'pgd', orgUnitCode: 'TN-SYT', kind: 'spokesperson', validFrom: '2024-01-01' },
    ],
  };
}

describe('directory import and export', () => {
  let empty: TestApp;
  let emptyAdmin: TestUser;
  let demo: TestApp;
  let demoAdmin: TestUser;

  beforeAll(async () => {
    [empty, demo] = await Promise.all([createTestApp(), createTestApp()]);
    emptyAdmin = await empty.createUser({ roles: [Role.Admin] });
    demoAdmin = await demo.createUser({ roles: [Role.Admin] });
    await demo.dataSource.transaction((manager) =>
      loadDemoProvince(manager, {
        hashPassword,
        demoPassword: 'mat-khau-demo-2025',
        audit: demo.app.get(AuditService),
      }),
    );
  });

  afterAll(async () => {
    await Promise.all([empty?.close(), demo?.close()]);
  });

  const importInto = (app: TestApp, user: TestUser, body: unknown, query = '') =>
    app
      .http()
      .post(`/api/directory/import${query}`)
      .set(user.auth)
      .send(body as object);

  describe('JSON', () => {
    it('refuses a document with bad rows, says where each problem is, and writes nothing', async () => {
      const before = await counts(empty);
      const doc = smallDocument();
      doc.orgUnits.push({
        code: 'TN-02',
        name: 'Xã Lỗi',
        unitType: 'commune_ward',
        parentCode: 'TN',
        validFrom: '2025-02-30',
      });
      doc.orgUnits.push({
        code: 'TN-03',
        name: 'Xã Mồ Côi',
        unitType: 'commune_ward',
        parentCode: 'KHONG-CO',
        validFrom: '2025-07-01',
      });
      doc.capabilities.push({
        orgUnitCode: 'TN-SYT',
        capability: 'public_health',
        validFrom: '2020-01-01',
        legalBasis: 'Trùng',
      });
      doc.designations.push({
        person: 'pgd',
        orgUnitCode: 'TN-UB',
        kind: 'authorized',
        validFrom: '2026-01-01',
        grantedBy: 'chutich@thu.example.vn',
      } as (typeof doc.designations)[number]);
      const res = await importInto(empty, emptyAdmin, doc);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IMPORT_FAILED');
      expect(res.body.message).toContain('không có dữ liệu nào được ghi');
      const where = res.body.details.map(
        (d: { section: string; index: number; field: string }) => `${d.section}[${d.index}].${d.field}`,
      );
      expect(where).toEqual([
        'orgUnits[5].validFrom',
        'orgUnits[6].parentCode',
        'capabilities[1].validFrom',
        'designations[2].matter',
        'designations[2].validTo',
      ]);
      expect(res.body.details[0]).toEqual({
        section: 'orgUnits',
        index: 5,
        field: 'validFrom',
        message: 'validFrom: phải là ngày hợp lệ theo dạng YYYY-MM-DD',
      });
      expect(res.body.details[1].message).toBe('parentCode: không có đơn vị nào mang mã KHONG-CO');
      expect(await counts(empty)).toEqual(before);
      expect(await auditActions(empty, 'directory.imported')).toEqual([]);
    });

    it('checks without writing on a dry run', async () => {
      const before = await counts(empty);
      const res = await importInto(empty, emptyAdmin, smallDocument(), '?dryRun=true');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        dryRun: true,
        counts: { orgUnits: 5, capabilities: 1, successions: 1, people: 2, designations: 2 },
      });
      expect(await counts(empty)).toEqual(before);
    });

    it('writes every row in one transaction with one audit row, then refuses the same rows again', async () => {
      const before = await counts(empty);
      const res = await importInto(empty, emptyAdmin, smallDocument());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        dryRun: false,
        counts: { orgUnits: 5, capabilities: 1, successions: 1, people: 2, designations: 2 },
      });
      const after = await counts(empty);
      expect(after).toEqual({
        org_units: before.org_units + 5,
        org_unit_capabilities: before.org_unit_capabilities + 1,
        org_unit_successions: before.org_unit_successions + 1,
        people: before.people + 2,
        spokesperson_designations: before.spokesperson_designations + 2,
      });
      const audit = await auditActions(empty, 'directory.imported');
      expect(audit).toHaveLength(1);
      expect(audit[0].data).toEqual({ counts: res.body.counts });

      // The imported authorisation answers the spokesperson question.
      const [committee] = await empty.dataSource.query(`SELECT id FROM org_units WHERE code = 'TN-UB'`);
      const speakers = await empty
        .http()
        .get(`/api/org-units/${committee.id}/spokespersons?on=2026-06-01`)
        .set(emptyAdmin.auth);
      expect(
        speakers.body.authorized.map((a: { person: { fullName: string } }) => a.person.fullName),
      ).toEqual(['Phó Giám Đốc Thử']);

      const again = await importInto(empty, emptyAdmin, smallDocument());
      expect(again.status).toBe(422);
      const fields = again.body.details.map(
        (d: { section: string; field: string }) => `${d.section}.${d.field}`,
      );
      expect(fields).toEqual(expect.arrayContaining(['orgUnits.code', 'people.email']));
      expect(await counts(empty)).toEqual(after);
    });

    it('adds to what is stored, referring to stored units by code', async () => {
      const res = await importInto(empty, emptyAdmin, {
        orgUnits: [
          {
            code: 'TN-02',
            name: 'Phường Mới Thêm',
            unitType: 'commune_ward',
            parentCode: 'TN',
            validFrom: '2025-07-01',
          },
        ],
        people: [
          {
            fullName: 'Chủ Tịch Phường',
            position: 'Chủ tịch UBND phường',
            orgUnitCode: 'TN-02',
            email: 'ctp@thu.example.vn',
            tags: ['head'],
          },
        ],
        // TN-01 names two communes; the date picks the one that existed then.
        capabilities: [{ orgUnitCode: 'TN-01', capability: 'social_listening', validFrom: '2025-08-01' }],
      });
      expect(res.status).toBe(200);
      const [row] = await empty.dataSource.query(
        `SELECT u.name FROM org_unit_capabilities c JOIN org_units u ON u.id = c.org_unit_id WHERE c.capability = 'social_listening'`,
      );
      expect(row.name).toBe('Xã Mới');
    });

    it('limits the size of one import and refuses unknown sections', async () => {
      const rows = Array.from({ length: 5001 }, (_, i) => ({
        code: `Q-${i}`,
        name: `Đơn vị ${i}`,
        unitType: 'other',
        validFrom: '2025-01-01',
      }));
      const big = await importInto(empty, emptyAdmin, { orgUnits: rows });
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(big.body.message).toContain('phần orgUnits có 5001 dòng, tối đa 5000 dòng');
      const unknown = await importInto(empty, emptyAdmin, { units: [] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('units');
      const notArray = await importInto(empty, emptyAdmin, { people: 'Nguyễn Văn A' });
      expect(notArray.status).toBe(400);
      expect(notArray.body.details[0].field).toBe('people');
    });

    it('round-trips the demo province through export and import into an empty database', async () => {
      const exported = await demo.http().get('/api/directory/export').set(demoAdmin.auth);
      expect(exported.status).toBe(200);
      expect(exported.body.format).toBe('ungpho.directory/v1');
      expect(exported.body.orgUnits.length).toBe((await counts(demo)).org_units);
      // Reused codes carry the start date; unique ones do not.
      const newCommune = exported.body.people.find(
        (p: { fullName: string }) => p.fullName === 'Trương Văn Lộc',
      );
      expect(newCommune).toMatchObject({ orgUnitCode: '99201', orgUnitValidFrom: '2025-07-01' });
      expect(
        exported.body.people.find((p: { fullName: string }) => p.fullName === 'Lê Quang Huy')
          .orgUnitValidFrom,
      ).toBeUndefined();

      const fresh = await createTestApp();
      try {
        const admin = await fresh.createUser({ roles: [Role.Admin] });
        const imported = await importInto(fresh, admin, exported.body);
        expect(imported.status).toBe(200);
        expect(await counts(fresh)).toEqual(await counts(demo));
        const again = await fresh.http().get('/api/directory/export').set(admin.auth);
        expect({ ...again.body, exportedAt: null }).toEqual({ ...exported.body, exportedAt: null });

        const [province] = await fresh.dataSource.query(`SELECT id FROM org_units WHERE code = '99'`);
        const holder = await fresh
          .http()
          .get(`/api/org-units?capability=press_state_management&provinceId=${province.id}&on=2024-11-03`)
          .set(admin.auth);
        expect(holder.body.items.map((u: { code: string }) => u.code)).toEqual(['AH-STTTT']);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('people CSV', () => {
    const postCsv = (body: string, query = '', contentType = 'text/csv') =>
      demo
        .http()
        .post(`/api/directory/import/people.csv${query}`)
        .set(demoAdmin.auth)
        .set('Content-Type', contentType)
        .send(body);

    it('exports the people list as CSV with a BOM and the documented columns', async () => {
      const res = await demo.http().get('/api/directory/export/people.csv').set(demoAdmin.auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain('people.csv');
      expect(
        res.text.startsWith(
          '\uFEFFfull_name,position,org_unit_code,phone,email,tags,org_unit_valid_from\r\n',
        ),
      ).toBe(true);
      const rows: string[][] = parse(res.text, { bom: true });
      expect(rows).toHaveLength((await counts(demo)).people + 1);
      expect(rows.find((r) => r[0] === 'Vũ Thị Hồng Nhung')).toEqual([
        'Vũ Thị Hồng Nhung',
        'Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch',
        'AH-SVHTTDL',
        '0200 3800 212',
        'nhung.vth@example.vn',
        'deputy_head;team_lead;press_liaison',
        '',
      ]);
      // A reused code carries the unit's start date.
      expect(rows.find((r) => r[0] === 'Trương Văn Lộc')![6]).toBe('2025-07-01');
    });

    it('refuses a CSV with bad rows, naming the line and column, and writes nothing', async () => {
      const before = await counts(demo);
      const csv = [
        'full_name,position,org_unit_code,phone,email,tags',
        'Người Hợp Lệ,Chuyên viên,AH-SVHTTDL,,hople@example.vn,drafting',
        ',Chuyên viên,AH-SVHTTDL,,,',
        'Người Sai Đơn Vị,Chuyên viên,KHONG-CO,,,',
        '"Người Nhiều Dòng","Chuyên viên',
        'hai dòng",AH-SVHTTDL,,email-sai,',
        'Người Thiếu Cột,Chuyên viên',
      ].join('\n');
      const res = await postCsv(csv);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IMPORT_FAILED');
      expect(res.body.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
        [3, 'full_name'],
        [4, 'org_unit_code'],
        [5, 'email'],
        [7, ''],
      ]);
      expect(res.body.details[1].message).toBe('org_unit_code: không có đơn vị nào mang mã KHONG-CO');
      expect(await counts(demo)).toEqual(before);
    });

    it('updates people found by e-mail and adds the others, in one transaction with one audit row', async () => {
      const before = await counts(demo);
      const csv =
        'full_name,position,org_unit_code,phone,email,tags\n' +
        'Tô Văn Nam,Chuyên viên chính theo dõi dư luận,AH-TTBC,0200 3800 699,NAM.TV@example.vn,monitoring;analyst;drafting\n' +
        'Đào Thị Mới,Chuyên viên,AH-SVHTTDL,,moi.dt@example.vn,monitoring\n';
      const dry = await postCsv(csv, '?dryRun=true');
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({ dryRun: true, rows: 2, created: 1, updated: 1 });
      expect(await counts(demo)).toEqual(before);

      const res = await postCsv(csv);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dryRun: false, rows: 2, created: 1, updated: 1 });
      expect((await counts(demo)).people).toBe(before.people + 1);
      const [nam] = await demo.dataSource.query(
        `SELECT position, phone, tags FROM people WHERE email = 'nam.tv@example.vn'`,
      );
      expect(nam).toEqual({
        position: 'Chuyên viên chính theo dõi dư luận',
        phone: '0200 3800 699',
        tags: ['monitoring', 'analyst', 'drafting'],
      });
      const audit = await auditActions(demo, 'directory.people_csv_imported');
      expect(audit.map((a) => a.data)).toEqual([{ rows: 2, created: 1, updated: 1 }]);
    });

    it('takes back its own export unchanged', async () => {
      const exported = await demo.http().get('/api/directory/export/people.csv').set(demoAdmin.auth);
      const before = await counts(demo);
      const res = await postCsv(exported.text);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 0, updated: before.people });
      expect(await counts(demo)).toEqual(before);
    });

    it('asks for CSV when the body is something else', async () => {
      const res = await postCsv(JSON.stringify({ full_name: 'A' }), '', 'application/json');
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('text/csv');
      const headerOnly = await postCsv('full_name,position,org_unit_code\n');
      expect(headerOnly.status).toBe(422);
      expect(headerOnly.body.message).toContain('1 lỗi');
    });
  });
});
