import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { DetectionRuleName } from '../entities/detection.entity.js';
import { MAX_INT } from '../../common/limits.js';

export class SeverityRuleDto {
  @ApiPropertyOptional({ enum: Severity })
  @IsEnum(Severity)
  severity: Severity;

  @ApiPropertyOptional({ enum: IncidentCategory, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEnum(IncidentCategory, { each: true })
  categories?: IncidentCategory[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_INT)
  minReach?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_INT)
  minVelocityPerHour?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minNegativeShare?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  minUnits?: number;

  @ApiPropertyOptional({ description: 'true: mọi điều kiện phải thỏa; mặc định: một điều kiện là đủ' })
  @IsOptional()
  all?: boolean;
}

export class UpdateDetectionSettingsDto {
  @ApiPropertyOptional({ enum: DetectionRuleName, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(Object.values(DetectionRuleName), { each: true })
  enabledRules?: string[];

  @ApiPropertyOptional({ description: 'Số giờ lịch sử dùng làm mức nền' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  baselineWindowHours?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0.25)
  @Max(24 * 14)
  baselineHalfLifeHours?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  evaluationHorizonHours?: number;

  @ApiPropertyOptional({ description: 'Ngưỡng z-score của đột biến' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(50)
  spikeZ?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  spikeMinCount?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0.05)
  @Max(1)
  negativeShareThreshold?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  negativeMinCount?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  negativeWindowMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  authorityReachThreshold?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  authorityFollowersThreshold?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  majorOutlets?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  dismissalSuppressionHours?: number;

  @ApiPropertyOptional({ type: [SeverityRuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SeverityRuleDto)
  severityRules?: SeverityRuleDto[];
}
