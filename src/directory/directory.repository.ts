import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Capability, OrgUnitCapability } from './entities/org-unit-capability.entity.js';
import { OrgUnitSuccession, SuccessionKind } from './entities/org-unit-succession.entity.js';
import { OrgUnit, OrgUnitType } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';
import { DesignationKind, SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';

/** Key of the transaction-scoped advisory lock that serialises directory writes across connections and nodes. */
const DIRECTORY_WRITE_LOCK = 7_031_002;

/** Recursion guard for tree and lineage walks (real trees are 4-5 levels deep, lineages a handful of steps). */
const MAX_DEPTH = 100;

export interface OrgUnitFilter {
  on: string;
  capability?: Capability;
  provinceId?: string;
  type?: OrgUnitType;
  q?: string;
  parentId?: string;
  limit: number;
  offset: number;
}

export interface PeopleFilter {
  orgUnitId?: string;
  includeSubunits?: boolean;
  tag?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export interface DesignationFilter {
  orgUnitId?: string;
  personId?: string;
  kind?: DesignationKind;
  on?: string;
  matter?: string;
  limit: number;
  offset: number;
}

export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  unitType: OrgUnitType;
  validFrom: string;
  validTo: string | null;
}

export interface LineageStep {
  unit: UnitSummary;
  kind: SuccessionKind;
  effectiveOn: string;
  note: string | null;
  /** 1 for a direct link, 2 for the predecessor of a predecessor, … */
  depth: number;
  /** The unit on the other end of this link (nearer to the unit asked about). */
  linkedUnitId: string;
}

interface LineageRow {
  unit_id: string;
  via_id: string;
  kind: SuccessionKind;
  effective_on: string;
  note: string | null;
  depth: number;
  code: string;
  name: string;
  unit_type: OrgUnitType;
  valid_from: string;
  valid_to: string | null;
}

/** `%term%` for LIKE, with the term's own wildcards escaped. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accent- and case-insensitive "contains" on an SQL expression (unaccent folds ă, ơ, đ… to a, o, d). */
function unaccentLike(expression: string, param: string): string {
  return `unaccent(lower(coalesce(${expression}, ''))) LIKE unaccent(lower(:${param}))`;
}

function validOn(alias: string, param = 'on'): string {
  return `${alias}.valid_from <= :${param} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= :${param})`;
}

/** Custom SQL of the directory: temporal filters, recursive tree and lineage walks. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Held until commit: directory rules that check before they write (code overlaps, e-mail uniqueness) stay true. */
  async lockForWrite(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_WRITE_LOCK]);
  }

  // ------------------------------------------------------------------------------------------ org units

  async listOrgUnits(filter: OrgUnitFilter): Promise<{ items: OrgUnit[]; total: number }> {
    const qb = this.m()
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .where(validOn('u'), { on: filter.on })
      .orderBy('u.unitType', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.type) qb.andWhere('u.unit_type = :type', { type: filter.type });
    if (filter.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.capability) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM org_unit_capabilities c
                 WHERE c.org_unit_id = u.id AND c.capability = :capability AND ${validOn('c')})`,
        { capability: filter.capability },
      );
    }
    if (filter.provinceId) {
      // The province's whole tree, whatever the depth: communes hang under districts before 7/2025 and under
      // the province after; departments hang under the provincial committee.
      qb.andWhere(
        `u.id IN (
           WITH RECURSIVE subtree(id, depth) AS (
             SELECT id, 0 FROM org_units WHERE id = :provinceId
             UNION ALL
             SELECT c.id, s.depth + 1 FROM org_units c JOIN subtree s ON c.parent_id = s.id
             WHERE s.depth < ${MAX_DEPTH}
           )
           SELECT id FROM subtree)`,
        { provinceId: filter.provinceId },
      );
    }
    if (filter.q) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(unaccentLike('u.name', 'q'))
            .orWhere(unaccentLike('u.short_name', 'q'))
            .orWhere('lower(u.code) LIKE lower(:q)'),
        ),
        { q: containsPattern(filter.q) },
      );
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async capabilitiesOn(unitIds: string[], on: string): Promise<OrgUnitCapability[]> {
    if (!unitIds.length) return [];
    return this.m()
      .getRepository(OrgUnitCapability)
      .createQueryBuilder('c')
      .where('c.org_unit_id = ANY(:unitIds)', { unitIds })
      .andWhere(validOn('c'), { on })
      .orderBy('c.capability', 'ASC')
      .getMany();
  }

  async childrenOn(parentId: string, on: string): Promise<OrgUnit[]> {
    return this.m()
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .where('u.parent_id = :parentId', { parentId })
      .andWhere(validOn('u'), { on })
      .orderBy('u.unitType', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .getMany();
  }

  /** Direct succession links on both sides of a unit, with the unit on the other end. */
  async directSuccessions(
    unitId: string,
  ): Promise<{ successors: OrgUnitSuccession[]; predecessors: OrgUnitSuccession[] }> {
    const repo = this.m().getRepository(OrgUnitSuccession);
    const [successors, predecessors] = await Promise.all([
      repo.find({
        where: { predecessorId: unitId },
        relations: { successor: true },
        order: { effectiveOn: 'ASC' },
      }),
      repo.find({
        where: { successorId: unitId },
        relations: { predecessor: true },
        order: { effectiveOn: 'ASC' },
      }),
    ]);
    return { successors, predecessors };
  }

  /** Transitive predecessors and successors, each with the link's kind and date and its distance. */
  async lineage(unitId: string): Promise<{ predecessors: LineageStep[]; successors: LineageStep[] }> {
    const walk = (direction: 'back' | 'forward') => {
      // back: follow links whose successor is the current unit; forward: whose predecessor is.
      const [near, far] =
        direction === 'back' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
      return this.m().query(
        `WITH RECURSIVE walk(unit_id, via_id, kind, effective_on, note, depth, path) AS (
           SELECT s.${far}, s.${near}, s.kind, s.effective_on, s.note, 1, ARRAY[s.${near}, s.${far}]
           FROM org_unit_successions s WHERE s.${near} = $1
           UNION ALL
           SELECT s.${far}, s.${near}, s.kind, s.effective_on, s.note, w.depth + 1, w.path || s.${far}
           FROM org_unit_successions s JOIN walk w ON s.${near} = w.unit_id
           WHERE NOT s.${far} = ANY(w.path) AND w.depth < ${MAX_DEPTH}
         ),
         steps AS (
           SELECT DISTINCT ON (unit_id, via_id, kind) * FROM walk ORDER BY unit_id, via_id, kind, depth
         )
         SELECT st.unit_id, st.via_id, st.kind::text AS kind, to_char(st.effective_on, 'YYYY-MM-DD') AS effective_on,
                st.note, st.depth, u.code, u.name, u.unit_type::text AS unit_type,
                to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM steps st JOIN org_units u ON u.id = st.unit_id
         ORDER BY st.depth, st.effective_on ${direction === 'back' ? 'DESC' : 'ASC'}, u.name`,
        [unitId],
      ) as Promise<LineageRow[]>;
    };
    const toStep = (r: LineageRow): LineageStep => ({
      unit: {
        id: r.unit_id,
        code: r.code,
        name: r.name,
        unitType: r.unit_type,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      },
      kind: r.kind,
      effectiveOn: r.effective_on,
      note: r.note,
      depth: Number(r.depth),
      linkedUnitId: r.via_id,
    });
    const [back, forward] = await Promise.all([walk('back'), walk('forward')]);
    return { predecessors: back.map(toStep), successors: forward.map(toStep) };
  }

  /** Whether `unitId` is `rootId` or lies anywhere below it in the tree. */
  async isInSubtree(unitId: string, rootId: string, manager?: EntityManager): Promise<boolean> {
    const [row] = await this.m(manager).query(
      `WITH RECURSIVE ancestors(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM org_units WHERE id = $1
         UNION ALL
         SELECT p.id, p.parent_id, a.depth + 1 FROM org_units p JOIN ancestors a ON p.id = a.parent_id
         WHERE a.depth < ${MAX_DEPTH}
       )
       SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS inside`,
      [unitId, rootId],
    );
    return Boolean(row?.inside);
  }

  async wouldCreateSuccessionCycle(
    predecessorId: string,
    successorId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    // A loop closes when the new predecessor is already reachable forward from the new successor.
    const [row] = await this.m(manager).query(
      `WITH RECURSIVE forward(id, depth) AS (
         SELECT $1::uuid, 0
         UNION
         SELECT s.successor_id, f.depth + 1 FROM org_unit_successions s JOIN forward f ON s.predecessor_id = f.id
         WHERE f.depth < ${MAX_DEPTH}
       )
       SELECT EXISTS (SELECT 1 FROM forward WHERE id = $2) AS loops`,
      [successorId, predecessorId],
    );
    return Boolean(row?.loops);
  }

  /** Codes held by more than one unit over time: references to them need the unit's start date. */
  async reusedCodes(manager?: EntityManager): Promise<Set<string>> {
    const rows = await this.m(manager)
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .select('u.code', 'code')
      .groupBy('u.code')
      .having('count(*) > 1')
      .getRawMany<{ code: string }>();
    return new Set(rows.map((r) => r.code));
  }

  /** Direct children still valid after `end` (or starting after it). */
  async childrenOutliving(unitId: string, end: string, manager: EntityManager): Promise<OrgUnit[]> {
    return manager
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .where('u.parent_id = :unitId', { unitId })
      .andWhere('(u.valid_to IS NULL OR u.valid_to > :end)', { end })
      .orderBy('u.name')
      .getMany();
  }

  /** Capabilities and designations of a unit that begin after `end`. */
  async datedRowsStartingAfter(
    unitId: string,
    end: string,
    manager: EntityManager,
  ): Promise<{ capabilities: number; designations: number }> {
    const count = (entity: typeof OrgUnitCapability | typeof SpokespersonDesignation) =>
      manager
        .getRepository(entity)
        .createQueryBuilder('x')
        .where('x.org_unit_id = :unitId AND x.valid_from > :end', { unitId, end })
        .getCount();
    return {
      capabilities: await count(OrgUnitCapability),
      designations: await count(SpokespersonDesignation),
    };
  }

  /** Ends on `end` the capabilities and designations of a unit still open after that day. */
  async endDatedRowsOf(
    unitId: string,
    end: string,
    manager: EntityManager,
  ): Promise<{ capabilities: number; designations: number }> {
    const close = async (entity: typeof OrgUnitCapability | typeof SpokespersonDesignation) => {
      const result = await manager
        .createQueryBuilder()
        .update(entity)
        .set({ validTo: end })
        .where('org_unit_id = :unitId AND (valid_to IS NULL OR valid_to > :end)', { unitId, end })
        .execute();
      return result.affected ?? 0;
    };
    return {
      capabilities: await close(OrgUnitCapability),
      designations: await close(SpokespersonDesignation),
    };
  }

  async unitsWithCode(code: string, manager?: EntityManager): Promise<OrgUnit[]> {
    return this.m(manager)
      .getRepository(OrgUnit)
      .find({ where: { code }, order: { validFrom: 'ASC' } });
  }

  // --------------------------------------------------------------------------------------------- people

  async listPeople(filter: PeopleFilter): Promise<{ items: Person[]; total: number }> {
    const qb = this.m()
      .getRepository(Person)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.orgUnit', 'u')
      .orderBy('p.fullName', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.orgUnitId && filter.includeSubunits) {
      qb.andWhere(
        `p.org_unit_id IN (
           WITH RECURSIVE subtree(id, depth) AS (
             SELECT id, 0 FROM org_units WHERE id = :orgUnitId
             UNION ALL
             SELECT c.id, s.depth + 1 FROM org_units c JOIN subtree s ON c.parent_id = s.id
             WHERE s.depth < ${MAX_DEPTH}
           )
           SELECT id FROM subtree)`,
        { orgUnitId: filter.orgUnitId },
      );
    } else if (filter.orgUnitId) {
      qb.andWhere('p.org_unit_id = :orgUnitId', { orgUnitId: filter.orgUnitId });
    }
    if (filter.tag) qb.andWhere(':tag = ANY(p.tags)', { tag: filter.tag });
    if (filter.active !== undefined) qb.andWhere('p.active = :active', { active: filter.active });
    if (filter.q) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(unaccentLike('p.full_name', 'q'))
            .orWhere(unaccentLike('p.position', 'q'))
            .orWhere('lower(p.email) LIKE lower(:q)'),
        ),
        { q: containsPattern(filter.q) },
      );
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async peopleWithTag(orgUnitId: string, tag: string): Promise<Person[]> {
    return this.m()
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.org_unit_id = :orgUnitId', { orgUnitId })
      .andWhere(':tag = ANY(p.tags)', { tag })
      .orderBy('p.fullName', 'ASC')
      .getMany();
  }

  async personByEmail(email: string, manager?: EntityManager): Promise<Person | null> {
    return this.m(manager)
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('lower(p.email) = lower(:email)', { email })
      .getOne();
  }

  async peopleByEmails(emails: string[], manager?: EntityManager): Promise<Person[]> {
    if (!emails.length) return [];
    return this.m(manager)
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('lower(p.email) = ANY(:emails)', { emails: emails.map((e) => e.toLowerCase()) })
      .getMany();
  }

  // -------------------------------------------------------------------------------------- designations

  private designationQuery(manager?: EntityManager): SelectQueryBuilder<SpokespersonDesignation> {
    return this.m(manager)
      .getRepository(SpokespersonDesignation)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.person', 'p')
      .leftJoinAndSelect('d.grantedBy', 'g')
      .leftJoinAndSelect('d.orgUnit', 'u');
  }

  async listDesignations(
    filter: DesignationFilter,
  ): Promise<{ items: SpokespersonDesignation[]; total: number }> {
    const qb = this.designationQuery()
      .orderBy('d.validFrom', 'DESC')
      .addOrderBy('p.fullName', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.orgUnitId) qb.andWhere('d.org_unit_id = :orgUnitId', { orgUnitId: filter.orgUnitId });
    if (filter.personId) qb.andWhere('d.person_id = :personId', { personId: filter.personId });
    if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.on) qb.andWhere(validOn('d'), { on: filter.on });
    if (filter.matter)
      qb.andWhere(unaccentLike('d.matter', 'matter'), { matter: containsPattern(filter.matter) });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** Designations of a unit valid on a date, optionally of one kind and about a matter. */
  async designationsOn(
    orgUnitId: string,
    on: string,
    kind: DesignationKind,
    matter?: string,
  ): Promise<SpokespersonDesignation[]> {
    const qb = this.designationQuery()
      .where('d.org_unit_id = :orgUnitId', { orgUnitId })
      .andWhere('d.kind = :kind', { kind })
      .andWhere(validOn('d'), { on })
      .orderBy('d.validFrom', 'ASC')
      .addOrderBy('p.fullName', 'ASC');
    if (matter) qb.andWhere(unaccentLike('d.matter', 'matter'), { matter: containsPattern(matter) });
    return qb.getMany();
  }

  /** Designations of a person for a unit that overlap an interval (for the no-overlap and no-sub-delegation rules). */
  async designationsOfPerson(
    personId: string,
    orgUnitId: string,
    kind: DesignationKind,
    interval: { validFrom: string; validTo: string | null },
    manager?: EntityManager,
    excludeId?: string,
  ): Promise<SpokespersonDesignation[]> {
    const qb = this.m(manager)
      .getRepository(SpokespersonDesignation)
      .createQueryBuilder('d')
      .where('d.person_id = :personId', { personId })
      .andWhere('d.org_unit_id = :orgUnitId', { orgUnitId })
      .andWhere('d.kind = :kind', { kind })
      .andWhere('(d.valid_to IS NULL OR d.valid_to >= :from)', { from: interval.validFrom });
    if (interval.validTo !== null) qb.andWhere('d.valid_from <= :to', { to: interval.validTo });
    if (excludeId) qb.andWhere('d.id <> :excludeId', { excludeId });
    return qb.getMany();
  }

  // --------------------------------------------------------------------------- bulk (import and export)

  /** Everything the importer needs to judge a document against what is already stored. */
  async importSnapshot(emails: string[], manager: EntityManager) {
    // One connection in a transaction: queries one after the other.
    const units = await manager.getRepository(OrgUnit).find();
    const capabilities = await manager.getRepository(OrgUnitCapability).find();
    const successions = await manager.getRepository(OrgUnitSuccession).find();
    const people = await this.peopleByEmails(emails, manager);
    const designations = people.length
      ? await manager
          .getRepository(SpokespersonDesignation)
          .createQueryBuilder('d')
          .where('d.person_id = ANY(:ids)', { ids: people.map((p) => p.id) })
          .getMany()
      : [];
    return { units, capabilities, successions, people, designations };
  }

  /** Every row of the directory; call it inside one (repeatable-read) transaction for a consistent copy. */
  async exportSnapshot(manager: EntityManager) {
    const m = manager;
    const units = await m.getRepository(OrgUnit).find({ order: { code: 'ASC', validFrom: 'ASC' } });
    const capabilities = await m.getRepository(OrgUnitCapability).find();
    const successions = await m.getRepository(OrgUnitSuccession).find();
    const people = await m.getRepository(Person).find();
    const designations = await m.getRepository(SpokespersonDesignation).find();
    return { units, capabilities, successions, people, designations };
  }
}
