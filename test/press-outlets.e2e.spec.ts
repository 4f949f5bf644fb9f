import { Role } from '../src/auth/role.js';
import { PressOutletsService } from '../src/press/press-outlets.service.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

describe(PressOutletsService.name, () => {
  let t: TestApp;
  let admin: TestUser;

  const csv = (rows: string[]) =>
    t
      .http()
      .post('/api/press/import/journalists.csv')
      .set(admin.auth)
      .set('Content-Type', 'text/csv')
      .send(
        [
          'full_name,outlet_name,outlet_type,press_card_number,press_card_expires_on,email,phone,beat',
          ...rows,
        ].join('\n'),
      );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser({ roles: [Role.Admin] });
  });
  afterAll(() => t?.close());

  it('adds outlets and journalists, refusing duplicates and bad input by field', async () => {
    const outlet = await t
      .http()
      .post('/api/press/outlets')
      .set(admin.auth)
      .send({ name: 'Đài Phát thanh và Truyền hình Bình Lâm', type: 'radio_tv' });
    expect(outlet.status).toBe(201);
    const dup = await t
      .http()
      .post('/api/press/outlets')
      .set(admin.auth)
      .send({ name: 'đài phát thanh và truyền hình bình lâm', type: 'radio_tv' });
    expect(dup.status).toBe(409);
    expect(dup.body.details[0].field).toBe('name');
    const bad = await t
      .http()
      .post('/api/press/outlets')
      .set(admin.auth)
      .send({ name: 'Tạp chí X', type: 'blog' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('type');
    const noOutlet = await t
      .http()
      .post('/api/press/journalists')
      .set(admin.auth)
      .send({ fullName: 'Lý Thị Mai', outletId: '00000000-0000-4000-8000-000000000000' });
    expect(noOutlet.body.details[0].field).toBe('outletId');
    const badDate = await t
      .http()
      .post('/api/press/journalists')
      .set(admin.auth)
      .send({ fullName: 'Lý Thị Mai', outletId: outlet.body.id, pressCardExpiresOn: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body.details)).toContain('pressCardExpiresOn');
    const changed = await t
      .http()
      .patch(`/api/press/outlets/${outlet.body.id}`)
      .set(admin.auth)
      .send({ licenceNumber: '88/GP-BVHTTDL' });
    expect(changed.body.licenceNumber).toBe('88/GP-BVHTTDL');
  });

  it('imports journalists from CSV all or nothing, naming the line and column, and exports them with Vietnamese intact', async () => {
    const failed = await csv([
      'Trần Văn Bình,Báo Bình Lâm,newspaper,TNB-9001,2028-06-30,binh.tv@baobinhlam.example.vn,0912 000 111,Nông nghiệp',
      'Hoàng Thị Cúc,Tạp chí Mới,,,,cuc@example.vn,,',
      'Đặng Văn Dũng,Báo Bình Lâm,newspaper,,2028-13-01,khong-phai-email,,',
    ]);
    expect(failed.status).toBe(422);
    expect(failed.body.code).toBe('IMPORT_FAILED');
    expect(failed.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, field: 'press_card_expires_on' }),
        expect.objectContaining({ line: 4, field: 'email' }),
      ]),
    );
    expect(Number((await t.dataSource.query('SELECT count(*) FROM press_journalists'))[0].count)).toBe(0);
    // The unknown outlet without a type is refused too, with its line; still nothing written.
    const second = await csv(['Hoàng Thị Cúc,Tạp chí Mới,,,,cuc@example.vn,,']);
    expect(second.body.details).toEqual([expect.objectContaining({ line: 2, field: 'outlet_type' })]);
    expect(
      Number(
        (await t.dataSource.query('SELECT count(*) FROM press_outlets WHERE name = $1', ['Tạp chí Mới']))[0]
          .count,
      ),
    ).toBe(0);

    const dry = await t
      .http()
      .post('/api/press/import/journalists.csv?dryRun=true')
      .set(admin.auth)
      .set('Content-Type', 'text/csv')
      .send('full_name,outlet_name,outlet_type\nTrần Văn Bình,Báo Bình Lâm,newspaper');
    expect(dry.body).toMatchObject({ dryRun: true, added: 1, outletsAdded: 1 });
    expect(Number((await t.dataSource.query('SELECT count(*) FROM press_journalists'))[0].count)).toBe(0);

    const ok = await csv([
      'Trần Văn Bình,Báo Bình Lâm,newspaper,TNB-9001,2028-06-30,binh.tv@baobinhlam.example.vn,0912 000 111,Nông nghiệp',
      'Hoàng Thị Cúc,Tạp chí Mới,magazine,,,cuc@example.vn,,Văn hóa',
    ]);
    expect(ok.body).toMatchObject({ dryRun: false, added: 2, updated: 0, outletsAdded: 2 });
    // A known e-mail updates that journalist: the row replaces the stored values (an empty cell clears one).
    const again = await csv([
      'Trần Văn Bình,Báo Bình Lâm,,TNB-9001,2029-06-30,BINH.TV@baobinhlam.example.vn,,Nông nghiệp, nông thôn',
    ]);
    expect(again.status).toBe(400 + 22);
    const fixed = await csv([
      'Trần Văn Bình,Báo Bình Lâm,,TNB-9001,2029-06-30,BINH.TV@baobinhlam.example.vn,,"Nông nghiệp, nông thôn"',
    ]);
    expect(fixed.body).toMatchObject({ added: 0, updated: 1 });

    const exported = await t
      .http()
      .get('/api/press/export/journalists.csv')
      .set(admin.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(exported.headers['content-type']).toContain('text/csv');
    const text = exported.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(
      'Trần Văn Bình,Báo Bình Lâm,newspaper,TNB-9001,2029-06-30,binh.tv@baobinhlam.example.vn,,"Nông nghiệp, nông thôn"',
    );
    expect(text).toContain('Hoàng Thị Cúc,Tạp chí Mới,magazine');
    const officer = await t.createUser({ roles: [Role.Officer] });
    expect((await t.http().get('/api/press/export/journalists.csv').set(officer.auth)).status).toBe(403);
  });

  it('keeps contacts to the press office: a tagged officer sees them, a plain officer does not', async () => {
    const unit = await makeOrgUnit(t.dataSource, { name: 'Văn phòng UBND tỉnh Bình Lâm' });
    const press = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, unit.id, { tags: ['press_office'] })).id,
    });
    const plain = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, unit.id)).id,
    });
    const seenByPress = (await t.http().get('/api/press/journalists').set(press.auth)).body.items;
    const seenByPlain = (await t.http().get('/api/press/journalists').set(plain.auth)).body.items;
    expect(seenByPress.find((j: { fullName: string }) => j.fullName === 'Trần Văn Bình')).toMatchObject({
      email: 'binh.tv@baobinhlam.example.vn',
      contactsHidden: false,
    });
    const hidden = seenByPlain.find((j: { fullName: string }) => j.fullName === 'Trần Văn Bình');
    expect(hidden).toMatchObject({ contactsHidden: true });
    expect(hidden).not.toHaveProperty('email');
    expect(hidden).not.toHaveProperty('phone');
    expect(hidden).not.toHaveProperty('pressCardNumber');
    const audit = await t.dataSource.query(
      `SELECT data FROM audit_log WHERE action = 'press_journalists.imported'`,
    );
    expect(JSON.stringify(audit)).not.toContain('binh.tv@');
  });
});
