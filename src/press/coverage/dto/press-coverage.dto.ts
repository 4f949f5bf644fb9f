import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_OFFSET } from '../../../common/limits.js';
import { IncidentCategory, Severity } from '../../../incidents/incident-types.js';
import {
  COVERAGE_MEDIA,
  COVERAGE_STATUSES,
  OUTCOME_KINDS,
  RESPONSE_KINDS,
  VERIFICATION_STATUSES,
} from '../entities/press-coverage.entity.js';
import type {
  CoverageMedium,
  CoverageStatus,
  OutcomeKind,
  ResponseKind,
  VerificationStatus,
} from '../entities/press-coverage.entity.js';

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

export class CoverageEvidenceDto {
  @ApiProperty({ enum: ['screenshot', 'archive', 'document', 'other'] })
  @IsIn(['screenshot', 'archive', 'document', 'other'])
  kind: 'screenshot' | 'archive' | 'document' | 'other';

  @ApiProperty({ example: 'https://web.archive.org/web/2026/https://baoanhoa.vn/bai-viet' })
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CreateCoverageDto {
  @ApiProperty({ description: 'Đơn vị bị phản ánh, chịu trách nhiệm xác minh và trả lời' })
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({ description: 'Cơ quan báo chí trong danh bạ báo chí' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ description: 'Tên cơ quan báo chí (bắt buộc khi không chọn từ danh bạ)' })
  @ValidateIf((o: CreateCoverageDto) => o.outletId === undefined || o.outletName !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  outletName?: string;

  @ApiProperty({ enum: COVERAGE_MEDIA })
  @IsIn(COVERAGE_MEDIA)
  medium: CoverageMedium;

  @ApiProperty({ example: 'Dân kêu trời vì bãi rác tự phát giữa khu dân cư' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ example: 'https://baoanhoa.vn/dan-keu-troi-vi-bai-rac.html' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  url?: string;

  @ApiProperty({ description: 'Ngày giờ đăng, phát (ISO 8601)' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  publishedAt: string;

  @ApiPropertyOptional({ description: 'Lúc cơ quan nắm được thông tin (mặc định: bây giờ); thời hạn tính từ đây' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  receivedAt?: string;

  @ApiProperty({ description: 'Nội dung báo nêu: vấn đề phản ánh' })
  @IsString()
  @MinLength(10)
  @MaxLength(10_000)
  summary: string;

  @ApiPropertyOptional({ type: [CoverageEvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CoverageEvidenceDto)
  evidence?: CoverageEvidenceDto[];
}

export class ListCoverageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: COVERAGE_STATUSES })
  @IsOptional()
  @IsIn(COVERAGE_STATUSES)
  status?: CoverageStatus;

  @ApiPropertyOptional({ description: 'Chỉ những báo nêu đã quá hạn mà chưa trả lời' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export class VerifyCoverageDto {
  @ApiProperty({ enum: VERIFICATION_STATUSES.filter((s) => s !== 'pending') })
  @IsIn(VERIFICATION_STATUSES.filter((s) => s !== 'pending'))
  verificationStatus: Exclude<VerificationStatus, 'pending'>;

  @ApiProperty({ description: 'Kết quả xác minh: đã kiểm tra gì, với ai, thấy gì' })
  @IsString()
  @MinLength(5)
  @MaxLength(10_000)
  notes: string;
}

export class CoverageIncidentDto {
  @ApiPropertyOptional({ description: 'Tên sự cố (mặc định: tiêu đề bài báo)' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title?: string;

  @ApiProperty({ enum: IncidentCategory })
  @IsEnum(IncidentCategory)
  category: IncidentCategory;

  @ApiProperty({ enum: Severity })
  @IsEnum(Severity)
  severity: Severity;

  @ApiPropertyOptional({ description: 'Chủ đề theo dõi: nếu có sự cố đang mở trên chủ đề, gắn vào đó' })
  @IsOptional()
  @IsUUID()
  topicId?: string;
}

export class RespondCoverageDto {
  @ApiProperty({ enum: RESPONSE_KINDS })
  @IsIn(RESPONSE_KINDS)
  kind: ResponseKind;

  @ApiProperty({ description: 'Nội dung trả lời, đề nghị cải chính/đăng phản hồi, hoặc lý do mở sự cố' })
  @IsString()
  @MinLength(10)
  @MaxLength(20_000)
  text: string;

  @ApiPropertyOptional({ type: CoverageIncidentDto, description: 'Bắt buộc khi kind = incident' })
  @ValidateIf((o: RespondCoverageDto) => o.kind === 'incident' || o.incident !== undefined)
  @IsDefined({ message: 'incident: bắt buộc khi mở sự cố từ báo nêu' })
  @ValidateNested()
  @Type(() => CoverageIncidentDto)
  incident?: CoverageIncidentDto;
}

export class CoverageOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS)
  kind: OutcomeKind;

  @ApiPropertyOptional({ description: 'Bài cải chính hoặc bài tiếp theo' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ description: 'Ngày giờ đăng (mặc định: bây giờ)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  at?: string;
}
