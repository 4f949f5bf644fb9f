import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Capability, OrgUnitCapability } from './entities/org-unit-capability.entity.js';
import { OrgUnitSuccession, SuccessionKind } from './entities/org-unit-succession.entity.js';
import { OrgUnit, OrgUnitType } from './entities/org-unit.entity.js';
import { SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';
import { containsPattern, MAX_DEPTH, unaccentLike, validOn } from './directory-sql.js';

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

/** Custom SQL of org units: temporal filters, capabilities, recursive tree and lineage walks. */
@Injectable()
export class OrgUnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

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
}
