import { randomBytes } from 'node:crypto';
import { Role } from '../../src/auth/role.js';
import type { Person } from '../../src/directory/entities/person.entity.js';
import { makeOrgUnit, makePerson } from './factories.js';
import type { TestApp, TestUser } from './test-app.js';

export interface Member extends TestUser {
  person: Person;
}

export interface StatementTeam {
  unitId: string;
  incidentId: string;
  admin: TestUser;
  /** Drafters (editors). */
  drafters: Member[];
  legal: Member;
  teamLeader: Member;
  approver: Member;
  spokesperson: Member;
  /** Party propaganda liaison: an observer role (reads, never edits). */
  observer: Member;
  /** A leader of the unit outside the group: sees the incident, cannot edit. */
  reader: Member;
  /** Two deputy directors of the unit (for "1 of 2" quorum policies), not in the group. */
  deputies: Member[];
  /** Adds an accepted working-group member with this role. */
  join(member: Member, role: string): Promise<void>;
}

/**
 * One unit, its people and accounts, an incident of that unit, and a working group whose members have accepted
 * their roles (written straight into the tables: the invitation flow has its own tests).
 */
export async function makeStatementTeam(
  t: TestApp,
  opts: { severity?: string; category?: string; detectedAt?: string; drafters?: number } = {},
): Promise<StatementTeam> {
  const ds = t.dataSource;
  const tag = randomBytes(3).toString('hex');
  const unit = await makeOrgUnit(ds, { name: `Sở Y tế tỉnh An Hòa ${tag}` });
  const admin = await t.createUser({ roles: [Role.Admin] });
  const member = async (role: Role, fullName: string, patch: Partial<Person> = {}): Promise<Member> => {
    const person = await makePerson(ds, unit.id, { fullName: `${fullName} ${tag}`, ...patch });
    const user = await t.createUser({ roles: [role], personId: person.id, displayName: person.fullName });
    return { ...user, person };
  };
  const drafters = [];
  for (let i = 0; i < (opts.drafters ?? 3); i++) {
    drafters.push(await member(Role.Officer, `Chuyên viên soạn thảo ${i + 1}`));
  }
  const legal = await member(Role.Officer, 'Trần Thị Pháp Chế');
  const teamLeader = await member(Role.Leader, 'Lê Văn Tổ Trưởng');
  const approver = await member(Role.Leader, 'Phạm Minh Giám Đốc', { position: 'Giám đốc', tags: ['head'] });
  const spokesperson = await member(Role.Officer, 'Đỗ Thu Phát Ngôn');
  const observer = await member(Role.Observer, 'Vũ Quan Sát');
  const reader = await member(Role.Leader, 'Hoàng Lãnh Đạo');
  const deputies = [
    await member(Role.Leader, 'Ngô Phó Giám Đốc Một', { position: 'Phó Giám đốc' }),
    await member(Role.Leader, 'Bùi Phó Giám Đốc Hai', { position: 'Phó Giám đốc' }),
  ];
  const res = await t
    .http()
    .post('/api/incidents')
    .set(admin.auth)
    .send({
      title: `Thông tin sai lệch về ngộ độc thực phẩm tại trường học ${tag}`,
      category: opts.category ?? 'public_health',
      severity: opts.severity ?? 'L2',
      responsibleOrgUnitId: unit.id,
      ...(opts.detectedAt ? { detectedAt: opts.detectedAt } : {}),
    });
  if (res.status !== 201) throw new Error(`incident: ${res.status} ${JSON.stringify(res.body)}`);
  const incidentId: string = res.body.id;
  await ds.query(
    `INSERT INTO working_groups (incident_id, rule_id, activated_at) VALUES ($1, NULL, now()) ON CONFLICT DO NOTHING`,
    [incidentId],
  );
  const join = async (m: Member, role: string) => {
    await ds.query(
      `INSERT INTO working_group_members
         (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, assumed_at)
       VALUES ($1, $2, $3, 'accepted', 'Phân công trong kiểm thử', '{}'::jsonb, now(), now() + interval '1 hour', now(), now())`,
      [incidentId, role, m.person.id],
    );
  };
  for (const d of drafters) await join(d, 'drafter');
  await join(legal, 'legal_reviewer');
  await join(teamLeader, 'team_leader');
  await join(approver, 'approving_leader');
  await join(spokesperson, 'spokesperson');
  await join(observer, 'party_propaganda_liaison');
  return {
    unitId: unit.id,
    incidentId,
    admin,
    drafters,
    legal,
    teamLeader,
    approver,
    spokesperson,
    observer,
    reader,
    deputies,
    join,
  };
}
