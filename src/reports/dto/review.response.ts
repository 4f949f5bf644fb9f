import { ApiProperty } from '@nestjs/swagger';
import { NullableDateTime, NullableString } from '../../common/api-response.js';
import type { IncidentReview, ReviewActionItem } from '../../contracts/reports.js';

/** An action item of a review. */
export class ReviewActionItemDto implements ReviewActionItem {
  @ApiProperty() title: string;
  @NullableString({ format: 'uuid', required: false }) ownerUserId?: string | null;
  @ApiProperty() ownerName: string;
  @NullableString({ format: 'date', required: false }) dueDate?: string | null;
  @ApiProperty({ enum: ['open', 'done'] }) status: 'open' | 'done';
}

/** The review of an incident, as the working group wrote it. */
export class IncidentReviewResponseDto implements IncidentReview {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ enum: ['draft', 'completed'] }) status: 'draft' | 'completed';
  @ApiProperty() wentWell: string;
  @ApiProperty() wentPoorly: string;
  @ApiProperty() causes: string;
  @ApiProperty() lessons: string;
  @ApiProperty() proposals: string;
  @ApiProperty({ type: [ReviewActionItemDto] }) actionItems: ReviewActionItemDto[];
  @NullableDateTime() completedAt: string | null;
  @NullableString({ format: 'uuid' }) completedByUserId: string | null;
  @NullableDateTime({ description: 'Null while nothing was written' }) updatedAt: string | null;
}
