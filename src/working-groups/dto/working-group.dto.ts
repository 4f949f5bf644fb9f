import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'phải là ngày dạng YYYY-MM-DD';

export class DeclineInvitationDto {
  @ApiProperty({ example: 'Đang đi công tác nước ngoài đến hết tuần' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class AddMemberDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ example: 'legal_reviewer' })
  @IsString()
  @MaxLength(50)
  role: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class RemoveMemberDto {
  @ApiProperty({ example: 'Chuyển công tác khác' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class MemberChangeDto {
  @ApiPropertyOptional({ description: 'Người nhận vai trò; bỏ trống: ứng viên kế tiếp theo quy tắc' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class DecisionQueryDto {
  @ApiPropertyOptional({ enum: ['md', 'html'] })
  @IsOptional()
  @IsIn(['md', 'html'])
  format?: 'md' | 'html';
}

export class CandidateSourceDto {
  @ApiProperty({ enum: ['responsible_unit', 'capability', 'unit', 'designation'] })
  @IsIn(['responsible_unit', 'capability', 'unit', 'designation'])
  from: 'responsible_unit' | 'capability' | 'unit' | 'designation';

  @ApiPropertyOptional({ example: 'press_state_management' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  capability?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unitCode?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string;
}

export class RoleRequirementDto {
  @ApiProperty({ example: 'spokesperson' })
  @IsString()
  @MaxLength(50)
  role: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(20)
  count: number;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiProperty({ type: [CandidateSourceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CandidateSourceDto)
  sources: CandidateSourceDto[];
}

export class AckDeadlinesDto {
  @ApiProperty() @IsInt() @Min(1) @Max(604800) L1: number;
  @ApiProperty() @IsInt() @Min(1) @Max(604800) L2: number;
  @ApiProperty() @IsInt() @Min(1) @Max(604800) L3: number;
  @ApiProperty() @IsInt() @Min(1) @Max(604800) L4: number;
}

export class CreateAssemblyRuleDto {
  @ApiProperty({ example: 'fake_news' })
  @Matches(/^[a-z0-9_.-]{2,100}$/, { message: 'key: chữ thường, số, _ . - (2–100 ký tự)' })
  key: string;

  @ApiProperty({ example: 'Tổ công tác xử lý tin giả' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ enum: ['L1', 'L2', 'L3', 'L4'] })
  @IsOptional()
  @IsIn(['L1', 'L2', 'L3', 'L4'])
  minSeverity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiProperty({ type: [RoleRequirementDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RoleRequirementDto)
  roles: RoleRequirementDto[];

  @ApiProperty({ type: AckDeadlinesDto, description: 'Giây để xác nhận lời mời, theo mức độ' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AckDeadlinesDto)
  ackDeadlineSeconds: AckDeadlinesDto;

  @ApiProperty({ example: '2025-03-01' })
  @Matches(DATE, { message: `effectiveFrom: ${DATE_MESSAGE}` })
  effectiveFrom: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: `effectiveTo: ${DATE_MESSAGE}` })
  effectiveTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  legalBasis?: string;
}

export enum AvailabilityStatus {
  OnDuty = 'on_duty',
  Away = 'away',
}

export class AvailabilityDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: AvailabilityStatus })
  @IsEnum(AvailabilityStatus)
  status: AvailabilityStatus;

  @ApiProperty()
  @Matches(DATE, { message: `validFrom: ${DATE_MESSAGE}` })
  validFrom: string;

  @ApiProperty()
  @Matches(DATE, { message: `validTo: ${DATE_MESSAGE}` })
  validTo: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
