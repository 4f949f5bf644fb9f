import { IncidentVisibility } from '../access/incident-visibility.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { SignalsService } from '../signals/signals.service.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { labelledFinding, suggestThresholds } from './detection-rules.js';
import { DetectionRepository } from './detection.repository.js';
import { UpdateDetectionSettingsDto } from './dto/detection-settings.dto.js';
import { ApplySuggestionDto } from './dto/watch-signal.dto.js';
import { DetectionLabel } from './entities/detection-label.entity.js';
import { DETECTION_SETTING_LABELS, detectionRuleLabel } from './rule-labels.js';

const DAY_MS = 24 * 3_600_000;
/** How far back a topic's precision and suggestions look. */
export const QUALITY_WINDOW_DAYS = 90;

/**
 * How far a topic's rooms can be trusted: over the last 90 days, the rooms detection opened and those dismissed
 * as false alarms, and for each threshold behind the false alarms the value that would have avoided them. Nothing
 * is applied by itself: an analyst or leader applies a suggestion (through the unit's dated, audited settings).
 */
@Injectable()
export class DetectionQualityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DetectionRepository,
    private readonly signals: SignalsService,
    private readonly settings: DetectionSettingsService,
    private readonly visibility: IncidentVisibility,
  ) {}

  async topic(user: AuthUser, topicId: string) {
    const topic = await this.signals.getTopic(topicId);
    // Another unit's topic answers as a missing one.
    if (!(await this.visibility.isUnitInScope(user, topic.orgUnitId, 'unitData'))) {
      throw AppError.notFound('chủ đề theo dõi', topicId);
    }
    const since = new Date(Date.now() - QUALITY_WINDOW_DAYS * DAY_MS);
    const openings = await this.repository.openingsOf(topicId, since);
    const labels = await this.dataSource.getRepository(DetectionLabel).find({
      where: { topicId, label: 'false_positive', createdAt: MoreThanOrEqual(since) },
      order: { createdAt: 'DESC' },
    });
    const falseIncidents = new Set(labels.map((l) => l.incidentId).filter(Boolean));
    const incidents = new Set(openings.map((o) => o.incidentId));
    const falseOpenings = [...incidents].filter((id) => falseIncidents.has(id)).length;
    const effective = await this.settings.effective(topic.orgUnitId);
    const suggestions = suggestThresholds(
      effective.thresholds,
      labels.flatMap((l) => l.findings),
      openings
        .filter((o) => !falseIncidents.has(o.incidentId))
        .map((o) => labelledFinding(o.rule, o.evidence)),
    ).map((s) => ({
      ...s,
      ruleLabel: detectionRuleLabel(s.rule),
      settingLabel: DETECTION_SETTING_LABELS[s.setting] ?? s.setting,
    }));
    const watch = await this.repository.watchStatusCounts(topicId, since);
    return {
      topicId,
      topicName: topic.name,
      orgUnitId: topic.orgUnitId,
      since: since.toISOString(),
      days: QUALITY_WINDOW_DAYS,
      roomsOpened: incidents.size,
      falseAlarms: falseOpenings,
      /** null while detection opened nothing on the topic in the period. */
      precision: incidents.size ? (incidents.size - falseOpenings) / incidents.size : null,
      falseAlarmLabels: labels.length,
      watchSignals: Object.fromEntries(watch.map((w) => [w.status, w.n])),
      settingsFromOrgUnitId: effective.fromOrgUnitId,
      suggestions,
    };
  }

  /** Applies the current suggestion for one setting to the topic's unit (its own dated settings row). */
  async apply(user: AuthUser, topicId: string, dto: ApplySuggestionDto) {
    const quality = await this.topic(user, topicId);
    const suggestion = quality.suggestions.find((s) => s.setting === dto.setting);
    if (!suggestion) {
      throw new AppError(ErrorCode.CONFLICT, 'Không có gợi ý nào cho ngưỡng này ở chủ đề này', {
        setting: dto.setting,
      });
    }
    const update = { [dto.setting]: suggestion.suggested } as UpdateDetectionSettingsDto;
    // Analysts tune the thresholds of the units whose monitoring data they read (checked by topic() above).
    const row = await this.settings.update(quality.orgUnitId, update, user, { skipScope: true });
    return {
      applied: suggestion,
      settingsId: row.id,
      orgUnitId: quality.orgUnitId,
      updatedAt: row.updatedAt,
    };
  }
}
