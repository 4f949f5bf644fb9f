import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { OrgTree } from '../access/org-tree.js';
import { DetectionThresholds } from './detection-rules.js';
import { DetectionRepository } from './detection.repository.js';
import { UpdateDetectionSettingsDto } from './dto/detection-settings.dto.js';
import { DetectionSettings } from './entities/detection-settings.entity.js';

const CACHE_MS = 10_000;

export interface EffectiveSettings {
  thresholds: DetectionThresholds;
  /** Whose row applies: the unit itself, an ancestor, or the defaults (null). */
  fromOrgUnitId: string | null;
}

export function toThresholds(row: DetectionSettings): DetectionThresholds {
  return {
    enabledRules: row.enabledRules,
    baselineWindowHours: row.baselineWindowHours,
    baselineHalfLifeHours: row.baselineHalfLifeHours,
    evaluationHorizonHours: row.evaluationHorizonHours,
    spikeZ: row.spikeZ,
    spikeMinCount: row.spikeMinCount,
    negativeShareThreshold: row.negativeShareThreshold,
    negativeMinCount: row.negativeMinCount,
    negativeWindowMinutes: row.negativeWindowMinutes,
    authorityReachThreshold: Number(row.authorityReachThreshold),
    authorityFollowersThreshold: Number(row.authorityFollowersThreshold),
    majorOutlets: row.majorOutlets,
    dismissalSuppressionHours: row.dismissalSuppressionHours,
    severityRules: row.severityRules,
    negativeSpikeZ: row.negativeSpikeZ,
    negativeSpikeMinCount: row.negativeSpikeMinCount,
    negativeSpikeMinShare: row.negativeSpikeMinShare,
    trendWindowsHours: row.trendWindowsHours,
    trendBaselineDays: row.trendBaselineDays,
    trendMinAuthors: row.trendMinAuthors,
    trendMinCount: row.trendMinCount,
    trendMinShare: row.trendMinShare,
    trendSignificance: row.trendSignificance,
    authorityOpenReachThreshold: Number(row.authorityOpenReachThreshold),
    tractionWindowMinutes: row.tractionWindowMinutes,
    tractionMinMentions: row.tractionMinMentions,
    tractionMinOutlets: row.tractionMinOutlets,
    tractionRatio: row.tractionRatio,
    tractionMinShare: row.tractionMinShare,
    tractionMinNewVoices: row.tractionMinNewVoices,
    coalesceMinutes: row.coalesceMinutes,
    coldStartHours: row.coldStartHours,
    coldStartOpenCount: row.coldStartOpenCount,
  };
}

/** Per-unit detection thresholds: the unit's own row, else its nearest ancestor's, else the defaults. */
@Injectable()
export class DetectionSettingsService {
  private cache = new Map<string, { at: number; value: EffectiveSettings }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly incidents: IncidentsService,
    private readonly orgTree: OrgTree,
    private readonly repository: DetectionRepository,
  ) {}

  async effective(orgUnitId: string): Promise<EffectiveSettings> {
    const hit = this.cache.get(orgUnitId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = await this.effectiveWithin(this.dataSource.manager, orgUnitId);
    this.cache.set(orgUnitId, { at: Date.now(), value });
    return value;
  }

  /** For the API: a unit that does not exist is a 404, not the defaults. */
  async effectiveOfUnit(orgUnitId: string): Promise<EffectiveSettings> {
    if (!(await this.orgTree.ancestors(orgUnitId)).length) throw AppError.notFound('đơn vị', orgUnitId);
    return this.effective(orgUnitId);
  }

  /** Uncached, through the given manager (inside a transaction, never a second connection). */
  private async effectiveWithin(manager: EntityManager, orgUnitId: string): Promise<EffectiveSettings> {
    const id = await this.repository.nearestSettings(
      manager,
      await this.orgTree.ancestors(orgUnitId, manager),
    );
    if (!id) throw new Error('detection_settings has no default row (migration not applied?)');
    const settings = await manager.findOneByOrFail(DetectionSettings, { id });
    return { thresholds: toThresholds(settings), fromOrgUnitId: settings.orgUnitId };
  }

  list(): Promise<DetectionSettings[]> {
    return this.dataSource
      .getRepository(DetectionSettings)
      .find({ order: { isDefault: 'DESC', updatedAt: 'ASC' } });
  }

  /** Sets a unit's own thresholds (created from its current effective ones), or the defaults when orgUnitId is 'default'. */
  async update(
    orgUnitId: string | 'default',
    dto: UpdateDetectionSettingsDto,
    actor: AuthUser,
    opts: { skipScope?: boolean } = {},
  ): Promise<DetectionSettings> {
    if (orgUnitId !== 'default' && !opts.skipScope) {
      await this.incidents.assertUnitInScope(
        actor,
        orgUnitId,
        'Chỉ được đặt ngưỡng phát hiện cho đơn vị mình hoặc đơn vị cấp dưới',
      );
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      // Two first-time writes for one unit must not both insert its row.
      await this.repository.lockSettings(manager, orgUnitId);
      let row: DetectionSettings | null;
      if (orgUnitId === 'default') {
        row = await manager.findOneBy(DetectionSettings, { isDefault: true });
      } else {
        if (!(await this.orgTree.ancestors(orgUnitId, manager)).length)
          throw AppError.notFound('đơn vị', orgUnitId);
        row = await manager.findOneBy(DetectionSettings, { orgUnitId });
        if (!row) {
          const base = (await this.effectiveWithin(manager, orgUnitId)).thresholds;
          row = manager.create(DetectionSettings, {
            ...base,
            authorityReachThreshold: String(base.authorityReachThreshold),
            authorityFollowersThreshold: String(base.authorityFollowersThreshold),
            authorityOpenReachThreshold: String(base.authorityOpenReachThreshold),
            isDefault: false,
            orgUnitId,
          });
        }
      }
      if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'Chưa có cấu hình mặc định');
      const before = toThresholds(row);
      const { authorityReachThreshold, authorityFollowersThreshold, authorityOpenReachThreshold, ...rest } =
        dto;
      Object.assign(row, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      if (authorityReachThreshold !== undefined)
        row.authorityReachThreshold = String(authorityReachThreshold);
      if (authorityFollowersThreshold !== undefined)
        row.authorityFollowersThreshold = String(authorityFollowersThreshold);
      if (authorityOpenReachThreshold !== undefined)
        row.authorityOpenReachThreshold = String(authorityOpenReachThreshold);
      row.updatedByUserId = actor.id;
      const result = await manager.save(row);
      await this.audit.record(manager, {
        action: 'detection_settings.updated',
        entityType: 'detection_settings',
        entityId: result.id,
        data: { orgUnitId: result.orgUnitId, before: { ...before }, after: { ...toThresholds(result) } },
      });
      return result;
    });
    this.cache.clear();
    return saved;
  }
}
