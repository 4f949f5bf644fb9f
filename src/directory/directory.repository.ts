import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitCapability } from './entities/org-unit-capability.entity.js';
import { OrgUnitSuccession } from './entities/org-unit-succession.entity.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';
import { SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';
import { PeopleRepository } from './people.repository.js';

/** Key of the transaction-scoped advisory lock that serialises directory writes across connections and nodes. */
const DIRECTORY_WRITE_LOCK = 7_031_002;

/**
 * The directory as a whole: the write lock, and the snapshots of the import and the export. Each resource's own
 * SQL is in its repository (org-units, people, spokesperson-designations).
 */
@Injectable()
export class DirectoryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Held until commit: directory rules that check before they write (code overlaps, e-mail uniqueness) stay true. */
  async lockForWrite(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_WRITE_LOCK]);
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

  /** Everything the importer needs to judge a document against what is already stored. */
  async importSnapshot(emails: string[], manager: EntityManager) {
    // One connection in a transaction: queries one after the other.
    const units = await manager.getRepository(OrgUnit).find();
    const capabilities = await manager.getRepository(OrgUnitCapability).find();
    const successions = await manager.getRepository(OrgUnitSuccession).find();
    const people = await this.people.peopleByEmails(emails, manager);
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
