import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { unitWithinSql } from '../../access/org-tree.js';
import { PressCoverage } from './entities/press-coverage.entity.js';

/** The coverage list's query: due first, of units in scope, filtered. */
@Injectable()
export class PressCoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of coverage, soonest due first (undated last), then newest; `scope` null: every unit. */
  async list(filter: {
    scope: string[] | null;
    orgUnitId?: string;
    status?: string;
    overdue?: boolean;
    limit: number;
    offset: number;
  }): Promise<{ items: PressCoverage[]; total: number }> {
    const qb = this.dataSource
      .getRepository(PressCoverage)
      .createQueryBuilder('c')
      .orderBy('c.dueAt', 'ASC', 'NULLS LAST')
      .addOrderBy('c.receivedAt', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.scope) qb.andWhere(unitWithinSql('c.orgUnitId', ':scope::uuid[]'), { scope: filter.scope });
    if (filter.orgUnitId)
      qb.andWhere(unitWithinSql('c.orgUnitId', 'ARRAY[:unit]::uuid[]'), { unit: filter.orgUnitId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.overdue)
      qb.andWhere('c.respondedAt IS NULL AND c.dueAt < now()').andWhere("c.status <> 'closed'");
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
