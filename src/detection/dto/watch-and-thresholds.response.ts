import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../contracts/enums.js';
import type { IncidentCategory, Severity } from '../../contracts/enums.js';
import type {
  DeclaredDetection,
  DetectionSettingsRow,
  DetectionThresholds,
  EffectiveDetectionSettings,
  SeverityRule,
  SuggestionApplied,
  ThresholdSuggestion,
  TopicQuality,
  WatchSignal,
  WatchSignalOpened,
} from '../../contracts/detection.js';
import { DetectionResponseDto } from './detection.response.js';
import { DISMISS_REASONS } from '../entities/watch-signal.entity.js';

/** A severity rule: the first that matches (L4 → L1) gives the severity. */
export class SeverityRuleDto implements SeverityRule {
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ enum: INCIDENT_CATEGORIES, isArray: true, required: false }) categories?: IncidentCategory[];
  @ApiProperty({ required: false }) minReach?: number;
  @ApiProperty({ required: false }) minVelocityPerHour?: number;
  @ApiProperty({ required: false }) minNegativeShare?: number;
  @ApiProperty({ required: false }) minUnits?: number;
  @ApiProperty({ required: false, description: 'true: every condition given must hold' }) all?: boolean;
}

/** The detection thresholds as the rules read them. */
export class DetectionThresholdsDto implements DetectionThresholds {
  @ApiProperty({ type: [String] }) enabledRules: string[];
  @ApiProperty() baselineWindowHours: number;
  @ApiProperty() baselineHalfLifeHours: number;
  @ApiProperty() evaluationHorizonHours: number;
  @ApiProperty() spikeZ: number;
  @ApiProperty() spikeMinCount: number;
  @ApiProperty() negativeShareThreshold: number;
  @ApiProperty() negativeMinCount: number;
  @ApiProperty() negativeWindowMinutes: number;
  @ApiProperty() authorityReachThreshold: number;
  @ApiProperty() authorityFollowersThreshold: number;
  @ApiProperty({ type: [String] }) majorOutlets: string[];
  @ApiProperty() dismissalSuppressionHours: number;
  @ApiProperty({ type: [SeverityRuleDto] }) severityRules: SeverityRuleDto[];
  @ApiProperty() negativeSpikeZ: number;
  @ApiProperty() negativeSpikeMinCount: number;
  @ApiProperty() negativeSpikeMinShare: number;
  @ApiProperty({ type: [Number] }) trendWindowsHours: number[];
  @ApiProperty() trendBaselineDays: number;
  @ApiProperty() trendMinAuthors: number;
  @ApiProperty() trendMinCount: number;
  @ApiProperty() trendMinShare: number;
  @ApiProperty() trendSignificance: number;
  @ApiProperty() coldStartHours: number;
  @ApiProperty() coldStartOpenCount: number;
  @ApiProperty() authorityOpenReachThreshold: number;
  @ApiProperty() tractionWindowMinutes: number;
  @ApiProperty() tractionMinMentions: number;
  @ApiProperty() tractionMinOutlets: number;
  @ApiProperty() tractionRatio: number;
  @ApiProperty() tractionMinShare: number;
  @ApiProperty() tractionMinNewVoices: number;
  @ApiProperty() coalesceMinutes: number;
}

/** A unit's own thresholds row, or the defaults'. */
export class DetectionSettingsResponseDto implements DetectionSettingsRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() isDefault: boolean;
  @NullableString({ format: 'uuid', description: 'Null: the defaults' }) orgUnitId: string | null;
  @ApiProperty({ type: [String] }) enabledRules: string[];
  @ApiProperty() baselineWindowHours: number;
  @ApiProperty() baselineHalfLifeHours: number;
  @ApiProperty() evaluationHorizonHours: number;
  @ApiProperty() spikeZ: number;
  @ApiProperty() spikeMinCount: number;
  @ApiProperty() negativeShareThreshold: number;
  @ApiProperty() negativeMinCount: number;
  @ApiProperty() negativeWindowMinutes: number;
  @ApiProperty({ description: 'bigint as a string' }) authorityReachThreshold: string;
  @ApiProperty({ description: 'bigint as a string' }) authorityFollowersThreshold: string;
  @ApiProperty({ type: [String] }) majorOutlets: string[];
  @ApiProperty() dismissalSuppressionHours: number;
  @ApiProperty({ type: [SeverityRuleDto] }) severityRules: SeverityRuleDto[];
  @ApiProperty() negativeSpikeZ: number;
  @ApiProperty() negativeSpikeMinCount: number;
  @ApiProperty() negativeSpikeMinShare: number;
  @ApiProperty({ type: [Number] }) trendWindowsHours: number[];
  @ApiProperty() trendBaselineDays: number;
  @ApiProperty() trendMinAuthors: number;
  @ApiProperty() trendMinCount: number;
  @ApiProperty() trendMinShare: number;
  @ApiProperty() trendSignificance: number;
  @ApiProperty() coldStartHours: number;
  @ApiProperty() coldStartOpenCount: number;
  @ApiProperty({ description: 'bigint as a string' }) authorityOpenReachThreshold: string;
  @ApiProperty() tractionWindowMinutes: number;
  @ApiProperty() tractionMinMentions: number;
  @ApiProperty() tractionMinOutlets: number;
  @ApiProperty() tractionRatio: number;
  @ApiProperty() tractionMinShare: number;
  @ApiProperty() tractionMinNewVoices: number;
  @ApiProperty() coalesceMinutes: number;
  @NullableString({ format: 'uuid' }) updatedByUserId: string | null;
  @DateTimeString() updatedAt: string;
}

