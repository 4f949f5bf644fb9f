import { GroupRoles } from '../src/access/group-roles.js';
import { OrgTree } from '../src/access/org-tree.js';
import { MAX_UNIT_DEPTH } from '../src/access/sql-fragments.js';
import { Role } from '../src/auth/role.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** The SQL of access/ against PostgreSQL: the tree walks and the roles held. */
describe(`${OrgTree.name} (integration)`, () => {
  let t: TestApp;
  let tree: OrgTree;
  let province: string;
  let department: string;
  let office: string;
  let sibling: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = t.app.get(OrgTree);
    province = (await makeOrgUnit(t.dataSource, { unitType: 'province' as never })).id;
    department = (await makeOrgUnit(t.dataSource, { parentId: province })).id;
    office = (await makeOrgUnit(t.dataSource, { parentId: department })).id;
    sibling = (await makeOrgUnit(t.dataSource, { parentId: province })).id;
  });
  afterAll(() => t?.close());

  it('walks up nearest first and down to every level', async () => {
    expect(await tree.ancestors(office)).toEqual([office, department, province]);
    expect(new Set(await tree.subtree([department]))).toEqual(new Set([department, office]));
    expect(new Set(await tree.subtree([province]))).toEqual(new Set([province, department, office, sibling]));
    expect(await tree.subtree([])).toEqual([]);
  });

  it('answers isWithin for the unit itself, below, and not for a sibling or above', async () => {
    expect(await tree.isWithin(office, office)).toBe(true);
    expect(await tree.isWithin(office, province)).toBe(true);
    expect(await tree.isWithin(office, sibling)).toBe(false);
    expect(await tree.isWithin(province, office)).toBe(false);
    expect(await tree.isWithinAny(office, [sibling, department])).toBe(true);
    expect(await tree.isWithinAny(office, [])).toBe(false);
  });

  it('stops at the depth bound on a deeper chain (and so on a cycle)', async () => {
    let parent = province;
    const chain: string[] = [];
    for (let i = 0; i < MAX_UNIT_DEPTH + 5; i++) {
      parent = (await makeOrgUnit(t.dataSource, { parentId: parent })).id;
      chain.push(parent);
    }
    const up = await tree.ancestors(chain[chain.length - 1]);
    expect(up).toHaveLength(MAX_UNIT_DEPTH + 1);
    expect(up[0]).toBe(chain[chain.length - 1]);
  });

  it('reads the roles a person holds (accepted only) with what each may do', async () => {
    const groups = t.app.get(GroupRoles);
    const admin = await t.createUser({ roles: [Role.Admin] });
    const res = await t.http().post('/api/incidents').set(admin.auth).send({
      title: 'Sự cố thử vai trò',
      category: 'other',
      severity: 'L1',
      responsibleOrgUnitId: department,
    });
    expect(res.status).toBe(201);
    const person = await makePerson(t.dataSource, department);
    await t.dataSource.query(
      `INSERT INTO working_groups (incident_id, rule_id, activated_at) VALUES ($1, NULL, now()) ON CONFLICT DO NOTHING`,
      [res.body.id],
    );
    const member = (role: string, status: string) =>
      t.dataSource.query(
        `INSERT INTO working_group_members
           (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, assumed_at)
         VALUES ($1, $2, $3, $4, 'kiểm thử', '{}'::jsonb, now(), now() + interval '1 hour', now(), now())`,
        [res.body.id, role, person.id, status],
      );
    await member('approving_leader', 'accepted');
    await member('drafter', 'invited');
    const held = await groups.held(res.body.id, person.id);
    expect(held).toEqual([
      { role: 'approving_leader', canEditStatements: false, canApprove: true, observer: false },
    ]);
    expect(groups.isApprover(held)).toBe(true);
    expect(groups.isManager(held)).toBe(false);
    expect(await groups.isMember(res.body.id, person.id)).toBe(true);
  });
});
