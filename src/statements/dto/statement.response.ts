import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { PUBLICATION_CHANNELS, STATEMENT_STATUSES, STATEMENT_TYPES } from '../../contracts/enums.js';
import type { StatementStatus } from '../../contracts/enums.js';
import type { Statement } from '../../contracts/statements.js';

/** A statement (its current state; the texts live in its versions and its draft). */
export class StatementResponseDto implements Statement {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ enum: STATEMENT_TYPES }) type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ enum: STATEMENT_STATUSES }) status: StatementStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ enum: PUBLICATION_CHANNELS, isArray: true }) channels: string[];
  @ApiProperty({ type: [String] }) citedFactIds: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Null before the first submission' })
  currentVersion: number | null;
  @NullableString({ format: 'uuid' }) relatesToStatementId: string | null;
  @ApiProperty({ enum: ['corrects', 'withdraws'], nullable: true }) relation: 'corrects' | 'withdraws' | null;
  @NullableString({ format: 'uuid' }) createdByUserId: string | null;
  @NullableDateTime() publishedAt: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class StatementListDto {
  @ApiProperty({ type: [StatementResponseDto] }) items: StatementResponseDto[];
}
