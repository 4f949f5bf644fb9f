import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { unitWithinSql } from '../../access/org-tree.js';
import { PressConference } from './entities/press-conference.entity.js';

/** Conference queries: the next question's number, the last regular conference of each unit. */
@Injectable()
export class PressConferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The number of the next question asked (the conference row is locked by the caller). */
  async nextQuestionPosition(conferenceId: string, manager: EntityManager): Promise<number> {
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT coalesce(max(position), 0)::int + 1 AS next FROM press_conference_questions WHERE conference_id = $1',
      [conferenceId],
    );
    return next;
  }

  /**
   * Conferences newest first (at most 200), of units at or below `scope` (null: every unit) and of `orgUnitId`'s
   * subtree, with a status.
   */
  async list(filter: {
    scope: string[] | null;
    orgUnitId?: string;
    status?: string;
  }): Promise<{ items: PressConference[]; total: number }> {
    const qb = this.dataSource
      .getRepository(PressConference)
      .createQueryBuilder('c')
      .orderBy('c.startsAt', 'DESC');
    if (filter.scope) qb.andWhere(unitWithinSql('c.orgUnitId', ':scope::uuid[]'), { scope: filter.scope });
    if (filter.orgUnitId)
      qb.andWhere(unitWithinSql('c.orgUnitId', 'ARRAY[:unit]::uuid[]'), { unit: filter.orgUnitId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    const [items, total] = await qb.take(200).getManyAndCount();
    return { items, total };
  }

  /** The Vietnam date of each unit's last regular conference held on or before `on`. */
  async lastRegularHeld(unitIds: string[], on: string): Promise<Map<string, string>> {
    if (!unitIds.length) return new Map();
    const rows: { unit: string; day: string }[] = await this.dataSource.query(
      `SELECT org_unit_id AS unit, to_char(max(held_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS day
         FROM press_conferences
        WHERE org_unit_id = ANY($1::uuid[]) AND status = 'held' AND kind = 'regular'
          AND (held_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2::date
        GROUP BY org_unit_id`,
      [unitIds, on],
    );
    return new Map(rows.map((r) => [r.unit, r.day]));
  }
}
