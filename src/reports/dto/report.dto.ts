import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const REPORT_FORMATS = ['json', 'md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportFormatQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class PeriodicReportQueryDto extends ReportFormatQueryDto {
  @ApiProperty({ description: 'Đơn vị báo cáo (gồm các đơn vị trực thuộc)' })
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ example: '2025-12-11', description: 'Từ ngày (giờ Việt Nam), YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải có dạng YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ngày không hợp lệ' })
  from: string;

  @ApiProperty({ example: '2026-12-10', description: 'Đến hết ngày (giờ Việt Nam), YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải có dạng YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ngày không hợp lệ' })
  to: string;
}

export class ActionItemDto {
  @ApiProperty({ example: 'Bổ sung quy trình xác minh nhanh với PA05 vào cẩm nang' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ description: 'Tài khoản người phụ trách (nếu có)' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiProperty({ example: 'Nguyễn Văn A, Phó Giám đốc Sở' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  ownerName: string;

  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải có dạng YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ngày không hợp lệ' })
  dueDate?: string;

  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'done'])
  status?: 'open' | 'done';
}

export class UpdateReviewDto {
  @ApiPropertyOptional({ description: 'Những việc làm tốt' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  wentWell?: string;

  @ApiPropertyOptional({ description: 'Tồn tại, hạn chế' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  wentPoorly?: string;

  @ApiPropertyOptional({ description: 'Nguyên nhân của tồn tại, hạn chế' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  causes?: string;

  @ApiPropertyOptional({ description: 'Bài học kinh nghiệm' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  lessons?: string;

  @ApiPropertyOptional({ description: 'Đề xuất, kiến nghị' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  proposals?: string;

  @ApiPropertyOptional({ type: [ActionItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActionItemDto)
  actionItems?: ActionItemDto[];
}

export class ReopenReviewDto {
  @ApiProperty({ description: 'Lý do mở lại' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
