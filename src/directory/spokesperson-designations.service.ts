import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DirectoryRepository } from './directory.repository.js';
import { OrgUnitsRepository } from './org-units.repository.js';
import type { UnitSummary } from './org-units.repository.js';
import { PeopleRepository } from './people.repository.js';
import { SpokespersonDesignationsRepository } from './spokesperson-designations.repository.js';
import {
  assertNoProblems,
  designationFieldProblems,
  designationProblems,
  HEAD_TAG,
  isHeadOf,
  missingReference,
  RuleProblem,
} from './directory.rules.js';
import { PersonSummary, personSummary, unitSummary } from './directory.views.js';
import {
  CreateDesignationDto,
  ListDesignationsQueryDto,
  SpokespersonsQueryDto,
  UpdateDesignationDto,
} from './dto/designation.dto.js';
import { OrgUnitSuccession, SuccessionKind } from './entities/org-unit-succession.entity.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';
import { DesignationKind, SpokespersonDesignation } from './entities/spokesperson-designation.entity.js';
import { todayInVietnam } from '../common/dates.js';
import { covers, describeInterval, isValidOn, overlaps } from './temporal.js';

export interface Speaker {
  designationId: string;
  person: PersonSummary;
  validFrom: string;
  validTo: string | null;
  published: boolean;
  decisionRef: string | null;
}

export interface AuthorizedSpeaker extends Speaker {
  matter: string;
  validTo: string;
  grantedBy: PersonSummary | null;
}

/** Who may speak for a unit on a date (Nghị định 09/2017/NĐ-CP): its head, its spokespersons, and people authorised for one matter. */
export interface UnitSpeakers {
  orgUnit: UnitSummary;
  on: string;
  unitValidOnDate: boolean;
  heads: PersonSummary[];
  spokespersons: Speaker[];
  authorized: AuthorizedSpeaker[];
  /** Only when the unit no longer exists on the date: the units that took over, to ask them instead. */
  successors?: { kind: SuccessionKind; effectiveOn: string; unit: UnitSummary }[];
}

