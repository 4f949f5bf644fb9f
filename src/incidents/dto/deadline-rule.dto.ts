import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DEADLINE_ANCHORS } from '../../contracts/enums.js';
import { DeadlineUnit } from '../entities/deadline-rule.entity.js';
import { IncidentCategory, Severity } from '../incident-types.js';

export class CreateDeadlineRuleDto {
  @ApiProperty({ example: 'initial_information' })
  @Matches(/^[a-z][a-z0-9_]{2,59}$/, { message: 'chỉ gồm chữ thường, số và dấu gạch dưới' })
  key: string;

  @ApiProperty({ example: 'Cung cấp thông tin ban đầu cho báo chí' })
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  label: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(100_000)
  value: number;

  @ApiProperty({ enum: DeadlineUnit })
  @IsEnum(DeadlineUnit)
  unit: DeadlineUnit;

  @ApiPropertyOptional({ enum: DEADLINE_ANCHORS, default: 'detected' })
  @IsOptional()
  @IsIn(DEADLINE_ANCHORS)
  anchor?: string;

  @ApiPropertyOptional({ enum: IncidentCategory, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsEnum(IncidentCategory, { each: true })
  categories?: IncidentCategory[];

  @ApiPropertyOptional({ enum: Severity })
  @IsOptional()
  @IsEnum(Severity)
  minSeverity?: Severity;

  @ApiProperty({ example: '2026-07-01' })
  @IsDateString({ strict: true })
  effectiveFrom: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsDateString({ strict: true })
  effectiveTo?: string | null;

  @ApiProperty({ example: 'Luật Báo chí 2025 (126/2025/QH15)' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  legalSource: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateDeadlineRuleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  label?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Đặt ngày hết hiệu lực để thay bằng quy định mới' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsDateString({ strict: true })
  effectiveTo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  legalSource?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
