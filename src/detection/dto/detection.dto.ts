import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { DetectionOutcome, DetectionRuleName } from '../entities/detection.entity.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListDetectionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ enum: DetectionRuleName })
  @IsOptional()
  @IsEnum(DetectionRuleName)
  rule?: DetectionRuleName;

  @ApiPropertyOptional({ enum: DetectionOutcome })
  @IsOptional()
  @IsEnum(DetectionOutcome)
  outcome?: DetectionOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  to?: string;
}

/** An officer declares a crisis the rules did not see (or saw too late). */
export class DeclareDetectionDto {
  @ApiProperty({ example: 'Clip về sự cố sạt lở tại xã Tân Phú lan truyền trên mạng' })
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'Vì sao cần mở phòng: điều đã thấy, nguồn, mức lan truyền' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  note: string;

  @ApiProperty({ enum: IncidentCategory })
  @IsEnum(IncidentCategory)
  category: IncidentCategory;

  @ApiProperty({ enum: Severity })
  @IsEnum(Severity)
  severity: Severity;

  @ApiProperty()
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({
    description: 'Chủ đề theo dõi liên quan: nếu đã có sự cố mở trên chủ đề này, gắn vào đó',
  })
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({
    description: 'Gắn vào sự cố đang mở này (phải xem được và còn sửa được) thay vì mở sự cố mới',
  })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Đề cập làm bằng chứng' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentionIds?: string[];
}