@Injectable()
export class SpokespersonDesignationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
    private readonly repository: SpokespersonDesignationsRepository,
    private readonly orgUnits: OrgUnitsRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: ListDesignationsQueryDto): Promise<{ items: SpokespersonDesignation[]; total: number }> {
    return this.repository.listDesignations({
      orgUnitId: query.orgUnitId,
      personId: query.personId,
      kind: query.kind,
      on: query.on,
      matter: query.matter,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
  }

  async speakersFor(orgUnitId: string, query: SpokespersonsQueryDto): Promise<UnitSpeakers> {
    const today = todayInVietnam();
    const on = query.on ?? today;
    const unit = await this.dataSource.getRepository(OrgUnit).findOneBy({ id: orgUnitId });
    if (!unit) throw AppError.notFound('đơn vị', orgUnitId);
    const base = { orgUnit: unitSummary(unit), on, unitValidOnDate: isValidOn(unit, on) };
    if (!base.unitValidOnDate) {
      const successors =
        unit.validTo !== null && unit.validTo < on
          ? await this.dataSource.getRepository(OrgUnitSuccession).find({
              where: { predecessorId: unit.id },
              relations: { successor: true },
              order: { effectiveOn: 'ASC' },
            })
          : [];
      return {
        ...base,
        heads: [],
        spokespersons: [],
        authorized: [],
        successors: successors.map((s) => ({
          kind: s.kind,
          effectiveOn: s.effectiveOn,
          unit: unitSummary(s.successor!),
        })),
      };
    }
    const [heads, spokespersons, authorized] = await Promise.all([
      this.people.peopleWithTag(unit.id, HEAD_TAG),
      this.repository.designationsOn(unit.id, on, DesignationKind.Spokesperson),
      this.repository.designationsOn(unit.id, on, DesignationKind.Authorized, query.matter),
    ]);
    const speaker = (d: SpokespersonDesignation): Speaker => ({
      designationId: d.id,
      person: personSummary(d.person!),
      validFrom: d.validFrom,
      validTo: d.validTo,
      published: d.published,
      decisionRef: d.decisionRef,
    });
    return {
      ...base,
      heads: heads.filter((p) => isHeadOf(p, unit, today)).map(personSummary),
      spokespersons: spokespersons.map(speaker),
      authorized: authorized.map((d) => ({
        ...speaker(d),
        matter: d.matter!,
        validTo: d.validTo!,
        grantedBy: d.grantedBy ? personSummary(d.grantedBy) : null,
      })),
    };
  }

  async create(dto: CreateDesignationDto): Promise<SpokespersonDesignation> {
    const draft = {
      kind: dto.kind,
      matter: dto.matter ?? null,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
      grantedByPersonId: dto.grantedByPersonId ?? null,
    };
    // Shape first, so that a missing matter or end date is reported before anything is looked up.
    assertNoProblems(designationFieldProblems(draft));
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const unit = await manager.findOneBy(OrgUnit, { id: dto.orgUnitId });
      if (!unit) throw missingReference('orgUnitId', 'đơn vị', dto.orgUnitId);
      const ids = [dto.personId, ...(draft.grantedByPersonId ? [draft.grantedByPersonId] : [])];
      const people = await manager.findBy(Person, { id: In(ids) });
      const person = people.find((p) => p.id === dto.personId);
      if (!person) throw missingReference('personId', 'người', dto.personId);
      const granter = draft.grantedByPersonId ? people.find((p) => p.id === draft.grantedByPersonId) : null;
      if (draft.grantedByPersonId && !granter) {
        throw missingReference('grantedByPersonId', 'người ký', draft.grantedByPersonId);
      }
      const personInUnitTree = await this.orgUnits.isInSubtree(person.orgUnitId, unit.id, manager);
      const granterAuthorizations = granter
        ? await this.repository.designationsOfPerson(
            granter.id,
            unit.id,
            DesignationKind.Authorized,
            { validFrom: draft.validFrom, validTo: draft.validFrom },
            manager,
          )
        : [];
      const sameSpokesperson = await this.repository.designationsOfPerson(
        person.id,
        unit.id,
        DesignationKind.Spokesperson,
        draft,
        manager,
      );
      assertNoProblems(
        designationProblems(draft, {
          today: todayInVietnam(),
          unit,
          person,
          personInUnitTree,
          granter: granter ?? null,
          granterIsAuthorizedSpokesperson: granterAuthorizations.length > 0,
          overlappingSpokesperson: sameSpokesperson[0] ?? null,
        }),
      );
      const saved = await manager.save(
        manager.create(SpokespersonDesignation, {
          personId: person.id,
          orgUnitId: unit.id,
          ...draft,
          published: dto.published ?? false,
          decisionRef: dto.decisionRef ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'spokesperson_designation.created',
        entityType: 'spokesperson_designation',
        entityId: saved.id,
        data: {
          personId: person.id,
          orgUnitId: unit.id,
          kind: saved.kind,
          matter: saved.matter,
          validFrom: saved.validFrom,
          validTo: saved.validTo,
          grantedByPersonId: saved.grantedByPersonId,
          decisionRef: saved.decisionRef,
        },
      });
      return saved;
    });
  }

  /** Ends, publishes or corrects a designation; the person, unit, kind, start and signer never change. */
  async update(id: string, dto: UpdateDesignationDto): Promise<SpokespersonDesignation> {
    return this.dataSource.transaction(async (manager) => {
      await this.directory.lockForWrite(manager);
      const d = await manager.findOneBy(SpokespersonDesignation, { id });
      if (!d) throw AppError.notFound('chỉ định phát ngôn', id);
      const unit = await manager.findOneByOrFail(OrgUnit, { id: d.orgUnitId });
      const before = {
        validTo: d.validTo,
        published: d.published,
        decisionRef: d.decisionRef,
        matter: d.matter,
      };
      if (dto.validTo !== undefined) d.validTo = dto.validTo;
      if (dto.published !== undefined) d.published = dto.published;
      if (dto.decisionRef !== undefined) d.decisionRef = dto.decisionRef;
      if (dto.matter !== undefined) d.matter = dto.matter;

      const problems: RuleProblem[] = designationFieldProblems(d);
      if (!problems.length && dto.validTo !== undefined && !covers(unit, d)) {
        problems.push({
          code: ErrorCode.DESIGNATION_INVALID,
          field: 'validTo',
          message: `phải nằm trong thời gian hiệu lực của “${unit.name}” (${describeInterval(unit)})`,
        });
      }
      if (!problems.length && d.kind === DesignationKind.Spokesperson && dto.validTo !== undefined) {
        const clash = (
          await this.repository.designationsOfPerson(d.personId, d.orgUnitId, d.kind, d, manager, d.id)
        ).find((o) => overlaps(o, d));
        if (clash) {
          problems.push({
            code: ErrorCode.CONFLICT,
            field: 'validTo',
            message: `trùng với một chỉ định phát ngôn khác của cùng người cho cùng đơn vị (${describeInterval(clash)})`,
          });
        }
      }
      assertNoProblems(problems);
      await manager.save(d);
      await this.audit.record(manager, {
        action: 'spokesperson_designation.updated',
        entityType: 'spokesperson_designation',
        entityId: id,
        data: {
          before,
          after: { validTo: d.validTo, published: d.published, decisionRef: d.decisionRef, matter: d.matter },
        },
      });
      return d;
    });
  }
}
