import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type { MentionPartitionStats, RetentionOverview, RetentionPolicy } from '../../contracts/signals.js';

/** A dated retention policy of mentions. */
export class RetentionPolicyResponseDto implements RetentionPolicy {
  @ApiProperty({ format: 'date', example: '2026-12-03' }) validFrom: string;
  @ApiProperty({ description: 'Months kept before the current one' }) keepMonths: number;
  @NullableString() note: string | null;
  @DateTimeString() createdAt: string;
}

/** A month partition of mentions. */
export class MentionPartitionStatsResponseDto implements MentionPartitionStats {
  @NullableString({ format: 'date', description: 'Null: the partition of kept evidence and older months' })
  month: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'PostgreSQL’s estimate; null before the first analyze',
  })
  rowsApprox: number | null;
  @ApiProperty({ description: 'Mentions linked to an incident, kept when the month is dropped' })
  evidence: number;
  @ApiProperty() dropsAtNextRun: boolean;
}

/** The next retention run. */
export class RetentionNextRunResponseDto {
  @DateTimeString() at: string;
  @ApiProperty({ type: Number, nullable: true }) keepMonths: number | null;
  @NullableString({ format: 'date', description: 'Months older than this one are dropped' }) keepFrom:
    string | null;
}

/** The retention screen. */
export class RetentionOverviewResponseDto implements RetentionOverview {
  @ApiProperty({ type: [RetentionPolicyResponseDto] }) policies: RetentionPolicyResponseDto[];
  @ApiProperty({ type: RetentionPolicyResponseDto, nullable: true })
  inForce: RetentionPolicyResponseDto | null;
  @ApiProperty({ description: 'Days a re-delivered mention is recognised whatever its month' })
  dedupDays: number;
  @ApiProperty({ type: RetentionNextRunResponseDto, nullable: true })
  nextRun: RetentionNextRunResponseDto | null;
  @ApiProperty({ type: [MentionPartitionStatsResponseDto] }) partitions: MentionPartitionStatsResponseDto[];
}
