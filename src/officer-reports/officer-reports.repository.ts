import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { unitWithinSql } from '../access/sql-fragments.js';
import { OfficerReport } from './entities/officer-report.entity.js';

/** The officers' reports' queries: the newest of the units in scope, the screenshot (left out of other reads). */
@Injectable()
export class OfficerReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest 100 reports of units at or below `scope` (null: every unit), of one unit when given. */
  list(scope: string[] | null, orgUnitId?: string): Promise<OfficerReport[]> {
    // Filtered in the query, before the cap: other units' newer reports must not crowd out the caller's.
    const qb = this.dataSource
      .getRepository(OfficerReport)
      .createQueryBuilder('r')
      .orderBy('r.createdAt', 'DESC')
      .take(100);
    if (scope) qb.andWhere(unitWithinSql('r.orgUnitId', ':scope::uuid[]'), { scope });
    if (orgUnitId) qb.andWhere('r.orgUnitId = :orgUnitId', { orgUnitId });
    return qb.getMany();
  }

  /** The report with its screenshot. */
  withEvidence(id: string): Promise<OfficerReport | null> {
    return this.dataSource
      .getRepository(OfficerReport)
      .createQueryBuilder('r')
      .addSelect('r.evidence')
      .where('r.id = :id', { id })
      .getOne();
  }
}
