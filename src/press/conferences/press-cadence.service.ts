import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentVisibility } from '../../access/incident-visibility.js';
import { OrgTree } from '../../access/org-tree.js';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthUser } from '../../auth/decorators.js';
import { Role } from '../../auth/role.js';
import { AppError, ErrorCode } from '../../common/app-error.js';
import { OrgUnitsService } from '../../directory/org-units.service.js';
import { todayInVietnam } from '../../common/dates.js';
import { CADENCE_UNIT_TYPES, cadenceRuleFor, cadenceStatus, requiredIn } from './cadence.js';
import { CadenceQueryDto, CreateCadenceRuleDto } from './dto/press-conference.dto.js';
import { PressConferenceCadenceRule } from './entities/press-conference-cadence-rule.entity.js';
import { PressConferencesRepository } from './press-conferences.repository.js';

/**
 * The cadence dashboard (which units are late with their regular press conference) and its dated rules: every
 * three months by default (NĐ 09/2017 art. 5), monthly or otherwise where a province sets a rule for a unit.
 */
@Injectable()
export class PressCadenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PressConferencesRepository,
    private readonly visibility: IncidentVisibility,
    private readonly orgTree: OrgTree,
    private readonly units: OrgUnitsService,
    private readonly audit: AuditService,
  ) {}

  rules(): Promise<PressConferenceCadenceRule[]> {
    return this.dataSource
      .getRepository(PressConferenceCadenceRule)
      .find({ order: { effectiveFrom: 'ASC', createdAt: 'ASC' } });
  }

  async createRule(user: AuthUser, dto: CreateCadenceRuleDto) {
    if (!dto.orgUnitId && !user.roles.includes(Role.Admin))
      throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị viên đặt quy định mặc định cho mọi đơn vị');
    if (dto.orgUnitId)
      await this.visibility.assertUnitInScope(
        user,
        dto.orgUnitId,
        'Chỉ được đặt lịch họp báo cho đơn vị mình hoặc đơn vị cấp dưới',
      );
    if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày hết hiệu lực phải sau ngày bắt đầu', [
        { field: 'effectiveTo', messages: ['effectiveTo: phải từ effectiveFrom trở đi'] },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const overlap = (await manager.find(PressConferenceCadenceRule)).find(
        (r) =>
          r.orgUnitId === (dto.orgUnitId ?? null) &&
          (r.effectiveTo === null || r.effectiveTo >= dto.effectiveFrom) &&
          (!dto.effectiveTo || r.effectiveFrom <= dto.effectiveTo),
      );
      if (overlap) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Đơn vị đã có quy định họp báo hiệu lực từ ${overlap.effectiveFrom}; hãy kết thúc quy định cũ trước`,
          { overlappingRuleId: overlap.id },
        );
      }
      const rule = await manager.save(
        manager.create(PressConferenceCadenceRule, {
          orgUnitId: dto.orgUnitId ?? null,
          intervalMonths: dto.intervalMonths,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          legalSource: dto.legalSource,
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'press_cadence_rule.created',
        entityType: 'press_conference_cadence_rule',
        entityId: rule.id,
        data: { ...dto },
      });
      return rule;
    });
  }

  /**
   * The regular conferences a unit must hold in [from, to] under the rule in force on `to`; null when the unit
   * has no such duty (not a unit type that holds them, and no rule of its own).
   */
  async requiredFor(unitId: string, from: string, to: string) {
    const [[unit], rules] = await Promise.all([this.units.byIds([unitId]), this.rules()]);
    if (!unit || !(CADENCE_UNIT_TYPES.includes(unit.unitType) || rules.some((r) => r.orgUnitId === unitId)))
      return null;
    const rule = cadenceRuleFor(rules, await this.orgTree.ancestors(unitId), to);
    return rule
      ? {
          count: requiredIn(from, to, rule.intervalMonths),
          intervalMonths: rule.intervalMonths,
          legalSource: rule.legalSource,
        }
      : null;
  }

  /**
   * Every unit in scope that holds regular press conferences (by type, or with a rule of its own), its rule on
   * the day, its last regular conference, when the next is due and how late it is; late units first.
   */
  async dashboard(user: AuthUser, query: CadenceQueryDto) {
    const on = query.on ?? todayInVietnam(new Date());
    if (query.orgUnitId)
      await this.visibility.assertUnitInScope(
        user,
        query.orgUnitId,
        'Chỉ xem được lịch họp báo của đơn vị mình hoặc đơn vị cấp dưới',
      );
    const scope = await this.visibility.unitScope(user);
    const roots = query.orgUnitId ? [query.orgUnitId] : scope;
    if (roots !== null && !roots.length) return { on, units: [], late: 0 };
    const rules = await this.rules();
    const ownRuleUnits = new Set(rules.flatMap((r) => (r.orgUnitId ? [r.orgUnitId] : [])));
    const ids = roots === null ? null : await this.orgTree.subtree(roots);
    const candidates = ids ? await this.units.byIds(ids) : (await this.units.list({ on, limit: 1000 })).items;
    const units = candidates.filter(
      (u) =>
        u.validFrom <= on &&
        (u.validTo === null || u.validTo >= on) &&
        (CADENCE_UNIT_TYPES.includes(u.unitType) || ownRuleUnits.has(u.id)),
    );
    const lastHeld = await this.repository.lastRegularHeld(
      units.map((u) => u.id),
      on,
    );
    const rows = [];
    for (const u of units) {
      const chain = await this.orgTree.ancestors(u.id);
      const rule = cadenceRuleFor(rules, chain, on);
      if (!rule) continue;
      const dutySince = [rule.effectiveFrom, u.validFrom].sort().at(-1)!;
      const last = lastHeld.get(u.id) ?? null;
      rows.push({
        orgUnitId: u.id,
        orgUnitName: u.name,
        unitType: u.unitType,
        rule: {
          id: rule.id,
          intervalMonths: rule.intervalMonths,
          legalSource: rule.legalSource,
          own: rule.orgUnitId === u.id,
        },
        lastHeldOn: last,
        ...cadenceStatus({ intervalMonths: rule.intervalMonths, lastHeld: last, dutySince, today: on }),
      });
    }
    rows.sort((a, b) => b.daysLate - a.daysLate || a.dueBy.localeCompare(b.dueBy));
    return { on, units: rows, late: rows.filter((r) => r.late).length };
  }
}
