import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import {
  FAKE_NEWS_LABELS,
  MENTION_SOURCE_TYPES,
  SENTIMENT_LABELS,
} from '../../signals/mention-item.validator.js';

/** Form fields arrive as strings; an empty field means "not given". */
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

export const REPORT_ACTIONS = ['none', 'open', 'attach'] as const;

/** An officer's report (multipart form: these fields and an optional `evidence` image). */
export class CreateOfficerReportDto {
  @ApiProperty({ description: 'Đơn vị liên quan' })
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({ example: 'https://facebook.com/groups/anhoa/posts/123' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: 'Bài đăng nói sai về giá nước sinh hoạt' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ description: 'Nội dung dán vào (hoặc tóm tắt điều đã thấy)' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ enum: MENTION_SOURCE_TYPES, default: 'social' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(MENTION_SOURCE_TYPES)
  sourceType?: (typeof MENTION_SOURCE_TYPES)[number];

  @ApiPropertyOptional({ example: 'Nhóm Cư dân An Hòa' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(300)
  outlet?: string;

  @ApiPropertyOptional({ example: '2025-08-12T07:45:00+07:00' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(40)
  publishedAt?: string;

  @ApiProperty({ enum: SENTIMENT_LABELS })
  @IsIn(SENTIMENT_LABELS)
  sentiment: (typeof SENTIMENT_LABELS)[number];

  @ApiPropertyOptional({ enum: FAKE_NEWS_LABELS })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(FAKE_NEWS_LABELS)
  fakeNewsLabel?: (typeof FAKE_NEWS_LABELS)[number];

  @ApiPropertyOptional({ description: 'Đường dẫn bản lưu trữ (archive.org, archive.ph…)' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  archiveUrl?: string;

  @ApiPropertyOptional({ description: 'Ghi chú của cán bộ: đã thấy ở đâu, mức lan truyền' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({
    enum: REPORT_ACTIONS,
    default: 'none',
    description: 'none, open (mở sự cố), attach',
  })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(REPORT_ACTIONS)
  action?: (typeof REPORT_ACTIONS)[number];

  @ApiPropertyOptional({ description: 'Sự cố đang mở để gắn vào (action = attach)' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({
    description: 'Chủ đề theo dõi liên quan (action = open: gắn vào sự cố mở của chủ đề)',
  })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({ enum: Severity })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsEnum(Severity)
  severity?: Severity;

  @ApiPropertyOptional({ enum: IncidentCategory })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsEnum(IncidentCategory)
  category?: IncidentCategory;

  @ApiPropertyOptional({ description: 'Tên sự cố mới (mặc định: tiêu đề hoặc đầu nội dung)' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  incidentTitle?: string;
}

export class ListOfficerReportsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}
