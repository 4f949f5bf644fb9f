import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../contracts/enums.js';
import type { IncidentCategory, Severity } from '../../contracts/enums.js';
import type { Detection } from '../../contracts/detection.js';

/** What a rule found in a topic's window (or an officer declared), and the incident it opened or joined. */
export class DetectionResponseDto implements Detection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @NullableString({ format: 'uuid' }) topicId: string | null;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() rule: string;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: IncidentCategory;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @DateTimeString() windowStart: string;
  @DateTimeString() windowEnd: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) evidence: Record<string, unknown>;
  @ApiProperty() outcome: string;
  @NullableString({ format: 'uuid' }) incidentId: string | null;
  @NullableString({ format: 'uuid' }) declaredByUserId: string | null;
  @DateTimeString() createdAt: string;
}

export class DetectionPageDto {
  @ApiProperty({ type: [DetectionResponseDto] }) items: DetectionResponseDto[];
  @ApiProperty({ required: false }) total?: number;
}
