import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IncidentCategory, IncidentStatus, Severity } from '../incident-types.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { MAX_INT } from '../../common/limits.js';

export class CreateIncidentDto {
  @ApiProperty({ example: 'Tin giả về việc thu hồi đất tại phường An Hòa' })
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  summary?: string;

  @ApiProperty({ enum: IncidentCategory })
  @IsEnum(IncidentCategory)
  category: IncidentCategory;

  @ApiProperty({ enum: Severity })
  @IsEnum(Severity)
  severity: Severity;

  @ApiProperty({ description: 'Đơn vị chủ trì xử lý' })
  @IsUUID()
  responsibleOrgUnitId: string;

  @ApiPropertyOptional({ type: [String], description: 'Các đơn vị liên quan' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  concernedOrgUnitIds?: string[];

  @ApiPropertyOptional({
    description: 'Thời điểm phát hiện (mặc định: bây giờ); đồng hồ pháp lý tính từ đây',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  detectedAt?: string;
}

export class UpdateIncidentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  summary?: string;

  @ApiPropertyOptional({ enum: IncidentCategory })
  @IsOptional()
  @IsEnum(IncidentCategory)
  category?: IncidentCategory;

  @ApiPropertyOptional({ enum: Severity })
  @IsOptional()
  @IsEnum(Severity)
  severity?: Severity;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  responsibleOrgUnitId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  concernedOrgUnitIds?: string[];
}

export class TransitionDto {
  @ApiProperty({ enum: IncidentStatus })
  @IsEnum(IncidentStatus)
  to: IncidentStatus;

  @ApiPropertyOptional({ description: 'Bắt buộc khi bác bỏ hoặc mở lại' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason?: string;
}

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ListIncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Một hoặc nhiều trạng thái, phân cách bằng dấu phẩy' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(IncidentStatus, { each: true })
  status?: IncidentStatus[];

  @ApiPropertyOptional({ enum: Severity })
  @IsOptional()
  @IsEnum(Severity)
  severity?: Severity;

  @ApiPropertyOptional({ enum: IncidentCategory })
  @IsOptional()
  @IsEnum(IncidentCategory)
  category?: IncidentCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ description: 'Tìm theo tiêu đề (không dấu cũng được) hoặc mã' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'Trả các sự kiện có seq lớn hơn giá trị này', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  after?: number;

  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
