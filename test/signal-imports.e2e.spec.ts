import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { Role } from '../src/auth/role.js';
import { SignalImportsService } from '../src/signal-imports/signal-imports.service.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

/** File imports: upload, column mapping, preview, one-transaction import with row errors, progress, activity. */
describe(`${SignalImportsService.name} (e2e)`, () => {
  let t: TestApp;
  let admin: TestUser;
  let analyst: TestUser;
  let outsider: TestUser;
  let unitId: string;
  let otherUnitId: string;
  const uid = () => randomBytes(5).toString('hex');

  async function createUnit(name: string, parentId: string | null, unitType = 'department') {
    const [row] = await t.dataSource.query(
      `INSERT INTO org_units (code, name, unit_type, valid_from, parent_id) VALUES ($1, $2, $3, '2025-03-01', $4) RETURNING id`,
      [`T-${uid()}`, name, unitType, parentId],
    );
    return row.id as string;
  }
  const personIn = async (unit: string) =>
    (
      await t.dataSource.query(
        `INSERT INTO people (full_name, position, org_unit_id, email, tags) VALUES ($1, 'Chuyên viên', $2, $3, '{}') RETURNING id`,
        [`Trần Thị ${uid()}`, unit, `${uid()}@anhoa.example.vn`],
      )
    )[0].id as string;

  async function createSource(): Promise<string> {
    const res = await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({ name: `Nền tảng lắng nghe ${uid()}`, kind: 'commercial_platform', orgUnitId: unitId });
    expect(res.status).toBe(201);
    return res.body.source.id;
  }

  const upload = (sourceId: string, content: Buffer | string, name: string, user = analyst) =>
    t
      .http()
      .post('/api/signal-imports')
      .set(user.auth)
      .field('sourceId', sourceId)
      .attach('file', Buffer.from(content), name);

  async function finished(id: string) {
    await t.app.get(SignalImportsService).idle();
    const res = await t.http().get(`/api/signal-imports/${id}`).set(analyst.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  const mentionsOf = async (sourceId: string) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) AS n FROM mentions WHERE source_id = $1`, [sourceId]))[0].n,
    );

  const csvMapping = {
    columns: {
      title: 'Tiêu đề',
      text: 'Nội dung',
      url: 'Đường dẫn',
      publishedAt: 'Thời gian đăng',
      author: 'Tác giả',
      sourceType: 'Loại nguồn',
      sentiment: 'Sắc thái',
      reach: 'Lượt tiếp cận',
    },
    dateFormat: 'dd/MM/yyyy HH:mm',
    utcOffset: '+07:00',
    defaultSourceType: 'social',
  };
  const header = 'Tiêu đề,Nội dung,Đường dẫn,Thời gian đăng,Tác giả,Loại nguồn,Sắc thái,Lượt tiếp cận';
  const csvRow = (n: number, over: Partial<Record<string, string>> = {}) => {
    const r = {
      title: `Bài ${n}: Người dân phản ánh nước sinh hoạt đục ở phường Tân An`,
      text: `"Nhiều hộ dân ở phường Tân An, tỉnh An Hòa, than phiền nước máy có mùi, ""rất khó chịu"" (${n})"`,
      url: `https://baoanhoa.example.vn/bai-${n}-${uid()}`,
      time: `0${1 + (n % 9)}/08/2025 ${String(n % 24).padStart(2, '0')}:15`,
      author: 'Báo An Hòa',
      type: 'Báo điện tử',
      sentiment: 'Tiêu cực',
      reach: '12.500',
      ...over,
    };
    return [r.title, r.text, r.url, r.time, r.author, r.type, r.sentiment, r.reach].join(',');
  };

  beforeAll(async () => {
    t = await createTestApp({
      intake: {
        importDir: '.data/imports-test',
        importMaxBytes: 2 * 1024 * 1024,
        evidenceMaxBytes: 1024 * 1024,
      },
    });
    const province = await createUnit('Tỉnh An Hòa', null, 'province');
    unitId = await createUnit('Sở Xây dựng tỉnh An Hòa', province);
    otherUnitId = await createUnit('Tỉnh Bình Sơn', null, 'province');
    [admin, analyst, outsider] = await Promise.all([
      t.createUser({ roles: [Role.Admin] }),
      t.createUser({ roles: [Role.Analyst], personId: await personIn(province) }),
      t.createUser({ roles: [Role.Analyst], personId: await personIn(otherUnitId) }),
    ]);
  });
  afterAll(() => t?.close());

  it('imports a Vietnamese CSV with dd/MM/yyyy times: row errors listed, the rest matched and bucketed; again = duplicates', async () => {
    const sourceId = await createSource();
    const topic = await t
      .http()
      .post('/api/topics')
      .set(analyst.auth)
      .send({ orgUnitId: unitId, name: `Nước sinh hoạt ${uid()}`, anyTerms: ['nước máy'] });
    expect(topic.status).toBe(201);
    const lines = [
      header,
      csvRow(1),
      csvRow(2, { time: '31/02/2025 10:00' }),
      csvRow(3, { url: 'ftp://baoanhoa.example.vn/x' }),
      csvRow(4, { sentiment: 'Bực bội' }),
      csvRow(5, { title: '', text: '' }),
      csvRow(6),
      csvRow(7, { reach: 'nhiều' }),
      csvRow(8),
    ];
    const csv = '\uFEFF' + lines.join('\r\n') + '\r\n';
    const up = await upload(sourceId, csv, 'xuat-du-lieu.csv');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'uploaded', format: 'csv', fileName: 'xuat-du-lieu.csv' });
    expect(up.body.headers).toEqual(header.split(','));

    const preview = await t
      .http()
      .post(`/api/signal-imports/${up.body.id}/preview`)
      .set(analyst.auth)
      .send({ mapping: csvMapping });
    expect(preview.status).toBe(200);
    expect(preview.body.rows).toHaveLength(8);
    expect(preview.body.rows[0]).toMatchObject({
      rowNumber: 2,
      errors: [],
      item: {
        sourceType: 'online_news',
        sentiment: 'negative',
        reach: 12500,
        outlet: 'Báo An Hòa',
        publishedAt: '2025-08-02T01:15:00+07:00',
      },
    });
    expect(preview.body.rows[0].item.text).toContain('"rất khó chịu"');
    expect(preview.body.rows[1].errors).toEqual([
      {
        column: 'Thời gian đăng',
        reason: 'thời gian «31/02/2025 10:00» không đúng định dạng dd/MM/yyyy HH:mm',
      },
    ]);
    expect(preview.body.rows[2].errors).toEqual([
      { column: 'Đường dẫn', reason: 'phải là đường dẫn http(s)' },
    ]);
    expect(await mentionsOf(sourceId)).toBe(0); // a preview writes nothing

    const start = await t
      .http()
      .post(`/api/signal-imports/${up.body.id}/start`)
      .set(analyst.auth)
      .send({ mapping: csvMapping });
    expect(start.status).toBe(202);
    const job = await finished(up.body.id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 8, accepted: 3, duplicates: 0, rejected: 5 });
    expect(job.errors).toEqual([
      { rowNumber: 3, column: 'Thời gian đăng', reason: expect.stringContaining('31/02/2025') },
      { rowNumber: 4, column: 'Đường dẫn', reason: 'phải là đường dẫn http(s)' },
      { rowNumber: 5, column: 'Sắc thái', reason: expect.stringContaining('«Bực bội» không rõ') },
      { rowNumber: 6, column: 'Nội dung', reason: 'dòng không có nội dung hay tiêu đề' },
      { rowNumber: 8, column: 'Lượt tiếp cận', reason: 'phải là số nguyên không âm' },
    ]);
    const stored = await t.dataSource.query(
      `SELECT title, text, published_at, outlet, reach, sentiment, source_type FROM mentions WHERE source_id = $1 ORDER BY published_at`,
      [sourceId],
    );
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({
      outlet: 'Báo An Hòa',
      sentiment: 'negative',
      source_type: 'online_news',
    });
    expect(stored[0].title).toContain('phường Tân An');
    expect(new Date(stored[0].published_at).toISOString()).toBe('2025-08-01T18:15:00.000Z');
    const buckets = await t.dataSource.query(
      `SELECT sum(volume)::int AS v, sum(negative_count)::int AS neg FROM topic_buckets WHERE topic_id = $1`,
      [topic.body.id],
    );
    expect(buckets[0]).toEqual({ v: 3, neg: 3 });

    // The mapping is saved for the source: the next file needs none, and its mentions are duplicates.
    const saved = await t.http().get(`/api/signal-sources/${sourceId}/import-mapping`).set(analyst.auth);
    expect(saved.body.mapping.columns.publishedAt).toBe('Thời gian đăng');
    const again = await upload(sourceId, csv, 'xuat-du-lieu-lan-2.csv');
    expect(
      (await t.http().post(`/api/signal-imports/${again.body.id}/start`).set(analyst.auth).send({})).status,
    ).toBe(202);
    expect(await finished(again.body.id)).toMatchObject({
      status: 'done',
      accepted: 0,
      duplicates: 3,
      rejected: 5,
    });
    expect(await mentionsOf(sourceId)).toBe(3);

    // The source screen: arrivals this hour, the topic matched, the reasons of refusals.
    const activity = await t.http().get(`/api/signal-sources/${sourceId}/activity`).set(analyst.auth);
    expect(activity.status).toBe(200);
    expect(activity.body.hours).toHaveLength(24);
    expect(activity.body.total).toEqual({ accepted: 3, duplicates: 3, rejected: 10 });
    expect(activity.body.topics).toEqual([{ topicId: topic.body.id, name: topic.body.name, mentions: 3 }]);
    expect(activity.body.rejects).toContainEqual(
      expect.objectContaining({
        via: 'import',
        field: 'Đường dẫn',
        reason: 'phải là đường dẫn http(s)',
        count: 2,
      }),
    );
  });

  it('imports an XLSX built with exceljs: date cells read in the mapping offset, row errors by row number', async () => {
    const sourceId = await createSource();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(['ID', 'Nội dung', 'Link', 'Ngày đăng', 'Kênh', 'Sắc thái', 'Tương tác']);
    ws.addRow([
      'fb-1',
      'Clip ùn tắc kéo dài trên quốc lộ 1A qua xã Phú Mỹ',
      'https://facebook.com/posts/1',
      new Date(Date.UTC(2025, 7, 12, 7, 45)),
      'Cộng đồng Phú Mỹ',
      'Tiêu cực',
      320,
    ]);
    ws.addRow([
      'fb-2',
      'Người dân khen công trình cầu mới thông xe đúng hẹn',
      'https://facebook.com/posts/2',
      '12/08/2025 09:30',
      'Hội cư dân',
      'Tích cực',
      45,
    ]);
    ws.addRow([
      'fb-3',
      'Bài không có thời gian hợp lệ',
      'https://facebook.com/posts/3',
      'hôm qua',
      'Hội cư dân',
      'Trung lập',
      3,
    ]);
    ws.addRow([]);
    ws.addRow([
      'fb-4',
      { richText: [{ text: 'Phản ánh ' }, { text: 'rác thải' }] },
      { text: 'https://facebook.com/posts/4', hyperlink: 'https://facebook.com/posts/4' },
      '13/08/2025 20:00',
      'Nhóm xóm',
      'Tiêu cực',
      10,
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(sourceId, buffer, 'bao-cao.xlsx');
    expect(up.status).toBe(201);
    expect(up.body.format).toBe('xlsx');
    const mapping = {
      columns: {
        externalId: 'ID',
        text: 'Nội dung',
        url: 'Link',
        publishedAt: 'Ngày đăng',
        outlet: 'Kênh',
        sentiment: 'Sắc thái',
        reactions: 'Tương tác',
      },
      dateFormat: 'dd/MM/yyyy HH:mm',
      utcOffset: '+07:00',
      defaultSourceType: 'social',
    };
    const start = await t
      .http()
      .post(`/api/signal-imports/${up.body.id}/start`)
      .set(analyst.auth)
      .send({ mapping });
    expect(start.status).toBe(202);
    const job = await finished(up.body.id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 4, accepted: 3, rejected: 1 });
    expect(job.errors).toEqual([
      {
        rowNumber: 4,
        column: 'Ngày đăng',
        reason: 'thời gian «hôm qua» không đúng định dạng dd/MM/yyyy HH:mm',
      },
    ]);
    const rows = await t.dataSource.query(
      `SELECT external_id, text, url, published_at, reactions FROM mentions WHERE source_id = $1 ORDER BY external_id`,
      [sourceId],
    );
    expect(rows.map((r: { external_id: string }) => r.external_id)).toEqual(['fb-1', 'fb-2', 'fb-4']);
    expect(new Date(rows[0].published_at).toISOString()).toBe('2025-08-12T00:45:00.000Z');
    expect(new Date(rows[1].published_at).toISOString()).toBe('2025-08-12T02:30:00.000Z');
    expect(rows[2]).toMatchObject({ text: 'Phản ánh rác thải', url: 'https://facebook.com/posts/4' });
  });

  it('writes nothing when the file breaks after valid rows, and refuses a wrong mapping or a disguised file', async () => {
    const sourceId = await createSource();
    const lines = [header];
    for (let n = 1; n <= 2500; n++) lines.push(csvRow(n));
    lines.push('"Tiêu đề không đóng ngoặc,nội dung,https://x.example.vn,01/08/2025 10:00');
    const up = await upload(sourceId, lines.join('\n'), 'hong.csv');
    expect(up.status).toBe(201);

    const wrong = await t
      .http()
      .post(`/api/signal-imports/${up.body.id}/start`)
      .set(analyst.auth)
      .send({ mapping: { ...csvMapping, columns: { ...csvMapping.columns, text: 'Nội dung bài' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([
      expect.objectContaining({
        field: 'mapping.columns.text',
        messages: [expect.stringContaining('«Nội dung bài»')],
      }),
    ]);

    const start = await t
      .http()
      .post(`/api/signal-imports/${up.body.id}/start`)
      .set(analyst.auth)
      .send({ mapping: csvMapping });
    expect(start.status).toBe(202);
    const job = await finished(up.body.id);
    expect(job.status).toBe('failed');
    expect(job.fatalError).toMatch(/^CSV hỏng/);
    expect(job.accepted).toBe(0);
    expect(await mentionsOf(sourceId)).toBe(0);
    const again = await t.http().post(`/api/signal-imports/${up.body.id}/start`).set(analyst.auth).send({});
    expect(again.status).toBe(409);

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(64),
    ]);
    const disguised = await upload(sourceId, png, 'du-lieu.csv');
    expect(disguised.status).toBe(400);
    expect(disguised.body.details[0]).toMatchObject({ field: 'file' });
    expect(disguised.body.message).toContain('ảnh PNG');
    const latin = await upload(sourceId, Buffer.from('Ti\xeau \xf0\xe8', 'latin1'), 'cu.csv');
    expect(latin.status).toBe(400);
    expect(latin.body.message).toContain('UTF-8');
    const huge = await upload(sourceId, Buffer.alloc(3 * 1024 * 1024, 'a'), 'lon.csv');
    expect(huge.status).toBe(413);
    expect(await mentionsOf(sourceId)).toBe(0);
    const none = await t.http().post('/api/signal-imports').set(analyst.auth).field('sourceId', sourceId);
    expect(none.status).toBe(400);
    expect(none.body.details[0].field).toBe('file');
  });

  it('keeps another unit out: no upload to its source, its imports answer 404', async () => {
    const sourceId = await createSource();
    const refused = await upload(sourceId, `${header}\n${csvRow(1)}`, 'a.csv', outsider);
    expect(refused.status).toBe(403);
    const up = await upload(sourceId, `${header}\n${csvRow(1)}`, 'a.csv');
    expect(up.status).toBe(201);
    expect((await t.http().get(`/api/signal-imports/${up.body.id}`).set(outsider.auth)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`/api/signal-imports/${up.body.id}/start`)
          .set(outsider.auth)
          .send({ mapping: csvMapping })
      ).status,
    ).toBe(404);
    expect((await t.http().get(`/api/signal-sources/${sourceId}/activity`).set(outsider.auth)).status).toBe(
      404,
    );
    // Its saved mapping is out of sight too, for reading and for writing.
    const mappingUrl = `/api/signal-sources/${sourceId}/import-mapping`;
    expect((await t.http().get(mappingUrl).set(outsider.auth)).status).toBe(404);
    expect((await t.http().put(mappingUrl).set(outsider.auth).send(csvMapping)).status).toBe(404);
  });
  it("lists one's own import even when another unit has more than 100 newer ones", async () => {
    const ownSource = await createSource();
    const up = await upload(ownSource, `${header}\n${csvRow(1)}`, 'rieng.csv');
    expect(up.status).toBe(201);
    const other = await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({ name: `Nền tảng Bình Sơn ${uid()}`, kind: 'commercial_platform', orgUnitId: otherUnitId });
    expect(other.status).toBe(201);
    await t.dataSource.query(
      `INSERT INTO signal_imports (source_id, created_by_user_id, file_name, format, size_bytes, sha256, created_at)
       SELECT $1, $2, 'binh-son-' || n || '.csv', 'csv', 100, repeat('a', 64), now() + n * interval '1 second'
       FROM generate_series(1, 120) n`,
      [other.body.source.id, outsider.user.id],
    );
    const res = await t.http().get('/api/signal-imports').set(analyst.auth);
    expect(res.status).toBe(200);
    const ids = (res.body as { id: string; sourceId: string }[]).map((r) => r.id);
    expect(ids).toContain(up.body.id);
    expect((res.body as { sourceId: string }[]).every((r) => r.sourceId !== other.body.source.id)).toBe(true);
    // The other unit sees its own imports, and not this one.
    const theirs = await t.http().get('/api/signal-imports').set(outsider.auth);
    expect(theirs.body).toHaveLength(100);
    expect((theirs.body as { id: string }[]).map((r) => r.id)).not.toContain(up.body.id);
  });
});
