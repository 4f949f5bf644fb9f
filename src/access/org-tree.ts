import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessRepository } from './access.repository.js';

export { ancestorsSql, MAX_UNIT_DEPTH, subtreeSql, unitWithinSql } from './sql-fragments.js';

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
