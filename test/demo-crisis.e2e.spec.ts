import { hashPassword } from '../src/auth/password.js';
import { Role } from '../src/auth/role.js';
import { loadDemoProvince } from '../src/demo/demo-province.js';
import { createTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const PASSWORD = 'Mat-khau-mau-2026!';

describe('demo province: a whole crisis can be played by its accounts (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.transaction((manager) =>
      loadDemoProvince(manager, { hashPassword, demoPassword: PASSWORD }),
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('gives an account to everyone the working group of a provincial fake-news incident picks', async () => {
    const admin = await t.createUser({ roles: [Role.Admin] });
    const [unit] = await t.dataSource.query(`SELECT id FROM org_units WHERE code = 'AH-UBND'`);
    const created = await t
      .http()
      .post('/api/incidents')
      .set(admin.auth)
      .send({
        title: 'Tin giả về việc tạm dừng bữa ăn bán trú tại các trường tiểu học',
        category: 'fake_news',
        severity: 'L3',
        responsibleOrgUnitId: unit.id,
      })
      .expect(201);
    await t.http().post(`/api/incidents/${created.body.id}/working-group`).set(admin.auth).send({});
    const group = await t
      .http()
      .get(`/api/incidents/${created.body.id}/working-group`)
      .set(admin.auth)
      .expect(200);
    const members = group.body.members as { role: string; person: { id: string; fullName: string } }[];
    // The roles a crisis cannot be finished without, and the people who hold them, each with a login.
    expect(members.map((m) => m.role)).toEqual(
      expect.arrayContaining([
        'approving_leader',
        'legal_reviewer',
        'drafter',
        'spokesperson',
        'police_liaison',
        'deputy',
        'team_leader',
      ]),
    );
    for (const m of members) {
      const [account] = await t.dataSource.query(`SELECT email FROM users WHERE person_id = $1`, [
        m.person.id,
      ]);
      expect({ role: m.role, person: m.person.fullName, hasAccount: Boolean(account) }).toEqual({
        role: m.role,
        person: m.person.fullName,
        hasAccount: true,
      });
      const login = await t.http().post('/api/auth/login').send({ email: account.email, password: PASSWORD });
      expect(login.status).toBe(200);
    }
    // The approving leader is the Chủ tịch, who may approve (a leader's login).
    const approver = members.find((m) => m.role === 'approving_leader')!;
    expect(approver.person.fullName).toBe('Nguyễn Văn Thành');
  }, 60_000);
});
