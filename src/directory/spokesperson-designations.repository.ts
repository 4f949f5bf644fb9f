import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { DesignationKind, SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';
import { containsPattern, unaccentLike, validOn } from './directory-sql.js';

export interface DesignationFilter {
  orgUnitId?: string;
  personId?: string;
  kind?: DesignationKind;
  on?: string;
  matter?: string;
  limit: number;
  offset: number;
}

/** Custom SQL of spokesperson designations: by unit, person, matter and date. */
@Injectable()
export class SpokespersonDesignationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

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
}
