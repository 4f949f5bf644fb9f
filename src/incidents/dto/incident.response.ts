import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../../contracts/enums.js';
import type { IncidentStatus, Severity } from '../../contracts/enums.js';
import type { Deadline, Incident, IncidentDetail, UnitSnapshot } from '../../contracts/incidents.js';

export class UnitSnapshotDto implements UnitSnapshot {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unitType: string;
}

export class DeadlineRuleRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() value: number;
  @ApiProperty({ enum: ['minutes', 'hours', 'days'] }) unit: string;
  @ApiProperty({ description: 'Căn cứ pháp lý' }) legalSource: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
}

/** One legal clock of the incident (src/incidents/legal-clock.ts). */
export class DeadlineDto implements Deadline {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() anchor: string;
  @NullableDateTime({ description: 'Null while the act that starts the clock has not happened' })
  dueAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Negative: overdue' }) remainingMs: number | null;
  @ApiProperty() overdue: boolean;
  @NullableDateTime() stoppedAt: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null while running' }) met: boolean | null;
  @ApiProperty({ type: DeadlineRuleRefDto }) rule: DeadlineRuleRefDto;
}

/** An incident as listed, with its legal clocks and the statuses it may move to. */
export class IncidentResponseDto implements Incident {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @NullableString() summary: string | null;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty({ format: 'uuid' }) responsibleOrgUnitId: string;
  @ApiProperty({ type: UnitSnapshotDto }) responsibleUnitSnapshot: UnitSnapshotDto;
  @ApiProperty({ enum: ['detection', 'manual'] }) origin: 'detection' | 'manual';
  @DateTimeString() detectedAt: string;
  @DateTimeString() statusChangedAt: string;
  @ApiProperty({ description: 'Số thứ tự sự kiện cuối trong nhật ký' }) lastSeq: number;
  @ApiProperty({ type: [DeadlineDto] }) deadlines: DeadlineDto[];
  @ApiProperty({ enum: INCIDENT_STATUSES, isArray: true }) allowedTransitions: IncidentStatus[];
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class IncidentPageDto {
  @ApiProperty({ type: [IncidentResponseDto] }) items: IncidentResponseDto[];
  @ApiProperty() total: number;
}

export class IncidentTopicDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @NullableString() name: string | null;
  @DateTimeString() linkedAt: string;
}

/** An incident with the units concerned, its topics and how many mentions it holds. */
export class IncidentDetailResponseDto extends IncidentResponseDto implements IncidentDetail {
  @ApiProperty({ type: [UnitSnapshotDto] }) concernedUnits: UnitSnapshotDto[];
  @ApiProperty({ type: [IncidentTopicDto] }) topics: IncidentTopicDto[];
  @ApiProperty() mentionCount: number;
}
