import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Person } from './entities/person.entity.js';
import { containsPattern, MAX_DEPTH, unaccentLike } from './directory-sql.js';

export interface PeopleFilter {
  orgUnitId?: string;
  includeSubunits?: boolean;
  tag?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** Custom SQL of people: search, tags, e-mails. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

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
}
