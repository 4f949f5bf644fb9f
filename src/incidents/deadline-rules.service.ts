import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { CreateDeadlineRuleDto, UpdateDeadlineRuleDto } from './dto/deadline-rule.dto.js';
import { DeadlineRule } from './entities/deadline-rule.entity.js';
import { fieldError, validationFailed } from '../common/validation.js';
import { IncidentsRepository } from './incidents.repository.js';

/**
 * Administrators keep the legal deadlines current. A rule's value never changes in place (that would rewrite the
 * clocks of past incidents): end the old rule with effectiveTo and add a new one from the next day.
 */
@Injectable()
export class DeadlineRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: IncidentsRepository,
  ) {}

  list(): Promise<DeadlineRule[]> {
    return this.dataSource.getRepository(DeadlineRule).find({ order: { key: 'ASC', effectiveFrom: 'ASC' } });
  }

  create(dto: CreateDeadlineRuleDto): Promise<DeadlineRule> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom) {
        throw validationFailed(
          [fieldError('effectiveTo', 'range', 'effectiveTo: phải từ effectiveFrom trở đi')],
          'Ngày hết hiệu lực phải sau ngày bắt đầu',
        );
      }
      const overlap = await this.repository.overlappingDeadlineRule(manager, {
        key: dto.key,
        categories: dto.categories ?? [],
        from: dto.effectiveFrom,
        to: dto.effectiveTo ?? null,
      });
      if (overlap) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Quy định "${dto.key}" đang có hiệu lực từ ${overlap.effectiveFrom}${overlap.effectiveTo ? ` đến ${overlap.effectiveTo}` : ''}; hãy đặt ngày hết hiệu lực cho quy định cũ trước`,
          { overlappingRuleId: overlap.id },
        );
      }
      const rule = await manager.save(
        manager.create(DeadlineRule, {
          ...dto,
          anchor: dto.anchor ?? 'detected',
          categories: dto.categories ?? [],
          minSeverity: dto.minSeverity ?? null,
          effectiveTo: dto.effectiveTo ?? null,
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'deadline_rule.created',
        entityType: 'deadline_rule',
        entityId: rule.id,
        data: { ...dto },
      });
      return rule;
    });
  }

  update(id: string, dto: UpdateDeadlineRuleDto): Promise<DeadlineRule> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await manager.findOneBy(DeadlineRule, { id });
      if (!rule) throw AppError.notFound('quy định thời hạn', id);
      if (dto.effectiveTo && dto.effectiveTo < rule.effectiveFrom) {
        throw validationFailed(
          [fieldError('effectiveTo', 'range', `effectiveTo: phải từ ${rule.effectiveFrom} trở đi`)],
          'Ngày hết hiệu lực phải sau ngày bắt đầu',
        );
      }
      Object.assign(rule, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      await manager.save(rule);
      await this.audit.record(manager, {
        action: 'deadline_rule.updated',
        entityType: 'deadline_rule',
        entityId: id,
        data: { ...dto },
      });
      return rule;
    });
  }
}
