import { AuditService } from '../src/audit/audit.service.js';
import { hashPassword } from '../src/auth/password.js';
import { Role } from '../src/auth/role.js';
import { DEMO_AUTHORIZED_MATTER, DEMO_PEOPLE } from '../src/demo/demo-province.data.js';
import { loadDemoProvince } from '../src/demo/demo-province.js';
import { todayInVietnam } from '../src/common/dates.js';
import { addDays } from '../src/directory/temporal.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

/** Directory API against the demo province (Tỉnh An Hòa) loaded into this file's own database. */
describe('directory API', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let demoUsers: string[];
  const today = todayInVietnam();

  /** Id of the unit with this code (the one starting on `validFrom` when the code was reused). */
  async function unitId(code: string, validFrom?: string): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM org_units WHERE code = $1 AND ($2::date IS NULL OR valid_from = $2::date) ORDER BY valid_from`,
      [code, validFrom ?? null],
    );
    if (rows.length !== 1)
      throw new Error(`expected one unit ${code} ${validFrom ?? ''}, got ${rows.length}`);
    return rows[0].id;
  }

  async function personId(email: string): Promise<string> {
    const [row] = await t.dataSource.query('SELECT id FROM people WHERE email = $1', [email]);
    return row.id;
  }

  const get = (url: string, user: TestUser = officer) => t.http().get(url).set(user.auth);
  const names = (items: { name: string }[]) => items.map((u) => u.name);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser({ roles: [Role.Admin] });
    officer = await t.createUser({ roles: [Role.Officer] });
    const loaded = await t.dataSource.transaction((manager) =>
      loadDemoProvince(manager, {
        hashPassword,
        demoPassword: 'mat-khau-demo-2025',
        audit: t.app.get(AuditService),
      }),
    );
    demoUsers = loaded.users.map((u) => u.email);
  });

  afterAll(() => t?.close());

  describe('demo province', () => {
    it('records one audit row and creates logins that work', async () => {
      const rows = await t.dataSource.query(`SELECT data FROM audit_log WHERE action = 'demo.loaded'`);
      expect(rows).toHaveLength(1);
      expect(rows[0].data.counts.orgUnits).toBeGreaterThan(30);
      expect(demoUsers).toContain(DEMO_PEOPLE.viceChairwoman);
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ email: DEMO_PEOPLE.viceChairwoman, password: 'mat-khau-demo-2025' });
      expect(login.status).toBe(200);
      expect(login.body.user.roles).toEqual([Role.Leader]);
    });
  });

  describe('access', () => {
    it('needs a token for every directory route', async () => {
      for (const url of [
        '/api/org-units',
        '/api/people',
        '/api/spokesperson-designations',
        '/api/directory/export',
      ]) {
        const res = await t.http().get(url);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
    });

    it('lets any signed-in user read', async () => {
      expect((await get('/api/org-units')).status).toBe(200);
      expect((await get('/api/people')).status).toBe(200);
      expect((await get(`/api/org-units/${await unitId('AH-UBND')}/spokespersons`)).status).toBe(200);
    });

    it('keeps writes for administrators', async () => {
      const ubnd = await unitId('AH-UBND');
      const writes = [
        t
          .http()
          .post('/api/org-units')
          .send({ code: 'X-1', name: 'Đơn vị X', unitType: 'other', validFrom: '2025-01-01' }),
        t.http().patch(`/api/org-units/${ubnd}`).send({ phone: '0200 000 000' }),
        t
          .http()
          .post(`/api/org-units/${ubnd}/capabilities`)
          .send({ capability: 'legal_review', validFrom: '2025-01-01' }),
        t.http().post('/api/people').send({ fullName: 'Ai Đó', position: 'Chuyên viên', orgUnitId: ubnd }),
        t.http().post('/api/spokesperson-designations').send({}),
        t.http().post('/api/directory/import').send({}),
        t.http().get('/api/directory/export'),
      ];
      for (const req of writes) {
        const res = await req.set(officer.auth);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const created = await t.http().post('/api/org-units').set(admin.auth).send({
        code: 'AH-TEST-1',
        name: 'Đơn vị thử quyền',
        unitType: 'other',
        parentId: ubnd,
        validFrom: '2025-01-01',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'AH-TEST-1', parentId: ubnd, validTo: null });
      const audit = await t.dataSource.query(
        'SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1',
        [created.body.id],
      );
      expect(audit).toEqual([{ action: 'org_unit.created', actor_user_id: admin.user.id }]);
    });
  });

  describe('validation', () => {
    it('names every bad field and refuses unknown ones', async () => {
      const res = await t
        .http()
        .post('/api/org-units')
        .set(admin.auth)
        .send({ code: 'mã có dấu', unitType: 'bogus', validFrom: '2025-02-30', colour: 'đỏ' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = res.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields).toEqual(['code', 'colour', 'name', 'unitType', 'validFrom']);
      const messages = res.body.details.flatMap((d: { messages: string[] }) => d.messages);
      expect(messages).toContain('validFrom: phải là ngày hợp lệ theo dạng YYYY-MM-DD');
      expect(messages).toContain('colour: trường không được phép');
    });

    it('checks query parameters and ids', async () => {
      const bad = await get('/api/org-units?on=2025-13-01&capability=flying');
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['capability', 'on']);
      expect((await get('/api/org-units/not-a-uuid')).status).toBe(400);
      const missing = await get('/api/org-units/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NOT_FOUND');
    });

    it('requires matter and end date for an authorised spokesperson, naming the fields', async () => {
      const res = await t
        .http()
        .post('/api/spokesperson-designations')
        .set(admin.auth)
        .send({
          personId: await personId(DEMO_PEOPLE.healthDeputy),
          orgUnitId: await unitId('AH-UBND'),
          kind: 'authorized',
          validFrom: today,
          grantedByPersonId: await personId(DEMO_PEOPLE.chairman),
        });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['matter', 'validTo']);
      expect(res.body.message).toContain('matter: bắt buộc với người được ủy quyền phát ngôn');
      expect(res.body.message).toContain('validTo: bắt buộc với người được ủy quyền phát ngôn');
    });
  });

  describe('across the 2025 reorganisation', () => {
    it('finds who held press state management in the province on a date', async () => {
      const province = await unitId('99');
      const holder = async (on?: string) => {
        const res = await get(
          `/api/org-units?capability=press_state_management&provinceId=${province}${on ? `&on=${on}` : ''}`,
        );
        expect(res.status).toBe(200);
        return res.body;
      };
      const before = await holder('2024-11-03');
      expect(names(before.items)).toEqual(['Sở Thông tin và Truyền thông tỉnh An Hòa']);
      expect(before.items[0].validTo).toBe('2025-02-28');
      expect(before.items[0].capabilities.map((c: { capability: string }) => c.capability)).toContain(
        'press_state_management',
      );
      expect(names((await holder('2025-02-28')).items)).toEqual(['Sở Thông tin và Truyền thông tỉnh An Hòa']);
      expect(names((await holder('2025-03-01')).items)).toEqual([
        'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa',
      ]);
      expect(names((await holder('2025-06-01')).items)).toEqual([
        'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa',
      ]);
      const now = await holder();
      expect(now.on).toBe(today);
      expect(names(now.items)).toEqual(['Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa']);
    });

    it('lists the province’s communes under districts before 1/7/2025 and under the province after', async () => {
      const province = await unitId('99');
      const communes = async (on: string) =>
        names((await get(`/api/org-units?provinceId=${province}&type=commune_ward&on=${on}`)).body.items);
      const before = await communes('2025-06-30');
      expect(before).toEqual(
        expect.arrayContaining(['Phường Bạch Đằng', 'Thị trấn Tân Phú', 'Xã Hòn Ngọc', 'Xã Phú Lợi']),
      );
      expect(before).not.toContain('Phường An Hòa');
      const after = await communes('2025-07-01');
      expect(after.sort()).toEqual(
        ['Phường An Hòa', 'Phường Bình Minh', 'Xã Hòa Lạc', 'Xã Tân Phú', 'Đặc khu Hòn Ngọc'].sort(),
      );
      expect(names((await get(`/api/org-units?provinceId=${province}&type=district`)).body.items)).toEqual(
        [],
      );
      const district = await unitId('991');
      const underDistrict = await get(`/api/org-units?parentId=${district}&on=2025-06-30`);
      expect(names(underDistrict.body.items).sort()).toEqual([
        'Phường Bạch Đằng',
        'Phường Hòa Bình',
        'Phường Lê Lợi',
        'Xã Bình Minh',
      ]);
      expect(underDistrict.body.total).toBe(4);
      // Another province's tree is not mixed in.
      const other = await t
        .http()
        .post('/api/org-units')
        .set(admin.auth)
        .send({ code: 'BX', name: 'Tỉnh Bên Cạnh', unitType: 'province', validFrom: '2000-01-01' });
      await t
        .http()
        .post('/api/org-units')
        .set(admin.auth)
        .send({
          code: 'BX-01',
          name: 'Xã Tân Phú Bên Cạnh',
          unitType: 'commune_ward',
          parentId: other.body.id,
          validFrom: '2025-07-01',
        })
        .expect(201);
      expect(await communes('2025-07-01')).not.toContain('Xã Tân Phú Bên Cạnh');
    });

    it('searches names without accents', async () => {
      const res = await get('/api/org-units?q=tan%20phu&type=commune_ward');
      expect(names(res.body.items)).toEqual(expect.arrayContaining(['Xã Tân Phú']));
      const dd = await get('/api/org-units?q=DAC%20KHU%20hon%20ngoc');
      expect(names(dd.body.items)).toEqual(['Đặc khu Hòn Ngọc']);
      const pastDistrict = await get('/api/org-units?q=huyen%20tan%20phu&on=2024-11-03');
      expect(names(pastDistrict.body.items)).toEqual(['Huyện Tân Phú']);
    });

    it('keeps an ended unit queryable, with its history and successors', async () => {
      const ict = await unitId('AH-STTTT');
      const now = await get(`/api/org-units/${ict}`);
      expect(now.status).toBe(200);
      expect(now.body).toMatchObject({
        name: 'Sở Thông tin và Truyền thông tỉnh An Hòa',
        validOnDate: false,
        on: today,
      });
      expect(
        now.body.successors.map((s: { kind: string; effectiveOn: string; unit: { code: string } }) => [
          s.kind,
          s.effectiveOn,
          s.unit.code,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['merged_into', '2025-03-01', 'AH-SKHCN'],
          ['split_from', '2025-03-01', 'AH-SVHTTDL'],
        ]),
      );
      const past = await get(`/api/org-units/${ict}?on=2024-11-03`);
      expect(past.body.validOnDate).toBe(true);
      const held = past.body.capabilities.filter((c: { heldOnDate: boolean }) => c.heldOnDate);
      expect(held.map((c: { capability: string }) => c.capability)).toEqual(
        expect.arrayContaining(['press_state_management', 'fake_news_response']),
      );
      expect(past.body.parent).toMatchObject({ code: 'AH-UBND' });
    });

    it('shows a district’s children only while they existed', async () => {
      const district = await unitId('992');
      const before = await get(`/api/org-units/${district}?on=2025-06-30`);
      expect(names(before.body.children).sort()).toEqual([
        'Thị trấn Tân Phú',
        'Xã Hòa Lạc',
        'Xã Hòn Ngọc',
        'Xã Phú Lợi',
      ]);
      const after = await get(`/api/org-units/${district}?on=2025-07-01`);
      expect(after.body.children).toEqual([]);
    });

    it('gives the whole lineage of a former district and of a new commune', async () => {
      const district = await get(`/api/org-units/${await unitId('992')}/lineage`);
      expect(district.status).toBe(200);
      expect(district.body.predecessors).toEqual([]);
      expect(
        district.body.successors.map(
          (s: { unit: { name: string }; kind: string; effectiveOn: string; depth: number }) => [
            s.unit.name,
            s.kind,
            s.effectiveOn,
            s.depth,
          ],
        ),
      ).toEqual(
        expect.arrayContaining([
          ['Xã Tân Phú', 'split_from', '2025-07-01', 1],
          ['Xã Hòa Lạc', 'split_from', '2025-07-01', 1],
          ['Đặc khu Hòn Ngọc', 'split_from', '2025-07-01', 1],
        ]),
      );
      expect(district.body.successors).toHaveLength(3);

      const commune = await get(`/api/org-units/${await unitId('99201', '2025-07-01')}/lineage`);
      const steps = commune.body.predecessors.map(
        (s: { unit: { name: string; validFrom: string }; kind: string; depth: number }) => [
          s.unit.name,
          s.unit.validFrom,
          s.kind,
          s.depth,
        ],
      );
      expect(steps).toEqual(
        expect.arrayContaining([
          ['Thị trấn Tân Phú', '2020-01-01', 'merged_into', 1],
          ['Xã Phú Lợi', '1992-01-01', 'merged_into', 1],
          ['Huyện Tân Phú', '1992-01-01', 'split_from', 1],
          // Transitive: the commune that became the town in 2020.
          ['Xã Tân Phú', '1992-01-01', 'renamed_to', 2],
        ]),
      );
      expect(steps).toHaveLength(4);
    });

    it('says who may speak for the culture department before and after its spokesperson changed', async () => {
      const culture = await unitId('AH-SVHTTDL');
      const before = await get(`/api/org-units/${culture}/spokespersons?on=2024-11-03`);
      expect(before.status).toBe(200);
      expect(before.body.heads.map((p: { fullName: string }) => p.fullName)).toEqual(['Đỗ Minh Tuấn']);
      expect(
        before.body.spokespersons.map((s: { person: { fullName: string } }) => s.person.fullName),
      ).toEqual(['Hoàng Văn Long']);
      const now = await get(`/api/org-units/${culture}/spokespersons`);
      expect(now.body.on).toBe(today);
      expect(now.body.spokespersons).toEqual([
        expect.objectContaining({
          person: expect.objectContaining({
            fullName: 'Vũ Thị Hồng Nhung',
            email: DEMO_PEOPLE.cultureDeputy,
          }),
          validFrom: '2025-03-10',
          validTo: null,
          published: true,
        }),
      ]);
    });

    it('answers for the former Sở TTTT in 2024, and points to its successors today', async () => {
      const ict = await unitId('AH-STTTT');
      const before = await get(`/api/org-units/${ict}/spokespersons?on=2024-11-03`);
      expect(before.body.unitValidOnDate).toBe(true);
      expect(before.body.heads.map((p: { fullName: string }) => p.fullName)).toEqual(['Đinh Công Trứ']);
      expect(
        before.body.spokespersons.map((s: { person: { fullName: string } }) => s.person.fullName),
      ).toEqual(['Văn Thị Hoa']);
      const now = await get(`/api/org-units/${ict}/spokespersons`);
      expect(now.body).toMatchObject({
        unitValidOnDate: false,
        heads: [],
        spokespersons: [],
        authorized: [],
      });
      expect(now.body.successors.map((s: { unit: { code: string } }) => s.unit.code).sort()).toEqual([
        'AH-SKHCN',
        'AH-SVHTTDL',
      ]);
    });

    it('lists the authorised spokesperson with matter and end date, filtered by matter', async () => {
      const committee = await unitId('AH-UBND');
      const res = await get(`/api/org-units/${committee}/spokespersons`);
      expect(res.body.heads.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Thành']);
      expect(res.body.spokespersons.map((s: { person: { fullName: string } }) => s.person.fullName)).toEqual([
        'Lê Quang Huy',
      ]);
      expect(res.body.authorized).toEqual([
        expect.objectContaining({
          person: expect.objectContaining({ fullName: 'La Thị Kim Oanh' }),
          matter: DEMO_AUTHORIZED_MATTER,
          validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          grantedBy: expect.objectContaining({ fullName: 'Nguyễn Văn Thành' }),
        }),
      ]);
      const filtered = await get(`/api/org-units/${committee}/spokespersons?matter=sot%20xuat%20huyet`);
      expect(filtered.body.authorized).toHaveLength(1);
      const other = await get(`/api/org-units/${committee}/spokespersons?matter=b%C3%A3o`);
      expect(other.body.authorized).toEqual([]);
      expect(other.body.spokespersons).toHaveLength(1);
      // After the end date the authorisation is gone.
      const later = await get(
        `/api/org-units/${committee}/spokespersons?on=${addDays(res.body.authorized[0].validTo, 1)}`,
      );
      expect(later.body.authorized).toEqual([]);
    });

    it('lists designations valid on a date', async () => {
      const culture = await unitId('AH-SVHTTDL');
      const all = await get(`/api/spokesperson-designations?orgUnitId=${culture}`);
      expect(all.body.total).toBe(2);
      const authorized = await get(
        '/api/spokesperson-designations?kind=authorized&matter=SOT%20XUAT%20HUYET',
      );
      expect(authorized.body.items.map((d: { matter: string }) => d.matter)).toEqual([
        DEMO_AUTHORIZED_MATTER,
      ]);
      const onDate = await get(`/api/spokesperson-designations?orgUnitId=${culture}&on=2024-11-03`);
      expect(onDate.body.items.map((d: { person: { fullName: string } }) => d.person.fullName)).toEqual([
        'Hoàng Văn Long',
      ]);
    });
  });

  describe('writes', () => {
    it('gives and ends a dated capability', async () => {
      const unit = await t
        .http()
        .post('/api/org-units')
        .set(admin.auth)
        .send({
          code: 'AH-TTGS',
          name: 'Trung tâm Giám sát thử',
          unitType: 'other',
          parentId: await unitId('AH-UBND'),
          validFrom: '2024-01-01',
        })
        .expect(201);
      const cap = await t
        .http()
        .post(`/api/org-units/${unit.body.id}/capabilities`)
        .set(admin.auth)
        .send({ capability: 'social_listening', validFrom: '2024-06-01', legalBasis: 'Quyết định thử' })
        .expect(201);
      const clash = await t
        .http()
        .post(`/api/org-units/${unit.body.id}/capabilities`)
        .set(admin.auth)
        .send({ capability: 'social_listening', validFrom: '2025-01-01' });
      expect(clash.status).toBe(409);
      const tooEarly = await t
        .http()
        .post(`/api/org-units/${unit.body.id}/capabilities`)
        .set(admin.auth)
        .send({ capability: 'legal_review', validFrom: '2023-01-01' });
      expect(tooEarly.status).toBe(400);
      expect(tooEarly.body.details[0].field).toBe('validFrom');

      const holders = async (on: string) =>
        names((await get(`/api/org-units?capability=social_listening&on=${on}`)).body.items);
      expect(await holders('2025-06-01')).toContain('Trung tâm Giám sát thử');
      const ended = await t
        .http()
        .patch(`/api/org-units/${unit.body.id}/capabilities/${cap.body.id}`)
        .set(admin.auth)
        .send({ validTo: '2025-05-31' });
      expect(ended.status).toBe(200);
      expect(ended.body.validTo).toBe('2025-05-31');
      expect(await holders('2025-06-01')).not.toContain('Trung tâm Giám sát thử');
      expect(await holders('2025-05-31')).toContain('Trung tâm Giám sát thử');
    });

    it('checks successions: dates by kind, duplicates and loops', async () => {
      const make = async (code: string, validFrom: string, validTo: string | null = null) =>
        (
          await t
            .http()
            .post('/api/org-units')
            .set(admin.auth)
            .send({ code, name: `Đơn vị ${code}`, unitType: 'other', validFrom, validTo })
            .expect(201)
        ).body.id as string;
      const a = await make('S-A', '2000-01-01');
      const b = await make('S-B', '2020-01-01');
      const post = (from: string, body: object) =>
        t.http().post(`/api/org-units/${from}/successions`).set(admin.auth).send(body);
      const open = await post(a, { successorId: b, kind: 'merged_into', effectiveOn: '2025-03-01' });
      expect(open.status).toBe(400);
      expect(open.body.details[0].field).toBe('effectiveOn');
      await t.http().patch(`/api/org-units/${a}`).set(admin.auth).send({ validTo: '2025-02-28' }).expect(200);
      const ok = await post(a, {
        successorId: b,
        kind: 'merged_into',
        effectiveOn: '2025-03-01',
        note: 'Nghị quyết thử',
      });
      expect(ok.status).toBe(201);
      expect((await post(a, { successorId: b, kind: 'merged_into', effectiveOn: '2025-03-01' })).status).toBe(
        409,
      );
      const c = await make('S-C', '2000-01-01');
      await post(b, { successorId: c, kind: 'split_from', effectiveOn: '2025-04-01' }).expect(201);
      // A successor must exist on the day it takes over (S-A ended on 2025-02-28).
      const ended = await post(c, { successorId: a, kind: 'split_from', effectiveOn: '2025-05-01' });
      expect(ended.status).toBe(400);
      expect(ended.body.details[0].field).toBe('effectiveOn');
      // Splits leave both units in place, so here only the loop S-B → S-C → S-B is wrong.
      const realLoop = await post(c, { successorId: b, kind: 'split_from', effectiveOn: '2025-05-01' });
      expect(realLoop.status).toBe(400);
      expect(realLoop.body.details[0].field).toBe('successorId');
      expect(realLoop.body.message).toContain('vòng lặp');
      const lineage = await get(`/api/org-units/${b}/lineage`);
      expect(lineage.body.predecessors).toEqual([
        expect.objectContaining({
          kind: 'merged_into',
          effectiveOn: '2025-03-01',
          note: 'Nghị quyết thử',
          depth: 1,
          linkedUnitId: b,
        }),
      ]);
    });

    it('refuses to end a unit whose children outlive it, and closes open designations when it ends', async () => {
      const committee = await unitId('AH-UBND');
      const refused = await t
        .http()
        .patch(`/api/org-units/${committee}`)
        .set(admin.auth)
        .send({ validTo: '2025-12-31' });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('Sở Y tế tỉnh An Hòa');

      const unit = await t
        .http()
        .post('/api/org-units')
        .set(admin.auth)
        .send({ code: 'AH-TAM', name: 'Ban Tạm thời', unitType: 'other', validFrom: '2024-01-01' })
        .expect(201);
      const head = await t
        .http()
        .post('/api/people')
        .set(admin.auth)
        .send({ fullName: 'Trưởng Ban Tạm', position: 'Trưởng ban', orgUnitId: unit.body.id, tags: ['head'] })
        .expect(201);
      const member = await t
        .http()
        .post('/api/people')
        .set(admin.auth)
        .send({ fullName: 'Thành Viên Tạm', position: 'Thành viên', orgUnitId: unit.body.id })
        .expect(201);
      const designation = await t
        .http()
        .post('/api/spokesperson-designations')
        .set(admin.auth)
        .send({
          personId: member.body.id,
          orgUnitId: unit.body.id,
          kind: 'spokesperson',
          validFrom: '2024-02-01',
          grantedByPersonId: head.body.id,
        })
        .expect(201);
      const ended = await t
        .http()
        .patch(`/api/org-units/${unit.body.id}`)
        .set(admin.auth)
        .send({ validTo: '2025-06-30' });
      expect(ended.status).toBe(200);
      const [row] = await t.dataSource.query(
        `SELECT to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM spokesperson_designations WHERE id = $1`,
        [designation.body.id],
      );
      expect(row.valid_to).toBe('2025-06-30');
      const [audit] = await t.dataSource.query(
        `SELECT data FROM audit_log WHERE action = 'org_unit.updated' AND entity_id = $1`,
        [unit.body.id],
      );
      expect(audit.data).toMatchObject({ changes: { validTo: '2025-06-30' }, closedDesignations: 1 });
    });

    describe('spokesperson designations', () => {
      let committee: string;
      let chairman: string;
      let healthDeputy: string;
      let financeDeputy: string;
      beforeAll(async () => {
        committee = await unitId('AH-UBND');
        chairman = await personId(DEMO_PEOPLE.chairman);
        healthDeputy = await personId(DEMO_PEOPLE.healthDeputy);
        financeDeputy = await personId(DEMO_PEOPLE.financeDeputy);
      });
      const post = (body: object) =>
        t.http().post('/api/spokesperson-designations').set(admin.auth).send(body);
      const authorization = (patch: object = {}) => ({
        personId: financeDeputy,
        orgUnitId: committee,
        kind: 'authorized',
        matter: 'Thông tin về giá dịch vụ công',
        validFrom: today,
        validTo: '2099-12-31',
        grantedByPersonId: chairman,
        ...patch,
      });

      it('refuses sub-delegation by an authorised spokesperson', async () => {
        // La Thị Kim Oanh is only an authorised spokesperson of the committee: she may not pass it on.
        const res = await post(authorization({ grantedByPersonId: healthDeputy }));
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('DESIGNATION_INVALID');
        expect(res.body.details[0].field).toBe('grantedByPersonId');
        expect(res.body.message).toContain('không được ủy quyền lại');
      });

      it('refuses a signer who is not the head, and a person from outside the unit', async () => {
        const notHead = await post(
          authorization({ grantedByPersonId: await personId(DEMO_PEOPLE.viceChairwoman) }),
        );
        expect(notHead.status).toBe(422);
        expect(notHead.body.message).toContain('không phải người đứng đầu');
        const outsider = await post(
          authorization({ personId: await personId(DEMO_PEOPLE.propagandaDeputy) }),
        );
        expect(outsider.status).toBe(422);
        expect(outsider.body.details[0].field).toBe('personId');
      });

      it('refuses a designation for a unit that does not exist on its first day', async () => {
        const res = await post({
          personId: await personId(DEMO_PEOPLE.formerIctDeputy),
          orgUnitId: await unitId('AH-STTTT'),
          kind: 'spokesperson',
          validFrom: '2025-03-01',
        });
        expect(res.status).toBe(422);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain('validFrom');
      });

      it('creates an authorisation signed by the head, then ends and publishes it', async () => {
        const created = await post(authorization({ decisionRef: '99/UBND-KT' }));
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          kind: 'authorized',
          published: false,
          grantedByPersonId: chairman,
        });
        const speakers = await get(`/api/org-units/${committee}/spokespersons?matter=gia%20dich%20vu`);
        expect(speakers.body.authorized.map((a: { person: { id: string } }) => a.person.id)).toEqual([
          financeDeputy,
        ]);

        const openEnded = await t
          .http()
          .patch(`/api/spokesperson-designations/${created.body.id}`)
          .set(admin.auth)
          .send({ validTo: null });
        expect(openEnded.status).toBe(400);
        expect(openEnded.body.details[0].field).toBe('validTo');

        const ended = await t
          .http()
          .patch(`/api/spokesperson-designations/${created.body.id}`)
          .set(admin.auth)
          .send({ validTo: today, published: true });
        expect(ended.status).toBe(200);
        expect(ended.body).toMatchObject({ validTo: today, published: true });
        const actions = await t.dataSource.query(
          'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id',
          [created.body.id],
        );
        expect(actions.map((a: { action: string }) => a.action)).toEqual([
          'spokesperson_designation.created',
          'spokesperson_designation.updated',
        ]);
      });
    });

    it('manages people: unique e-mails, filters by tag, unit and accent-free name', async () => {
      const culture = await unitId('AH-SVHTTDL');
      const created = await t
        .http()
        .post('/api/people')
        .set(admin.auth)
        .send({
          fullName: 'Đoàn Thị Thử',
          position: 'Chuyên viên',
          orgUnitId: culture,
          email: 'Thu.DT@Example.vn',
          tags: ['Drafting', 'drafting'],
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: 'thu.dt@example.vn', tags: ['drafting'], active: true });
      const duplicate = await t.http().post('/api/people').set(admin.auth).send({
        fullName: 'Người Khác',
        position: 'Chuyên viên',
        orgUnitId: culture,
        email: 'THU.DT@example.vn',
      });
      expect(duplicate.status).toBe(409);
      const badTag = await t
        .http()
        .post('/api/people')
        .set(admin.auth)
        .send({ fullName: 'Người Khác', position: 'Chuyên viên', orgUnitId: culture, tags: ['liên lạc'] });
      expect(badTag.status).toBe(400);
      expect(badTag.body.details[0].field).toBe('tags');

      const byName = await get('/api/people?q=doan%20thi%20thu');
      expect(byName.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Đoàn Thị Thử']);
      const police = await get('/api/people?tag=police_liaison');
      expect(police.body.items.map((p: { fullName: string }) => p.fullName).sort()).toEqual([
        'Kiều Thị Thảo',
        'Lưu Văn Sơn',
        'Phí Văn Toàn',
      ]);
      const underCommittee = await get(
        `/api/people?orgUnitId=${await unitId('AH-UBND')}&includeSubunits=true&tag=head`,
      );
      expect(underCommittee.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(
        expect.arrayContaining(['Nguyễn Văn Thành', 'Đỗ Minh Tuấn', 'Lê Quang Huy']),
      );
      expect(underCommittee.body.items.map((p: { fullName: string }) => p.fullName)).not.toContain(
        'Lưu Văn Sơn',
      );

      const moved = await t
        .http()
        .patch(`/api/people/${created.body.id}`)
        .set(admin.auth)
        .send({ orgUnitId: await unitId('AH-TTBC'), active: false });
      expect(moved.status).toBe(200);
      const detail = await get(`/api/people/${created.body.id}`);
      expect(detail.body).toMatchObject({ active: false, orgUnit: { code: 'AH-TTBC' }, designations: [] });
      const withDesignations = await get(`/api/people/${await personId(DEMO_PEOPLE.healthDeputy)}`);
      expect(withDesignations.body.designations.map((d: { kind: string }) => d.kind).sort()).toEqual([
        'authorized',
        'spokesperson',
      ]);
    });
  });
});
