import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { UsersService } from '../auth/users.service.js';
import { loadDemoProvince } from '../demo/demo-province.js';
import { OrgUnit } from '../directory/entities/org-unit.entity.js';
import { generatePassword } from './secrets.js';

export interface InitialDataReport {
  admin: { email: string; created: boolean; generatedPassword?: string };
  demo?: {
    orgUnits: number;
    people: number;
    users: { email: string; roles: string[]; displayName: string; part: string }[];
    /** Set only when generated here (never the value given in UNGPHO_DEMO_PASSWORD): printed once. */
    generatedPassword?: string;
  };
}

/**
 * Creates the first administrator when none exists and, when asked and the directory is empty, loads the
 * demo province. Safe to run at every start: it does nothing on a database that already has both.
 */
export async function ensureInitialData(
  app: INestApplication,
  opts: { adminEmail: string; adminPassword?: string; loadDemo: boolean; demoPassword?: string },
): Promise<InitialDataReport> {
  const generatedPassword = opts.adminPassword ? undefined : generatePassword();
  const { created } = await app
    .get(UsersService)
    .ensureAdmin(opts.adminEmail, opts.adminPassword ?? generatedPassword!);
  const report: InitialDataReport = {
    admin: { email: opts.adminEmail, created, generatedPassword: created ? generatedPassword : undefined },
  };
  if (!opts.loadDemo) return report;

  const dataSource = app.get<DataSource>(getDataSourceToken());
  if ((await dataSource.getRepository(OrgUnit).count()) > 0) return report;
  const generatedDemoPassword = opts.demoPassword ? undefined : generatePassword();
  const demoPassword = opts.demoPassword ?? generatedDemoPassword!;
  const audit = app.get(AuditService);
  const loaded = await dataSource.transaction((manager) =>
    loadDemoProvince(manager, { hashPassword, demoPassword, audit }),
  );
  report.demo = { ...loaded, generatedPassword: generatedDemoPassword };
  return report;
}
