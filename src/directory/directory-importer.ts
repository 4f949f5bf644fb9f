import { EntityManager, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { countPlan, ImportInput, planDirectoryImport } from './directory-import.plan.js';
import { ImportCounts, ImportPlan, ImportProblem } from './directory-import.types.js';
import { DirectoryRepository } from './directory.repository.js';
import { IMPORT_SECTIONS } from './dto/directory-document.dto.js';
import { OrgUnitCapability } from './entities/org-unit-capability.entity.js';
import { OrgUnitSuccession } from './entities/org-unit-succession.entity.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';
import { SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';

/** Most rows one import may carry, per section: a whole province fits with room to spare. */
export const IMPORT_LIMITS: ImportCounts = {
  orgUnits: 5_000,
  capabilities: 10_000,
  successions: 10_000,
  people: 20_000,
  designations: 10_000,
};

/** Beyond this many problems the report is cut (the count in the message stays exact). */
export const MAX_REPORTED_PROBLEMS = 1_000;

const INSERT_CHUNK = 500;

export function assertImportSize(doc: ImportInput): void {
  const over = IMPORT_SECTIONS.filter((s) => (doc[s]?.length ?? 0) > IMPORT_LIMITS[s]).map((section) => ({
    section,
    count: doc[section]!.length,
    limit: IMPORT_LIMITS[section],
  }));
  if (over.length) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      'Tệp nhập quá lớn: ' +
        over
          .map((o) => `phần ${o.section} có ${o.count} dòng, tối đa ${o.limit} dòng mỗi lần nhập`)
          .join('; ') +
        '. Hãy chia thành nhiều lần nhập.',
      over,
    );
  }
}

/** 422 IMPORT_FAILED: every problem with its section, row and field; nothing has been written. */
export function importFailed(problems: ImportProblem[]): AppError {
  const rows = new Set(problems.map((p) => `${p.section}:${p.index}`)).size;
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const cut = problems.length > shown.length ? ` (chỉ liệt kê ${shown.length} lỗi đầu tiên)` : '';
  return new AppError(
    ErrorCode.IMPORT_FAILED,
    `Nhập dữ liệu thất bại: ${problems.length} lỗi ở ${rows} dòng${cut}; không có dữ liệu nào được ghi.`,
    shown,
  );
}

/** Lower-cased e-mails a document refers to: its people's and the people its designations name. */
export function emailsInDocument(doc: ImportInput): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.includes('@')) out.add(v.trim().toLowerCase());
  };
  for (const p of doc.people ?? []) add((p as { email?: unknown } | null)?.email);
  for (const x of doc.designations ?? []) {
    add((x as { person?: unknown } | null)?.person);
    add((x as { grantedBy?: unknown } | null)?.grantedBy);
  }
  return [...out];
}

async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await manager.insert(entity, rows.slice(i, i + INSERT_CHUNK));
  }
}

/** Inserts a checked plan; units come parents first, and every reference already has its id. */
export async function applyImportPlan(manager: EntityManager, plan: ImportPlan): Promise<void> {
  await insertChunked(manager, OrgUnit, plan.orgUnits);
  await insertChunked(manager, OrgUnitCapability, plan.capabilities);
  await insertChunked(manager, OrgUnitSuccession, plan.successions);
  await insertChunked(manager, Person, plan.people);
  await insertChunked(manager, SpokespersonDesignation, plan.designations);
}

/**
 * Checks a whole document and, unless it is a dry run, writes it, all inside the caller's transaction.
 * Throws IMPORT_FAILED (nothing written) if any row is wrong. The caller records the audit row.
 */
export async function importDirectoryDocument(
  manager: EntityManager,
  repository: DirectoryRepository,
  doc: ImportInput,
  opts: { today: string; dryRun?: boolean },
): Promise<{ counts: ImportCounts; plan: ImportPlan }> {
  assertImportSize(doc);
  if (!opts.dryRun) await repository.lockForWrite(manager);
  const existing = await repository.importSnapshot(emailsInDocument(doc), manager);
  const { plan, problems } = planDirectoryImport(doc, existing, opts.today);
  if (problems.length) throw importFailed(problems);
  if (!opts.dryRun) await applyImportPlan(manager, plan);
  return { counts: countPlan(plan), plan };
}