/** The thresholds in force for a unit. */
export class EffectiveDetectionSettingsResponseDto implements EffectiveDetectionSettings {
  @ApiProperty({ type: DetectionThresholdsDto }) thresholds: DetectionThresholdsDto;
  @NullableString({ format: 'uuid', description: 'Whose row applies; null: the defaults' }) fromOrgUnitId:
    string | null;
}

export class WatchSignalWindowDto {
  @DateTimeString() start: string;
  @DateTimeString() end: string;
}

/** A signal below the opening bar on its unit's watch list. */
export class WatchSignalResponseDto implements WatchSignal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) topicId: string;
  @ApiProperty() topicName: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() rule: string;
  @ApiProperty() ruleLabel: string;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: IncidentCategory;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: WatchSignalWindowDto }) window: WatchSignalWindowDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) evidence: Record<string, unknown>;
  @ApiProperty({ enum: ['pending', 'opened', 'dismissed'] }) status: 'pending' | 'opened' | 'dismissed';
  @NullableString({ format: 'uuid' }) incidentId: string | null;
  @NullableString({ enum: DISMISS_REASONS }) dismissReason: WatchSignal['dismissReason'];
  @NullableString() dismissReasonLabel: string | null;
  @NullableString() dismissNote: string | null;
  @NullableDateTime() decidedAt: string | null;
  @DateTimeString() createdAt: string;
}

/** A page of the watch list. */
export class WatchSignalPageDto {
  @ApiProperty({ type: [WatchSignalResponseDto] }) items: WatchSignalResponseDto[];
  @ApiProperty() total: number;
}

/** An incident opened (or joined) from a watch signal. */
export class WatchSignalOpenedResponseDto implements WatchSignalOpened {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) detectionId: string;
  @ApiProperty({ description: 'true: joined the topic’s open incident' }) attached: boolean;
  @ApiProperty({ type: WatchSignalResponseDto }) watchSignal: WatchSignalResponseDto;
}

/** A threshold that would have avoided a topic's false alarms. */
export class ThresholdSuggestionDto implements ThresholdSuggestion {
  @ApiProperty() rule: string;
  @ApiProperty() ruleLabel: string;
  @ApiProperty() setting: string;
  @ApiProperty() settingLabel: string;
  @ApiProperty() current: number;
  @ApiProperty() suggested: number;
  @ApiProperty() avoids: number;
  @ApiProperty() wouldMiss: number;
}

/** How precise detection was on a topic, and the thresholds suggested. */
export class TopicQualityResponseDto implements TopicQuality {
  @ApiProperty({ format: 'uuid' }) topicId: string;
  @ApiProperty() topicName: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @DateTimeString() since: string;
  @ApiProperty() days: number;
  @ApiProperty() roomsOpened: number;
  @ApiProperty() falseAlarms: number;
  @ApiProperty({ type: Number, nullable: true }) precision: number | null;
  @ApiProperty() falseAlarmLabels: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) watchSignals: Record<
    string,
    number
  >;
  @NullableString({ format: 'uuid' }) settingsFromOrgUnitId: string | null;
  @ApiProperty({ type: [ThresholdSuggestionDto] }) suggestions: ThresholdSuggestionDto[];
}

/** A suggestion applied to the topic's unit. */
export class SuggestionAppliedResponseDto implements SuggestionApplied {
  @ApiProperty({ type: ThresholdSuggestionDto }) applied: ThresholdSuggestionDto;
  @ApiProperty({ format: 'uuid' }) settingsId: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @DateTimeString() updatedAt: string;
}

/** A manual declaration's result. */
export class DeclaredDetectionResponseDto implements DeclaredDetection {
  @ApiProperty() outcome: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ type: DetectionResponseDto }) detection: DetectionResponseDto;
}
