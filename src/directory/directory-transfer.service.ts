import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { ImportCounts } from './directory-import.types.js';
import { applyImportPlan, importDirectoryDocument, importFailed } from './directory-importer.js';
import { DirectoryRepository } from './directory.repository.js';
import { PeopleRepository } from './people.repository.js';
import { DIRECTORY_FORMAT, DirectoryDocument, DirectoryDocumentDto } from './dto/directory-document.dto.js';
import { OrgUnitCapability } from './entities/org-unit-capability.entity.js';
import { OrgUnitSuccession } from './entities/org-unit-succession.entity.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';
import { SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';
import {
  parsePeopleCsv,
  PEOPLE_CSV_MAX_ROWS,
  planPeopleCsvImport,
  stringifyPeopleCsv,
} from './people-csv.js';
import { todayInVietnam } from '../common/dates.js';

export interface ImportResult {
  dryRun: boolean;
  counts: ImportCounts;
}

export interface PeopleCsvImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
}

/** Bulk import and export of the directory (JSON document, people as CSV). */
@Injectable()
export class DirectoryTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DirectoryRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  /** All or nothing: one transaction, one audit row with the counts. */
  async importDocument(doc: DirectoryDocumentDto, dryRun = false): Promise<ImportResult> {
    return this.dataSource.transaction(async (manager) => {
      const { counts } = await importDirectoryDocument(manager, this.repository, doc, {
        today: todayInVietnam(),
        dryRun,
      });
      if (!dryRun) {
        await this.audit.record(manager, {
          action: 'directory.imported',
          entityType: 'directory',
          data: { counts },
        });
      }
      return { dryRun, counts };
    });
  }

  /**
   * A snapshot taken in one repeatable-read transaction, in the import format (it imports into an empty
   * database). Rows are sorted by their content, never by database ids, so two installations holding the same
   * directory export the same document.
   */
  async exportDocument(): Promise<Required<DirectoryDocument>> {
    const snap = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.repository.exportSnapshot(manager),
    );
    const unitsById = new Map(snap.units.map((u) => [u.id, u]));
    const codeCount = new Map<string, number>();
    for (const u of snap.units) codeCount.set(u.code, (codeCount.get(u.code) ?? 0) + 1);
    // A reference carries the unit's start date only when its code alone would not say which unit is meant.
    const unitRef = (id: string) => {
      const u = unitsById.get(id)!;
      return { code: u.code, validFrom: codeCount.get(u.code)! > 1 ? u.validFrom : undefined };
    };
    const sortKey = (id: string) => `${unitsById.get(id)!.code}\u0000${unitsById.get(id)!.validFrom}`;

    const people = [...snap.people].sort((a, b) =>
      compareBy(a, b, [
        (p) => p.fullName,
        (p) => p.email ?? '',
        (p) => sortKey(p.orgUnitId),
        (p) => p.position,
      ]),
    );
    // People without an e-mail get an import-local key; designations refer to people by e-mail or key.
    let keyNumber = 0;
    const personRef = new Map(
      people.map((p) => [p.id, p.email ?? `person-${String(++keyNumber).padStart(4, '0')}`]),
    );

    return {
      format: DIRECTORY_FORMAT,
      exportedAt: new Date().toISOString(),
      orgUnits: treeOrder(
        [...snap.units].sort((a, b) => compareBy(a, b, [(u) => u.code, (u) => u.validFrom])),
      ).map((u) => {
        const parent = u.parentId ? unitRef(u.parentId) : null;
        return {
          code: u.code,
          name: u.name,
          shortName: u.shortName,
          unitType: u.unitType,
          ...(parent ? { parentCode: parent.code, parentValidFrom: parent.validFrom } : {}),
          validFrom: u.validFrom,
          validTo: u.validTo,
          address: u.address,
          phone: u.phone,
          email: u.email,
          website: u.website,
        };
      }),
      capabilities: [...snap.capabilities]
        .sort((a, b) =>
          compareBy(a, b, [(c) => sortKey(c.orgUnitId), (c) => c.capability, (c) => c.validFrom]),
        )
        .map((c: OrgUnitCapability) => {
          const unit = unitRef(c.orgUnitId);
          return {
            orgUnitCode: unit.code,
            orgUnitValidFrom: unit.validFrom,
            capability: c.capability,
            validFrom: c.validFrom,
            validTo: c.validTo,
            legalBasis: c.legalBasis,
          };
        }),
      successions: [...snap.successions]
        .sort((a, b) =>
          compareBy(a, b, [
            (s) => s.effectiveOn,
            (s) => sortKey(s.predecessorId),
            (s) => sortKey(s.successorId),
            (s) => s.kind,
          ]),
        )
        .map((s: OrgUnitSuccession) => {
          const [predecessor, successor] = [unitRef(s.predecessorId), unitRef(s.successorId)];
          return {
            predecessorCode: predecessor.code,
            predecessorValidFrom: predecessor.validFrom,
            successorCode: successor.code,
            successorValidFrom: successor.validFrom,
            kind: s.kind,
            effectiveOn: s.effectiveOn,
            note: s.note,
          };
        }),
      people: people.map((p: Person) => {
        const unit = unitRef(p.orgUnitId);
        return {
          ...(p.email ? {} : { key: personRef.get(p.id)! }),
          fullName: p.fullName,
          position: p.position,
          orgUnitCode: unit.code,
          orgUnitValidFrom: unit.validFrom,
          phone: p.phone,
          email: p.email,
          tags: p.tags,
          active: p.active,
        };
      }),
      designations: [...snap.designations]
        .sort((a, b) =>
          compareBy(a, b, [
            (d) => sortKey(d.orgUnitId),
            (d) => d.validFrom,
            (d) => personRef.get(d.personId)!,
            (d) => d.kind,
          ]),
        )
        .map((d: SpokespersonDesignation) => {
          const unit = unitRef(d.orgUnitId);
          return {
            person: personRef.get(d.personId)!,
            orgUnitCode: unit.code,
            orgUnitValidFrom: unit.validFrom,
            kind: d.kind,
            matter: d.matter,
            validFrom: d.validFrom,
            validTo: d.validTo,
            published: d.published,
            decisionRef: d.decisionRef,
            grantedBy: d.grantedByPersonId ? (personRef.get(d.grantedByPersonId) ?? null) : null,
          };
        }),
    };
  }

  async exportPeopleCsv(): Promise<string> {
    const people = await this.dataSource.getRepository(Person).find({
      relations: { orgUnit: true },
      order: { fullName: 'ASC', id: 'ASC' },
    });
    const reused = await this.repository.reusedCodes();
    return stringifyPeopleCsv(
      people.map((p) => ({
        fullName: p.fullName,
        position: p.position,
        orgUnitCode: p.orgUnit!.code,
        orgUnitValidFrom: reused.has(p.orgUnit!.code) ? p.orgUnit!.validFrom : null,
        phone: p.phone,
        email: p.email,
        tags: p.tags,
      })),
    );
  }

  /** People from CSV: a known e-mail updates that person, other rows add people; all rows or none. */
  async importPeopleCsv(body: unknown, dryRun = false): Promise<PeopleCsvImportResult> {
    if (typeof body !== 'string') {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Cần gửi nội dung CSV (UTF-8) với Content-Type: text/csv; các cột: full_name, position, org_unit_code, phone, email, tags',
      );
    }
    const parsed = parsePeopleCsv(body);
    if (parsed.rows.length > PEOPLE_CSV_MAX_ROWS) {
      throw new AppError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `Tệp CSV có ${parsed.rows.length} dòng, tối đa ${PEOPLE_CSV_MAX_ROWS} dòng mỗi lần nhập. Hãy chia thành nhiều tệp.`,
        [{ section: 'people', count: parsed.rows.length, limit: PEOPLE_CSV_MAX_ROWS }],
      );
    }
    if (parsed.problems.length && !parsed.rows.length) throw importFailed(parsed.problems);
    return this.dataSource.transaction(async (manager) => {
      if (!dryRun) await this.repository.lockForWrite(manager);
      const emails = parsed.rows.map((r) => r.values.email?.toLowerCase()).filter((e): e is string => !!e);
      const units = await manager.getRepository(OrgUnit).find();
      const people = await this.people.peopleByEmails(emails, manager);
      const { plan, problems } = planPeopleCsvImport(parsed.rows, { units, people }, todayInVietnam());
      const all = [...parsed.problems, ...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      if (all.length) throw importFailed(all);
      const result = {
        dryRun,
        rows: parsed.rows.length,
        created: plan.create.length,
        updated: plan.update.length,
      };
      if (dryRun) return result;
      await applyImportPlan(manager, {
        orgUnits: [],
        capabilities: [],
        successions: [],
        people: plan.create,
        designations: [],
      });
      for (const { id, ...fields } of plan.update) await manager.update(Person, { id }, fields);
      await this.audit.record(manager, {
        action: 'directory.people_csv_imported',
        entityType: 'directory',
        data: { rows: result.rows, created: result.created, updated: result.updated },
      });
      return result;
    });
  }
}

/** Units with every parent before its children (stable by code, then start date). */
export function treeOrder<T extends { id: string; parentId: string | null }>(units: T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = new Map<string, number>();
  const depthOf = (u: T, guard = 0): number => {
    if (depth.has(u.id)) return depth.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const d = parent && guard < 100 ? depthOf(parent, guard + 1) + 1 : 0;
    depth.set(u.id, d);
    return d;
  };
  return units
    .map((u, i) => ({ u, i, d: depthOf(u) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.u);
}

function compareBy<T>(a: T, b: T, keys: ((x: T) => string)[]): number {
  for (const key of keys) {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
