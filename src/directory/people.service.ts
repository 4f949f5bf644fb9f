import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DirectoryRepository } from './directory.repository.js';
import { PeopleRepository } from './people.repository.js';
import { missingReference } from './directory.rules.js';
import { CreatePersonDto, ListPeopleQueryDto, UpdatePersonDto } from './dto/person.dto.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';
import { SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';

export type PersonDetail = Person & { designations: SpokespersonDesignation[] };

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
    private readonly repository: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: ListPeopleQueryDto): Promise<{ items: Person[]; total: number }> {
    return this.repository.listPeople({
      orgUnitId: query.orgUnitId,
      includeSubunits: query.includeSubunits,
      tag: query.tag,
      q: query.q,
      active: query.active,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  /** Whether the directory has this person (active or not). */
  exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(Person, { id });
  }

  /** The person with their unit and every spokesperson designation they held or hold. */
  async get(id: string): Promise<PersonDetail> {
    const person = await this.dataSource
      .getRepository(Person)
      .findOne({ where: { id }, relations: { orgUnit: true } });
    if (!person) throw AppError.notFound('người', id);
    const designations = await this.dataSource.getRepository(SpokespersonDesignation).find({
      where: { personId: id },
      relations: { orgUnit: true },
      order: { validFrom: 'DESC' },
    });
    return Object.assign(person, { designations });
  }

  async create(dto: CreatePersonDto): Promise<Person> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      await this.assertUnitExists(manager, dto.orgUnitId);
      if (dto.email) await this.assertEmailFree(manager, dto.email);
      const person = await manager.save(
        manager.create(Person, {
          fullName: dto.fullName,
          position: dto.position,
          orgUnitId: dto.orgUnitId,
          phone: dto.phone ?? null,
          email: dto.email ?? null,
          tags: dto.tags ?? [],
          active: dto.active ?? true,
        }),
      );
      await this.audit.record(manager, {
        action: 'person.created',
        entityType: 'person',
        entityId: person.id,
        data: {
          fullName: person.fullName,
          position: person.position,
          orgUnitId: person.orgUnitId,
          tags: person.tags,
        },
      });
      return person;
    });
  }

  async update(id: string, dto: UpdatePersonDto): Promise<Person> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const person = await manager.findOneBy(Person, { id });
      if (!person) throw AppError.notFound('người', id);
      if (dto.orgUnitId && dto.orgUnitId !== person.orgUnitId)
        await this.assertUnitExists(manager, dto.orgUnitId);
      if (dto.email && dto.email !== person.email?.toLowerCase())
        await this.assertEmailFree(manager, dto.email, id);
      const changes: Record<string, unknown> = {};
      for (const key of ['fullName', 'position', 'orgUnitId', 'phone', 'email', 'tags', 'active'] as const) {
        const value = dto[key];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(person[key])) continue;
        changes[key] = value;
        (person as unknown as Record<string, unknown>)[key] = value;
      }
      if (!Object.keys(changes).length) return person;
      await manager.save(person);
      await this.audit.record(manager, {
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        data: { changes },
      });
      return person;
    });
  }

  private async assertUnitExists(manager: EntityManager, orgUnitId: string): Promise<void> {
    if (!(await manager.existsBy(OrgUnit, { id: orgUnitId })))
      throw missingReference('orgUnitId', 'đơn vị', orgUnitId);
  }

  /** E-mails identify people in imports, so two people may not share one (case-insensitive). */
  private async assertEmailFree(manager: EntityManager, email: string, exceptId?: string): Promise<void> {
    const other = await this.repository.personByEmail(email, manager);
    if (other && other.id !== exceptId) {
      throw new AppError(ErrorCode.CONFLICT, `E-mail ${email} đã dùng cho ${other.fullName}`, [
        { field: 'email', messages: ['email: đã tồn tại trong danh bạ'], constraints: ['unique'] },
      ]);
    }
  }
}
