import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source.js';
import { DocumentRegisterRepository } from '../src/documents/register/document-register.repository.js';
import { DocumentRegisterService } from '../src/documents/register/document-register.service.js';
import type { IssueRequest } from '../src/documents/register/document-register.service.js';
import { makeOrgUnit } from './support/factories.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';

describe(DocumentRegisterService.name, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let register: DocumentRegisterService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url);
    await ds.initialize();
    register = new DocumentRegisterService(ds, new DocumentRegisterRepository());
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const request = (orgUnitId: string, patch: Partial<IssueRequest> = {}): IssueRequest => ({
    orgUnitId,
    typeCode: 'TB',
    issuerCode: 'SYT',
    subjectKind: 'statement_version',
    subjectId: randomUUID(),
    issuedAt: new Date('2026-12-03T03:00:00Z'),
    issuedByUserId: null,
    ...patch,
  });
  const issue = (req: IssueRequest) => ds.transaction((m) => register.issue(m, req));

  it('gives concurrent issues of one register distinct numbers 1…n, without gaps', async () => {
    const unit = await makeOrgUnit(ds);
    const issued = await Promise.all(Array.from({ length: 24 }, () => issue(request(unit.id))));
    expect(issued.map((d) => d.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    const [{ next }] = await ds.query(
      `SELECT next_number AS next FROM document_registers WHERE org_unit_id = $1 AND year = 2026 AND doc_type = 'TB'`,
      [unit.id],
    );
    expect(next).toBe(25);
  });

  it('numbers each unit, year and document type on its own; a letter is registered under CV', async () => {
    const a = await makeOrgUnit(ds);
    const b = await makeOrgUnit(ds);
    expect((await issue(request(a.id))).number).toBe(1);
    expect((await issue(request(a.id))).number).toBe(2);
    expect((await issue(request(b.id))).number).toBe(1);
    expect((await issue(request(a.id, { typeCode: 'BC' }))).number).toBe(1);
    const letter = await issue(request(a.id, { typeCode: '' }));
    expect(letter).toMatchObject({ number: 1, typeCode: '' });
    // 31 December 18:00 UTC is already 1 January in Vietnam: a new year, a new count.
    const nextYear = await issue(request(a.id, { issuedAt: new Date('2026-12-31T18:00:00Z') }));
    expect(nextYear).toMatchObject({ number: 1, year: 2027 });
    const rows: { doc_type: string; year: number }[] = await ds.query(
      `SELECT doc_type, year FROM issued_documents WHERE org_unit_id = $1 ORDER BY year, doc_type`,
      [a.id],
    );
    expect(rows.map((r) => `${r.year}/${r.doc_type}`)).toEqual([
      '2026/BC',
      '2026/CV',
      '2026/TB',
      '2026/TB',
      '2027/TB',
    ]);
  });

  it('keeps the first number of a subject, even when it is issued twice at once', async () => {
    const unit = await makeOrgUnit(ds);
    const req = request(unit.id);
    const [x, y, z] = await Promise.all([issue(req), issue(req), issue({ ...req, issuedAt: new Date() })]);
    expect(new Set([x.number, y.number, z.number])).toEqual(new Set([1]));
    expect((await issue(request(unit.id))).number).toBe(2);
    expect(await register.find('statement_version', req.subjectId, 'TB')).toMatchObject({ number: 1 });
    expect(await register.find('statement_version', randomUUID(), 'TB')).toBeNull();
  });

  it('gives the number back when the issuing transaction rolls back', async () => {
    const unit = await makeOrgUnit(ds);
    await expect(
      ds.transaction(async (m) => {
        await register.issue(m, request(unit.id));
        throw new Error('publication failed');
      }),
    ).rejects.toThrow('publication failed');
    expect((await issue(request(unit.id))).number).toBe(1);
  });
});
