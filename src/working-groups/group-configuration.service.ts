import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError } from '../common/app-error.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type {
  AssemblyRule as AssemblyRuleView,
  PersonAvailability as AvailabilityView,
  WorkingGroupRole as RoleView,
} from '../contracts/working-groups.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import type { AvailabilityDto, CreateAssemblyRuleDto } from './dto/working-group.dto.js';
import { AssemblyRule } from './entities/assembly-rule.entity.js';
import { PersonAvailability } from './entities/person-availability.entity.js';
import { WorkingGroupRole } from './entities/working-group-role.entity.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';

/** The working groups' configuration: the role catalogue, the assembly rules and people's availability. */
@Injectable()
export class GroupConfigurationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
    private readonly directory: DirectoryOnDate,
    private readonly repository: WorkingGroupsRepository,
  ) {}

  listRoles(): Promise<RoleView[]> {
    return this.dataSource.getRepository(WorkingGroupRole).find({ order: { sortOrder: 'ASC' } });
  }

  async listRules(): Promise<AssemblyRuleView[]> {
    const rules = await this.dataSource
      .getRepository(AssemblyRule)
      .find({ order: { key: 'ASC', version: 'DESC' } });
    return rules.map(ruleView);
  }

  /** Refuses role keys that are not in the catalogue, naming the field (playbooks check theirs when written). */
  async assertRolesExist(keys: { field: string; role: string }[]): Promise<void> {
    const known = new Set((await this.listRoles()).map((r) => r.key));
    const bad = keys.filter((k) => !known.has(k.role));
    if (bad.length) {
      throw validationFailed(
        bad.map((b) =>
          fieldError(b.field, 'knownRole', `${b.field}: "${b.role}" không có trong danh mục vai trò`),
        ),
        `Vai trò không có trong danh mục Tổ công tác: ${[...new Set(bad.map((b) => b.role))].join(', ')}`,
      );
    }
  }

  /** A new rule, or a new version of a rule (same key); earlier versions stay for the incidents they formed. */
  async createRule(dto: CreateAssemblyRuleDto): Promise<AssemblyRuleView> {
    return this.dataSource.transaction(async (manager) => {
      const known = new Set((await manager.find(WorkingGroupRole)).map((r) => r.key));
      const unknown = dto.roles.map((r) => r.role).filter((r) => !known.has(r));
      if (unknown.length) {
        throw validationFailed(
          [fieldError('roles', 'knownRole', `roles: vai trò không có trong danh mục: ${unknown.join(', ')}`)],
          `Vai trò không có trong danh mục: ${unknown.join(', ')}`,
        );
      }
      const version = await this.repository.nextRuleVersion(manager, dto.key);
      const rule = await manager.save(
        manager.create(AssemblyRule, {
          key: dto.key,
          version,
          name: dto.name,
          priority: dto.priority ?? 0,
          categories: dto.categories ?? [],
          minSeverity: dto.minSeverity ?? 'L1',
          orgUnitId: dto.orgUnitId ?? null,
          roles: dto.roles.map((r) => ({
            role: r.role,
            count: r.count,
            required: r.required,
            sources: r.sources,
          })),
          ackDeadlineSeconds: dto.ackDeadlineSeconds,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          legalBasis: dto.legalBasis ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'working_group_rule.created',
        entityType: 'working_group_rule',
        entityId: rule.id,
        data: { key: rule.key, version: rule.version, name: rule.name },
      });
      return ruleView(rule);
    });
  }

  async setAvailability(user: AuthUser, dto: AvailabilityDto): Promise<AvailabilityView> {
    const person = await this.directory.person(this.dataSource.manager, dto.personId);
    if (!person) throw AppError.notFound('người', dto.personId);
    await this.incidents.assertUnitInScope(
      user,
      person.orgUnitId,
      'Chỉ được ghi trạng thái trực/vắng cho người của đơn vị mình hoặc đơn vị cấp dưới',
    );
    if (dto.validTo < dto.validFrom) {
      throw validationFailed(
        [fieldError('validTo', 'notBefore', 'validTo: không được trước validFrom')],
        'Ngày kết thúc phải sau ngày bắt đầu',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.directory.person(manager, dto.personId)))
        throw AppError.notFound('người', dto.personId);
      const row = await manager.save(
        manager.create(PersonAvailability, {
          personId: dto.personId,
          status: dto.status,
          validFrom: dto.validFrom,
          validTo: dto.validTo,
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'person_availability.created',
        entityType: 'person',
        entityId: dto.personId,
        data: { status: row.status, validFrom: row.validFrom, validTo: row.validTo },
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    });
  }
}

function ruleView(r: AssemblyRule): AssemblyRuleView {
  return { ...r, createdAt: r.createdAt.toISOString() };
}
