import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  @Max(24 * 30)
  evaluationHorizonHours?: number;

  @ApiPropertyOptional({ description: 'Ngưỡng z-score của đột biến' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(1000)
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

  @ApiPropertyOptional({ description: 'Đột biến tiêu cực: ngưỡng z-score của số đề cập tiêu cực' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(1000)
  negativeSpikeZ?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  negativeSpikeMinCount?: number;

  @ApiPropertyOptional({ description: 'Tỷ lệ tiêu cực tối thiểu của lô để coi là đột biến tiêu cực' })
  @IsOptional()
  @IsNumber()
  @Min(0.05)
  @Max(1)
  negativeSpikeMinShare?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Các cửa sổ (giờ) của quy tắc tiêu cực tăng dần' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(24, { each: true })
  trendWindowsHours?: number[];

  @ApiPropertyOptional({
    description: 'Số ngày trước (cùng khung giờ) làm mức bình thường của xu hướng tăng dần',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  trendBaselineDays?: number;

  @ApiPropertyOptional({ description: 'Số người, trang mới lên tiếng phê phán tối thiểu trong cửa sổ' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  trendMinAuthors?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  trendMinCount?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0.05)
  @Max(1)
  trendMinShare?: number;

  @ApiPropertyOptional({ description: 'Mức khác thường tối thiểu (1 trên 10^giá trị)' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(1000)
  trendSignificance?: number;

  @ApiPropertyOptional({ description: 'Lượt tiếp cận để một bài của báo lớn tự mở phòng' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  authorityOpenReachThreshold?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  tractionWindowMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  tractionMinMentions?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  tractionMinOutlets?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(100)
  tractionRatio?: number;

  @ApiPropertyOptional({ description: 'Tỷ lệ tiêu cực tối thiểu của các đề cập đưa lại bài báo lớn' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  tractionMinShare?: number;

  @ApiPropertyOptional({
    description: 'Số trang, tài khoản đưa lại bài báo lớn mà một tuần trước đó chưa nhắc đến chủ đề',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  tractionMinNewVoices?: number;

  @ApiPropertyOptional({
    description: 'Gộp các lần phát hiện trên một chủ đề: tối đa một sự kiện mỗi chừng này phút',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  coalesceMinutes?: number;

  @ApiPropertyOptional({
    description: 'Chủ đề có ít hơn chừng này giờ dữ liệu: phát hiện tiêu cực chỉ vào danh sách theo dõi',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  coldStartHours?: number;

  @ApiPropertyOptional({ description: 'Số đề cập tiêu cực đủ để mở phòng ngay cả khi chủ đề còn mới' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  coldStartOpenCount?: number;

  @ApiPropertyOptional({ type: [SeverityRuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SeverityRuleDto)
  severityRules?: SeverityRuleDto[];
}
