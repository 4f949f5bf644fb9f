import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import type { TimelineEvent, TimelinePage } from '../../contracts/incidents.js';
import type { Mention } from '../../contracts/signals.js';

/** One committed change of the incident's timeline. */
export class TimelineEventResponseDto implements TimelineEvent {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'incident.status_changed' }) type: string;
  @NullableString({ format: 'uuid', description: 'Who made the change; null: the system (detection)' })
  actor: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @DateTimeString() occurredAt: string;
}

/** A page of the timeline after a seq. */
export class TimelinePageDto implements TimelinePage {
  @ApiProperty({ type: [TimelineEventResponseDto] }) items: TimelineEventResponseDto[];
  @ApiProperty() lastSeq: number;
  @ApiProperty() hasMore: boolean;
}

/** A mention linked to the incident as evidence. */
export class IncidentMentionResponseDto implements Mention {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sourceType: string;
  @NullableString() platform: string | null;
  @NullableString() outlet: string | null;
  @NullableString() url: string | null;
  @NullableString() title: string | null;
  @NullableString({ description: 'The first 500 characters of the text' }) snippet: string | null;
  @NullableDateTime() publishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) reach: number | null;
  @NullableString() sentiment: string | null;
  @NullableString() fakeNewsLabel: string | null;
  @NullableString() evidenceUrl: string | null;
  @DateTimeString() linkedAt: string;
}

/** A page of the incident's evidence, widest reach first. */
export class IncidentMentionPageDto {
  @ApiProperty({ type: [IncidentMentionResponseDto] }) items: IncidentMentionResponseDto[];
  @ApiProperty() total: number;
}
