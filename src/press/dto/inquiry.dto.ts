import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_INT } from '../../common/limits.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { ToBoolean, Trim } from '../../directory/dto/validators.js';
import { CAPABILITY_KEYS } from '../../directory/directory.views.js';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { INQUIRY_CHANNELS, InquiryStatus } from '../press-inquiry-types.js';
import type { InquiryChannel } from '../press-inquiry-types.js';

export const MAX_QUESTIONS = 30;

export class OpenIncidentForInquiryDto {
  @ApiProperty({ enum: IncidentCategory })
  @IsEnum(IncidentCategory)
  category: IncidentCategory;

  @ApiProperty({ enum: Severity })
  @IsEnum(Severity)
  severity: Severity;

  @ApiPropertyOptional({ description: 'Mặc định: nội dung đề nghị' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title?: string;
}

export class CreateInquiryDto {
  @ApiProperty({ enum: INQUIRY_CHANNELS })
  @IsIn(INQUIRY_CHANNELS)
  channel: InquiryChannel;

  @ApiPropertyOptional({ description: 'Thời điểm tiếp nhận (mặc định: bây giờ)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiProperty({ example: 'Tiến độ xử lý vụ ngộ độc thực phẩm tại trường tiểu học' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  subject: string;

  @ApiProperty({ type: [String], description: 'Mỗi câu hỏi được trả lời riêng' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(4000, { each: true })
  questions: string[];

  @ApiProperty()
  @IsUUID()
  journalistId: string;

  @ApiPropertyOptional({ description: 'Đơn vị nhà báo gửi đề nghị (có thể đã giải thể, sáp nhập)' })
  @IsOptional()
  @IsUUID()
  addressedOrgUnitId?: string;

  @ApiPropertyOptional({
    enum: CAPABILITY_KEYS,
    description: 'Lĩnh vực hỏi: chuyển tới đơn vị đảm nhận vào ngày tiếp nhận',
  })
  @IsOptional()
  @IsIn(CAPABILITY_KEYS)
  capability?: string;

  @ApiPropertyOptional({ description: 'Gắn với sự cố đang mở' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ type: OpenIncidentForInquiryDto, description: 'Mở sự cố mới từ đề nghị này' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpenIncidentForInquiryDto)
  openIncident?: OpenIncidentForInquiryDto;
}

export class ListInquiriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: InquiryStatus })
  @IsOptional()
  @IsEnum(InquiryStatus)
  status?: InquiryStatus;

  @ApiPropertyOptional({ description: 'Chỉ đề nghị chưa trả lời' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  journalistId?: string;
}

export class AssignInquiryDto {
  @ApiProperty({ description: 'Người phụ trách trả lời' })
  @IsUUID()
  ownerUserId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AnswerQuestionDto {
  @ApiProperty({ description: 'Nội dung trả lời câu hỏi này' })
  @IsString()
  @MaxLength(20_000)
  answer: string;
}

export class LinkIncidentDto {
  @ApiPropertyOptional({ description: 'Sự cố đang mở' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ type: OpenIncidentForInquiryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpenIncidentForInquiryDto)
  openIncident?: OpenIncidentForInquiryDto;
}

export class DraftAnswerDto {
  @ApiProperty({ enum: ['answer', 'refusal'] })
  @IsIn(['answer', 'refusal'])
  outcome: 'answer' | 'refusal';

  @ApiPropertyOptional({ description: 'Căn cứ từ chối (bắt buộc khi từ chối)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  refusalGroundKey?: string;

  @ApiPropertyOptional({ description: 'Lý do cụ thể khi từ chối' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  refusalReason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title?: string;
}

export class SendAnswerDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  versionNumber: number;

  @ApiProperty({ description: 'SHA-256 của phiên bản đã phê duyệt' })
  @IsString()
  @MinLength(64)
  @MaxLength(64)
  sha256: string;
}

export class TransferInquiryDto {
  @ApiProperty()
  @IsUUID()
  toOrgUnitId: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class DashboardQueryDto {
  @ApiPropertyOptional({ description: 'Từ thời điểm (thời gian trả lời)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
