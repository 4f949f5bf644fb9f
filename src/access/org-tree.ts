import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessRepository } from './access.repository.js';

/**
 * How deep a walk of the unit tree goes: far more levels than the administration has (central → province →
 * department → office), and a stop should a cycle ever slip into `org_units.parent_id`.
 */
export const MAX_UNIT_DEPTH = 20;

/**
 * SQL: `id, depth` of the units `unitIds` (an SQL expression of a uuid[]) and every unit above them, depth 0 for
 * the units themselves. Use inside a subquery or a FROM: `FROM (${ancestorsSql('$1::uuid[]')}) up`.
 */
export function ancestorsSql(unitIds: string): string {
  return `WITH RECURSIVE up AS (
      SELECT o.id, o.parent_id, 0 AS depth FROM org_units o WHERE o.id = ANY(${unitIds})
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id
       WHERE up.depth < ${MAX_UNIT_DEPTH}
    ) SELECT id, depth FROM up`;
}

/** SQL: `id, depth` of the units `rootIds` (an SQL expression of a uuid[]) and every unit below them. */
export function subtreeSql(rootIds: string): string {
  return `WITH RECURSIVE down AS (
      SELECT o.id, 0 AS depth FROM org_units o WHERE o.id = ANY(${rootIds})
      UNION ALL
      SELECT o.id, down.depth + 1 FROM org_units o JOIN down ON o.parent_id = down.id
       WHERE down.depth < ${MAX_UNIT_DEPTH}
    ) SELECT id, depth FROM down`;
}

/** SQL condition: the unit column `column` lies at or below one of `rootIds` (an SQL expression of a uuid[]). */
export function unitWithinSql(column: string, rootIds: string): string {
  return `${column} IN (SELECT id FROM (${subtreeSql(rootIds)}) within_roots)`;
}

/** The unit tree as the permission rules read it (the tree as it is now; successions are the directory's). */
@Injectable()
export class OrgTree {
  constructor(private readonly repository: AccessRepository) {}

  /** The unit and the units above it, nearest first. */
  ancestors(unitId: string, manager?: EntityManager): Promise<string[]> {
    return this.repository.ancestors(unitId, manager);
  }

  /** The units and every unit below them. */
  subtree(rootIds: string[], manager?: EntityManager): Promise<string[]> {
    return this.repository.subtree(rootIds, manager);
  }

  /** True when `unitId` is `ancestorId` itself or lies anywhere below it. */
  isWithin(unitId: string, ancestorId: string, manager?: EntityManager): Promise<boolean> {
    return this.repository.isWithin(unitId, ancestorId, manager);
  }

  /** True when `unitId` lies at or below any of `rootIds`. */
  async isWithinAny(unitId: string, rootIds: string[], manager?: EntityManager): Promise<boolean> {
    if (!rootIds.length) return false;
    return (await this.repository.ancestors(unitId, manager)).some((id) => rootIds.includes(id));
  }
}
