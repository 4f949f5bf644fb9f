import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type { CreateMentionRetentionPolicyDto } from './dto/mention-retention.dto.js';
import { MentionPartitions } from './mention-partitions.js';
import { MentionPartitionsRepository, monthStart } from './mention-partitions.repository.js';
import type { PartitionStats, RetentionPolicy } from './mention-partitions.repository.js';

/** What the retention screen shows: the policies, the one in force, the partitions and the next run. */
export interface RetentionOverview {
  policies: RetentionPolicy[];
  inForce: RetentionPolicy | null;
  /** Days a re-delivered mention is recognised whatever its month (MENTION_DEDUP_DAYS). */
  dedupDays: number;
  nextRun: {
    at: Date;
    /** The policy's span in force on that day (null: none, nothing is dropped). */
    keepMonths: number | null;
    /** Months older than this one are dropped by that run. */
    keepFrom: string | null;
  } | null;
  /** Months oldest first, then the DEFAULT partition (`month` null: kept evidence and older months). */
  partitions: (PartitionStats & { dropsAtNextRun: boolean })[];
}

/** Administrators read and date the retention of mentions (src/signals/README.md, "Partitions and retention"). */
@Injectable()
export class MentionRetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MentionPartitionsRepository,
    private readonly partitions: MentionPartitions,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  overview(): Promise<RetentionOverview> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const policies = await this.repository.policies(manager);
      const inForceOn = (day: string) => policies.find((p) => p.validFrom <= day) ?? null;
      const today = new Date().toISOString().slice(0, 10);
      const at = await this.partitions.nextRun(manager);
      const next = at ? inForceOn(at.toISOString().slice(0, 10)) : null;
      const keepFrom = at && next ? monthStart(at, -next.keepMonths) : null;
      const stats = await this.repository.partitionStats(manager, await this.partitions.evidenceIds(manager));
      return {
        policies,
        inForce: inForceOn(today),
        dedupDays: this.config.signals.dedupDays,
        nextRun: at ? { at, keepMonths: next?.keepMonths ?? null, keepFrom } : null,
        partitions: stats.map((p) => ({
          ...p,
          dropsAtNextRun: keepFrom !== null && p.month !== null && p.month < keepFrom,
        })),
      };
    });
  }

  /** A new policy from `validFrom` (today or later, UTC: the days the job counts in); one per day. */
  create(dto: CreateMentionRetentionPolicyDto): Promise<RetentionPolicy> {
    const today = new Date().toISOString().slice(0, 10);
    if (dto.validFrom < today) {
      throw validationFailed(
        [fieldError('validFrom', 'notBefore', `validFrom: phải từ hôm nay (${today}) trở đi`)],
        'Chính sách lưu giữ chỉ áp dụng từ hôm nay trở đi',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const policy = { validFrom: dto.validFrom, keepMonths: dto.keepMonths, note: dto.note?.trim() || null };
      if (!(await this.repository.insertPolicy(manager, policy))) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `validFrom: đã có chính sách lưu giữ áp dụng từ ngày ${dto.validFrom}; hãy chọn ngày khác`,
          { field: 'validFrom' },
        );
      }
      await this.audit.record(manager, {
        action: 'mention_retention_policy.created',
        entityType: 'mention_retention_policy',
        entityId: dto.validFrom,
        data: { ...policy },
      });
      const created = (await this.repository.policies(manager)).find((p) => p.validFrom === dto.validFrom)!;
      return created;
    });
  }
}
