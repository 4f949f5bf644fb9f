import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../auth/entities/user.entity.js';
import { importDirectoryDocument } from '../directory/directory-importer.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { PeopleRepository } from '../directory/people.repository.js';
import { Person } from '../directory/entities/person.entity.js';
import { todayInVietnam } from '../common/dates.js';
import { DEMO_USERS, demoProvinceDocument } from './demo-province.data.js';

export interface DemoLoadResult {
  orgUnits: number;
  people: number;
  users: { email: string; roles: string[]; displayName: string; part: string }[];
}

/**
 * Loads the fictional Tỉnh An Hòa (see demo-province.data.ts) inside the caller's transaction. The directory
 * goes through the same importer and rules as POST /api/directory/import, so the demo is valid data by
 * construction. Then one login per working role is created for demo people (skipped when the e-mail already
 * has an account), and, given `audit`, one `demo.load` audit row records the counts.
 */
export async function loadDemoProvince(
  manager: EntityManager,
  opts: {
    hashPassword: (password: string) => Promise<string>;
    demoPassword: string;
    audit?: AuditService;
    /** The day the demo is built around (the authorised spokesperson's term); defaults to today in Vietnam. */
    today?: string;
  },
): Promise<DemoLoadResult> {
  const today = opts.today ?? todayInVietnam();
  const { counts } = await importDirectoryDocument(
    manager,
    new DirectoryRepository(manager.connection, new PeopleRepository(manager.connection)),
    demoProvinceDocument(today),
    { today },
  );

  const users: DemoLoadResult['users'] = [];
  for (const demo of DEMO_USERS) {
    const email = demo.email.toLowerCase();
    if (await manager.existsBy(User, { email })) continue;
    const person = await manager.findOneByOrFail(Person, { email });
    await manager.insert(User, {
      email,
      displayName: person.fullName,
      passwordHash: await opts.hashPassword(opts.demoPassword),
      roles: demo.roles,
      personId: person.id,
    });
    users.push({ email, roles: [...demo.roles], displayName: person.fullName, part: demo.part });
  }

  const result = { orgUnits: counts.orgUnits, people: counts.people, users };
  await opts.audit?.record(manager, {
    action: 'demo.loaded',
    entityType: 'directory',
    data: { counts, users: users.map((u) => u.email) },
  });
  return result;
}
