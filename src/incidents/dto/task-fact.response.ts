import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { FACT_STATUSES, TASK_STATUSES } from '../../contracts/enums.js';
import type { FactStatus, TaskStatus } from '../../contracts/enums.js';
import type { Fact, Task } from '../../contracts/incidents.js';

/** A task of an incident: the same shape over HTTP and in the `/rooms` acks and events. */
export class TaskResponseDto implements Task {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() title: string;
  @NullableString() description: string | null;
  @NullableString({ format: 'uuid' }) assigneeUserId: string | null;
  @NullableDateTime() dueAt: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @NullableDateTime() completedAt: string | null;
  @NullableString({ format: 'uuid' }) createdByUserId: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

/** An entry of the incident's fact sheet (what is verified, by whom, or retracted and why). */
export class FactResponseDto implements Fact {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() statement: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: FACT_STATUSES }) status: FactStatus;
  @NullableString({ format: 'uuid' }) verifiedByUserId: string | null;
  @NullableDateTime() verifiedAt: string | null;
  @NullableString() retractionReason: string | null;
  @NullableString({ format: 'uuid' }) createdByUserId: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}
