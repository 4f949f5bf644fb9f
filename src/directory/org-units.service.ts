import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgTree } from '../access/org-tree.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DirectoryRepository } from './directory.repository.js';
import { LineageStep, OrgUnitsRepository, UnitSummary } from './org-units.repository.js';
import {
  assertNoProblems,
  capabilityProblems,
  codeOverlapProblems,
  missingReference,
  orgUnitProblems,
  successionProblems,
} from './directory.rules.js';
import { unitSummary } from './directory.views.js';
import {
  CreateCapabilityDto,
  CreateOrgUnitDto,
  CreateSuccessionDto,
  ListOrgUnitsQueryDto,
  UpdateCapabilityDto,
  UpdateOrgUnitDto,
} from './dto/org-unit.dto.js';
import { OrgUnitCapability } from './entities/org-unit-capability.entity.js';
import { OrgUnitSuccession, SuccessionKind } from './entities/org-unit-succession.entity.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { todayInVietnam } from '../common/dates.js';
import { describeInterval, isValidOn } from './temporal.js';

export interface SuccessionLink {
  id: string;
  kind: SuccessionKind;
  effectiveOn: string;
  note: string | null;
  unit: UnitSummary;
}

export type OrgUnitListItem = OrgUnit & { capabilities: OrgUnitCapability[] };

export interface OrgUnitDetail extends Omit<OrgUnit, 'parent' | 'capabilities'> {
  on: string;
  validOnDate: boolean;
  parent: UnitSummary | null;
  /** Every dated capability of the unit, past and present, with whether it is held on the date asked. */
  capabilities: (OrgUnitCapability & { heldOnDate: boolean })[];
  children: UnitSummary[];
  successors: SuccessionLink[];
  predecessors: SuccessionLink[];
}

