import type { Page } from '../contracts/enums.js';
import type {
  ApprovalPolicy as ApprovalPolicyView,
  PreApprovedLine as PreApprovedLineView,
} from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { CreateApprovalPolicyDto, PreApprovedLineDto } from './dto/approval.dto.js';
import { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { PreApprovedLine } from './entities/pre-approved-line.entity.js';
import { StatementsRepository } from './statements.repository.js';

/** Approval policies and pre-approved lines are policy: versioned rows an administrator adds, audited. */
@Injectable()
export class ApprovalPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: StatementsRepository,
  ) {}

  async list(): Promise<Page<ApprovalPolicyView>> {
    const items = await this.dataSource
      .getRepository(ApprovalPolicy)
      .find({ order: { key: 'ASC', version: 'DESC' } });
    return { items: items.map(withIsoCreatedAt) };
  }

  /** A new version of the policy `key` (the first when the key is new). */
  create(dto: CreateApprovalPolicyDto): Promise<ApprovalPolicyView> {
    const keys = dto.stages.map((s) => s.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Mã bước "${dup}" bị trùng`, [
        { field: 'stages', messages: [`stages: mã bước ${dup} bị trùng`], constraints: ['unique'] },
      ]);
    }
    if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày hết hiệu lực phải sau ngày bắt đầu', [
        {
          field: 'effectiveTo',
          messages: ['effectiveTo: phải từ effectiveFrom trở đi'],
          constraints: ['range'],
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      // Versions of one key are numbered under a lock on the key.
      const version = await this.repository.nextPolicyVersion(manager, dto.key);
      const policy = await manager.save(
        manager.create(ApprovalPolicy, {
          key: dto.key,
          version,
          name: dto.name.normalize('NFC'),
          priority: dto.priority ?? 0,
          statementTypes: dto.statementTypes ?? [],
          minSeverity: dto.minSeverity ?? null,
          maxSeverity: dto.maxSeverity ?? null,
          orgUnitId: dto.orgUnitId ?? null,
          fastPath: dto.fastPath ?? false,
          stages: dto.stages.map((s) => ({
            key: s.key,
            name: s.name.normalize('NFC'),
            step: s.step,
            quorum: s.quorum,
            approvers: s.approvers.map((a) => ({ ...a })) as ApprovalPolicy['stages'][number]['approvers'],
            slaMinutes: { ...s.slaMinutes },
          })),
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          legalBasis: dto.legalBasis ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'approval_policy.created',
        entityType: 'approval_policy',
        entityId: policy.id,
        data: { key: policy.key, version: policy.version, stages: policy.stages },
      });
      return withIsoCreatedAt(policy);
    });
  }

  async listLines(): Promise<Page<PreApprovedLineView>> {
    const items = await this.dataSource.getRepository(PreApprovedLine).find({ order: { createdAt: 'ASC' } });
    return { items: items.map(withIsoCreatedAt) };
  }

  createLine(dto: PreApprovedLineDto): Promise<PreApprovedLineView> {
    // A line that is mostly placeholders would approve any text in advance.
    const fixed = dto.text
      .replace(/\{[a-z_]+\}/g, '')
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim();
    if (fixed.split(' ').filter(Boolean).length < 6) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Câu được duyệt trước phải có ít nhất 6 từ cố định ngoài phần điền',
        [
          {
            field: 'text',
            messages: ['text: quá ít từ cố định ngoài các chỗ {…}'],
            constraints: ['fixedWords'],
          },
        ],
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const line = await manager.save(
        manager.create(PreApprovedLine, {
          text: dto.text.normalize('NFC').trim(),
          statementTypes: dto.statementTypes ?? ['holding_statement'],
          source: dto.source,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'pre_approved_line.created',
        entityType: 'pre_approved_line',
        entityId: line.id,
        data: { text: line.text, source: line.source },
      });
      return withIsoCreatedAt(line);
    });
  }
}

/** A stored row as the API sends it: its creation time as an ISO 8601 string. */
function withIsoCreatedAt<T extends { createdAt: Date }>(
  row: T,
): Omit<T, 'createdAt'> & { createdAt: string } {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
