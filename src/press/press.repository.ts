import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PressInquiry } from './entities/press-inquiry.entity.js';
import { PressJournalist } from './entities/press-journalist.entity.js';
import { PressOutlet } from './entities/press-outlet.entity.js';
import { InquiryStatus, OPEN_INQUIRY_STATUSES } from './press-inquiry-types.js';

export interface InquiryFilter {
  /** Units whose requests may be listed; null: all. */
  units: string[] | null;
  status?: InquiryStatus;
  open?: boolean;
  orgUnitId?: string;
  journalistId?: string;
  limit: number;
  offset: number;
}

export interface UnitResponseRow {
  orgUnitId: string;
  orgUnitName: string;
  answered: number;
  declined: number;
  onTime: number;
  avgHours: number | null;
  medianHours: number | null;
  maxHours: number | null;
}

/** The press desk's queries over its own tables. */
@Injectable()
export class PressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listInquiries(f: InquiryFilter): Promise<{ items: PressInquiry[]; total: number }> {
    if (f.units && !f.units.length) return { items: [], total: 0 };
    const qb = this.dataSource
      .getRepository(PressInquiry)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.journalist', 'j')
      .leftJoinAndSelect('i.outlet', 'o');
    if (f.units) qb.andWhere('i.orgUnitId IN (:...units)', { units: f.units });
    if (f.status) qb.andWhere('i.status = :status', { status: f.status });
    if (f.open === true) qb.andWhere('i.status IN (:...open)', { open: OPEN_INQUIRY_STATUSES });
    if (f.open === false) qb.andWhere('i.status NOT IN (:...open)', { open: OPEN_INQUIRY_STATUSES });
    if (f.orgUnitId) qb.andWhere('i.orgUnitId = :unit', { unit: f.orgUnitId });
    if (f.journalistId) qb.andWhere('i.journalistId = :j', { j: f.journalistId });
    const [items, total] = await qb
      .orderBy(f.open ? 'i.dueAt' : 'i.receivedAt', f.open ? 'ASC' : 'DESC')
      .addOrderBy('i.id', 'ASC')
      .take(f.limit)
      .skip(f.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Open requests past their due time, counted by unit. */
  async overdueByUnit(units: string[] | null, now: Date) {
    if (units && !units.length) return [];
    const rows: { org_unit_id: string; name: string; overdue: string; oldest_due: Date }[] =
      await this.dataSource.query(
        `SELECT org_unit_id, max(routing #>> '{unit,name}') AS name, count(*) AS overdue, min(due_at) AS oldest_due
           FROM press_inquiries
          WHERE status = ANY($1) AND due_at < $2 AND ($3::uuid[] IS NULL OR org_unit_id = ANY($3))
          GROUP BY org_unit_id ORDER BY count(*) DESC, min(due_at)`,
        [OPEN_INQUIRY_STATUSES, now, units],
      );
    return rows.map((r) => ({
      orgUnitId: r.org_unit_id,
      orgUnitName: r.name,
      overdue: Number(r.overdue),
      oldestDueAt: new Date(r.oldest_due).toISOString(),
    }));
  }

  /** Answer times (receipt to sending) of the requests closed in the period, by unit. */
  async responseTimes(units: string[] | null, from: Date, to: Date): Promise<UnitResponseRow[]> {
    if (units && !units.length) return [];
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      `SELECT org_unit_id, max(routing #>> '{unit,name}') AS name,
              count(*) FILTER (WHERE status = 'answered') AS answered,
              count(*) FILTER (WHERE status = 'declined') AS declined,
              count(*) FILTER (WHERE closed_at <= due_at) AS on_time,
              avg(extract(epoch FROM closed_at - received_at)) / 3600 AS avg_hours,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - received_at)) / 3600 AS median_hours,
              max(extract(epoch FROM closed_at - received_at)) / 3600 AS max_hours
         FROM press_inquiries
        WHERE status IN ('answered', 'declined') AND closed_at >= $1 AND closed_at < $2
          AND ($3::uuid[] IS NULL OR org_unit_id = ANY($3))
        GROUP BY org_unit_id ORDER BY avg(extract(epoch FROM closed_at - received_at)) DESC`,
      [from, to, units],
    );
    const num = (v: string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
    return rows.map((r) => ({
      orgUnitId: r.org_unit_id!,
      orgUnitName: r.name!,
      answered: Number(r.answered),
      declined: Number(r.declined),
      onTime: Number(r.on_time),
      avgHours: num(r.avg_hours),
      medianHours: num(r.median_hours),
      maxHours: num(r.max_hours),
    }));
  }

  /** Open requests by due time (the desk's worklist). */
  openByDue(units: string[] | null, limit: number) {
    if (units && !units.length) return Promise.resolve([]);
    const qb = this.dataSource
      .getRepository(PressInquiry)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.journalist', 'j')
      .leftJoinAndSelect('i.outlet', 'o')
      .where('i.status IN (:...open)', { open: OPEN_INQUIRY_STATUSES });
    if (units) qb.andWhere('i.orgUnitId IN (:...units)', { units });
    return qb.orderBy('i.dueAt', 'ASC').take(limit).getMany();
  }

  /** The outlet of this name, whatever its case. */
  outletByName(manager: EntityManager, name: string): Promise<PressOutlet | null> {
    return manager
      .getRepository(PressOutlet)
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name })
      .getOne();
  }

  /** The journalist of this e-mail, whatever its case. */
  journalistByEmail(manager: EntityManager, email: string): Promise<PressJournalist | null> {
    return manager
      .getRepository(PressJournalist)
      .createQueryBuilder('j')
      .where('lower(j.email) = lower(:email)', { email })
      .getOne();
  }
}
