import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { DISMISS_REASONS, WatchSignalStatus } from '../entities/watch-signal.entity.js';
import type { DismissReason } from '../entities/watch-signal.entity.js';

export class ListWatchSignalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WatchSignalStatus })
  @IsOptional()
  @IsEnum(WatchSignalStatus, { message: 'status: phải là pending, opened hoặc dismissed' })
  status?: WatchSignalStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'topicId: phải là mã chủ đề (UUID)' })
  topicId?: string;
}

export class DismissWatchSignalDto {
  @ApiProperty({
    enum: DISMISS_REASONS,
    description: 'false_positive: báo động nhầm (được ghi nhận để tính độ chính xác và gợi ý ngưỡng)',
  })
  @IsIn(DISMISS_REASONS, {
    message: 'reason: phải là false_positive, not_relevant, handled_elsewhere hoặc other',
  })
  reason: DismissReason;

  @ApiPropertyOptional({ example: 'Lễ hội được khen, không có gì tiêu cực' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'note: phải là chuỗi' })
  @MinLength(1, { message: 'note: không được rỗng' })
  @MaxLength(2000, { message: 'note: tối đa 2000 ký tự' })
  note?: string;
}

export class ApplySuggestionDto {
  @ApiProperty({ description: 'Tên ngưỡng, ví dụ negativeSpikeZ' })
  @IsIn(
    [
      'negativeSpikeZ',
      'spikeZ',
      'trendSignificance',
      'negativeShareThreshold',
      'tractionMinMentions',
      'authorityOpenReachThreshold',
    ],
    {
      message: 'setting: không phải ngưỡng có thể gợi ý',
    },
  )
  setting: string;
}