@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
    private readonly repository: OrgUnitsRepository,
    private readonly audit: AuditService,
    private readonly orgTree: OrgTree,
  ) {}

  /** The unit and the units above it, nearest first (as the tree is now; one walk, in access/). */
  async ancestry(unitId: string, manager: EntityManager = this.dataSource.manager): Promise<OrgUnit[]> {
    const ids = await this.orgTree.ancestors(unitId, manager);
    if (!ids.length) return [];
    const units = new Map((await manager.findBy(OrgUnit, { id: In(ids) })).map((u) => [u.id, u]));
    return ids.flatMap((id) => (units.has(id) ? [units.get(id)!] : []));
  }

  /** The units of these ids (a subtree the access layer walked), in no particular order. */
  byIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<OrgUnit[]> {
    return ids.length ? manager.findBy(OrgUnit, { id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * The place name a document of the unit is dated from ("Thái Bình, ngày …"): the province (or the top of the
   * tree) above it, without "Ủy ban nhân dân", "tỉnh", "thành phố".
   */
  async placeName(unitId: string): Promise<string | null> {
    return this.placeNameOf(await this.ancestry(unitId));
  }

  /** `placeName` from a chain already read with `ancestry`. */
  placeNameOf(chain: OrgUnit[]): string | null {
    const province = chain.find((u) => u.unitType === 'province' || u.unitType === 'provincial_committee');
    if (province) {
      return province.name
        .replace(/^(Ủy ban nhân dân|UBND)\s+/iu, '')
        .replace(/^(tỉnh|thành phố)\s+/iu, '')
        .trim();
    }
    // No province in the tree: the place named in the top unit's name ("Sở Y tế tỉnh An Hòa" → "An Hòa").
    const top = chain[chain.length - 1];
    if (!top) return null;
    return top.name.match(/(?:tỉnh|thành phố)\s+(.+)$/iu)?.[1] ?? top.name;
  }

  async list(query: ListOrgUnitsQueryDto): Promise<{ on: string; items: OrgUnitListItem[]; total: number }> {
    const on = query.on ?? todayInVietnam();
    const { items, total } = await this.repository.listOrgUnits({
      on,
      capability: query.capability,
      provinceId: query.provinceId,
      type: query.type,
      q: query.q,
      parentId: query.parentId,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    const capabilities = await this.repository.capabilitiesOn(
      items.map((u) => u.id),
      on,
    );
    return {
      on,
      total,
      items: items.map((u) =>
        Object.assign(u, { capabilities: capabilities.filter((c) => c.orgUnitId === u.id) }),
      ),
    };
  }

  async get(id: string, onDate?: string): Promise<OrgUnitDetail> {
    const on = onDate ?? todayInVietnam();
    const unit = await this.findUnit(id);
    const [parent, capabilities, children, links] = await Promise.all([
      unit.parentId ? this.dataSource.getRepository(OrgUnit).findOneBy({ id: unit.parentId }) : null,
      this.dataSource
        .getRepository(OrgUnitCapability)
        .find({ where: { orgUnitId: id }, order: { validFrom: 'ASC', capability: 'ASC' } }),
      this.repository.childrenOn(id, on),
      this.repository.directSuccessions(id),
    ]);
    const link = (s: OrgUnitSuccession, other: OrgUnit): SuccessionLink => ({
      id: s.id,
      kind: s.kind,
      effectiveOn: s.effectiveOn,
      note: s.note,
      unit: unitSummary(other),
    });
    return {
      ...unit,
      on,
      validOnDate: isValidOn(unit, on),
      parent: parent ? unitSummary(parent) : null,
      capabilities: capabilities.map((c) => Object.assign(c, { heldOnDate: isValidOn(c, on) })),
      children: children.map(unitSummary),
      successors: links.successors.map((s) => link(s, s.successor!)),
      predecessors: links.predecessors.map((s) => link(s, s.predecessor!)),
    };
  }

  async create(dto: CreateOrgUnitDto): Promise<OrgUnit> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const parent = dto.parentId ? await manager.findOneBy(OrgUnit, { id: dto.parentId }) : null;
      if (dto.parentId && !parent) throw missingReference('parentId', 'đơn vị cấp trên', dto.parentId);
      const interval = { validFrom: dto.validFrom, validTo: dto.validTo ?? null };
      assertNoProblems([
        ...orgUnitProblems(interval, parent),
        ...codeOverlapProblems(
          { ...interval, code: dto.code },
          await this.repository.unitsWithCode(dto.code, manager),
        ),
      ]);
      const unit = await manager.save(
        manager.create(OrgUnit, {
          code: dto.code,
          name: dto.name,
          shortName: dto.shortName ?? null,
          unitType: dto.unitType,
          parentId: parent?.id ?? null,
          ...interval,
          address: dto.address ?? null,
          phone: dto.phone ?? null,
          email: dto.email ?? null,
          website: dto.website ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'org_unit.created',
        entityType: 'org_unit',
        entityId: unit.id,
        data: {
          code: unit.code,
          name: unit.name,
          unitType: unit.unitType,
          parentId: unit.parentId,
          ...interval,
        },
      });
      return unit;
    });
  }

  /**
   * Corrections, and the end of a unit. Ending a unit ends with it the capabilities and spokesperson
   * designations still open after that day; it is refused while units below it outlive the new end date.
   */
  async update(id: string, dto: UpdateOrgUnitDto): Promise<OrgUnit> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const unit = await manager.findOneBy(OrgUnit, { id });
      if (!unit) throw AppError.notFound('đơn vị', id);
      const changes: Record<string, unknown> = {};
      for (const key of ['name', 'shortName', 'address', 'phone', 'email', 'website'] as const) {
        if (dto[key] !== undefined && dto[key] !== unit[key]) {
          changes[key] = dto[key];
          (unit as unknown as Record<string, unknown>)[key] = dto[key];
        }
      }
      let closed = { capabilities: 0, designations: 0 };
      if (dto.validTo !== undefined && dto.validTo !== unit.validTo) {
        closed = await this.changeEnd(manager, unit, dto.validTo);
        changes.validTo = dto.validTo;
        unit.validTo = dto.validTo;
      }
      if (!Object.keys(changes).length) return unit;
      await manager.save(unit);
      await this.audit.record(manager, {
        action: 'org_unit.updated',
        entityType: 'org_unit',
        entityId: id,
        data: { changes, closedCapabilities: closed.capabilities, closedDesignations: closed.designations },
      });
      return unit;
    });
  }

  private async changeEnd(
    manager: EntityManager,
    unit: OrgUnit,
    validTo: string | null,
  ): Promise<{ capabilities: number; designations: number }> {
    const interval = { validFrom: unit.validFrom, validTo };
    const parent = unit.parentId ? await manager.findOneBy(OrgUnit, { id: unit.parentId }) : null;
    const sameCode = (await this.repository.unitsWithCode(unit.code, manager)).filter(
      (u) => u.id !== unit.id,
    );
    assertNoProblems([
      ...orgUnitProblems(interval, parent),
      ...codeOverlapProblems({ ...interval, code: unit.code }, sameCode),
    ]);
    if (validTo === null) return { capabilities: 0, designations: 0 };

    const outliving = await this.repository.childrenOutliving(unit.id, validTo, manager);
    if (outliving.length) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `Không thể kết thúc “${unit.name}” vào ${validTo}: các đơn vị trực thuộc sau vẫn còn hiệu lực sau ngày đó: ` +
          `${outliving.map((u) => `“${u.name}” (${describeInterval(u)})`).join(', ')}. Hãy kết thúc chúng trước.`,
        outliving.map(unitSummary),
      );
    }
    const later = await this.repository.datedRowsStartingAfter(unit.id, validTo, manager);
    if (later.capabilities || later.designations) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `Không thể kết thúc “${unit.name}” vào ${validTo}: có ${later.capabilities} chức năng và ` +
          `${later.designations} chỉ định phát ngôn bắt đầu sau ngày đó`,
      );
    }
    return this.repository.endDatedRowsOf(unit.id, validTo, manager);
  }

  async addCapability(orgUnitId: string, dto: CreateCapabilityDto): Promise<OrgUnitCapability> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const unit = await manager.findOneBy(OrgUnit, { id: orgUnitId });
      if (!unit) throw AppError.notFound('đơn vị', orgUnitId);
      const draft = { capability: dto.capability, validFrom: dto.validFrom, validTo: dto.validTo ?? null };
      const siblings = await manager.findBy(OrgUnitCapability, { orgUnitId });
      assertNoProblems(capabilityProblems(draft, unit, siblings));
      const cap = await manager.save(
        manager.create(OrgUnitCapability, { orgUnitId, ...draft, legalBasis: dto.legalBasis ?? null }),
      );
      await this.audit.record(manager, {
        action: 'org_unit.capability.added',
        entityType: 'org_unit',
        entityId: orgUnitId,
        data: { capabilityId: cap.id, ...draft, legalBasis: cap.legalBasis },
      });
      return cap;
    });
  }

  /** Ends (or corrects the end or legal basis of) a dated capability. */
  async updateCapability(
    orgUnitId: string,
    capabilityId: string,
    dto: UpdateCapabilityDto,
  ): Promise<OrgUnitCapability> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const cap = await manager.findOneBy(OrgUnitCapability, { id: capabilityId, orgUnitId });
      if (!cap) throw AppError.notFound('chức năng của đơn vị', capabilityId);
      const unit = await manager.findOneByOrFail(OrgUnit, { id: orgUnitId });
      const before = { validTo: cap.validTo, legalBasis: cap.legalBasis };
      if (dto.validTo !== undefined) cap.validTo = dto.validTo;
      if (dto.legalBasis !== undefined) cap.legalBasis = dto.legalBasis;
      const siblings = (await manager.findBy(OrgUnitCapability, { orgUnitId })).filter(
        (c) => c.id !== cap.id,
      );
      assertNoProblems(capabilityProblems(cap, unit, siblings));
      await manager.save(cap);
      await this.audit.record(manager, {
        action: 'org_unit.capability.updated',
        entityType: 'org_unit',
        entityId: orgUnitId,
        data: {
          capabilityId,
          capability: cap.capability,
          before,
          after: { validTo: cap.validTo, legalBasis: cap.legalBasis },
        },
      });
      return cap;
    });
  }

  async addSuccession(predecessorId: string, dto: CreateSuccessionDto): Promise<OrgUnitSuccession> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const units = await manager.findBy(OrgUnit, { id: In([predecessorId, dto.successorId]) });
      const predecessor = units.find((u) => u.id === predecessorId);
      const successor = units.find((u) => u.id === dto.successorId);
      if (!predecessor) throw AppError.notFound('đơn vị', predecessorId);
      if (!successor) throw missingReference('successorId', 'đơn vị kế thừa', dto.successorId);
      assertNoProblems(successionProblems(dto, predecessor, successor));
      if (
        await manager.existsBy(OrgUnitSuccession, {
          predecessorId,
          successorId: successor.id,
          kind: dto.kind,
        })
      ) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Liên kết ${dto.kind} từ “${predecessor.name}” sang “${successor.name}” đã có`,
        );
      }
      if (await this.repository.wouldCreateSuccessionCycle(predecessorId, successor.id, manager)) {
        assertNoProblems([
          {
            code: ErrorCode.VALIDATION_FAILED,
            field: 'successorId',
            message: `“${successor.name}” đã là tiền thân (trực tiếp hoặc gián tiếp) của “${predecessor.name}”; liên kết này tạo thành vòng lặp kế thừa`,
          },
        ]);
      }
      const succession = await manager.save(
        manager.create(OrgUnitSuccession, {
          predecessorId,
          successorId: successor.id,
          kind: dto.kind,
          effectiveOn: dto.effectiveOn,
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'org_unit.succession.added',
        entityType: 'org_unit',
        entityId: predecessorId,
        data: {
          successionId: succession.id,
          successorId: successor.id,
          kind: dto.kind,
          effectiveOn: dto.effectiveOn,
        },
      });
      return succession;
    });
  }

  async lineage(
    id: string,
  ): Promise<{ unit: UnitSummary; predecessors: LineageStep[]; successors: LineageStep[] }> {
    const unit = await this.findUnit(id);
    return { unit: unitSummary(unit), ...(await this.repository.lineage(id)) };
  }

  private async findUnit(id: string): Promise<OrgUnit> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOneBy({ id });
    if (!unit) throw AppError.notFound('đơn vị', id);
    return unit;
  }
}
