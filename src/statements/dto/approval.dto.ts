/** Request DTOs of the approvals (approvals.controller.ts): delegations, approval policies, pre-approved lines. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEnum,
  IsISO8601,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { StatementType } from '../statement-types.js';
import { MAX_INT } from '../../common/limits.js';

export class DelegationDto {
  @ApiProperty({ description: 'Người được ủy quyền duyệt thay' })
  @IsUUID()
  delegateUserId: string;

  @ApiProperty({ description: 'Sự cố (một vụ việc) được ủy quyền' })
  @IsUUID()
  incidentId: string;

  @ApiProperty({ example: 'Phê duyệt văn bản trả lời báo chí về sự cố cấp nước' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  matter: string;

  @ApiPropertyOptional({ description: 'Mặc định: bây giờ' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiProperty({ description: 'Thời hạn kết thúc ủy quyền (bắt buộc)' })
  @IsISO8601({ strict: true })
  validTo: string;
}

export class ApproverSpecDto {
  @ApiProperty({ enum: ['group_role', 'unit_tag', 'unit_position', 'person'] })
  @IsIn(['group_role', 'unit_tag', 'unit_position', 'person'])
  kind: 'group_role' | 'unit_tag' | 'unit_position' | 'person';

  @ApiPropertyOptional()
  @ValidateIf((o: ApproverSpecDto) => o.kind === 'group_role')
  @IsString()
  @MaxLength(50)
  role?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: ApproverSpecDto) => o.kind === 'unit_tag')
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: ApproverSpecDto) => o.kind === 'unit_position')
  @IsString()
  @MaxLength(200)
  position?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: ApproverSpecDto) => o.kind === 'person')
  @IsUUID()
  personId?: string;
}

export class SlaMinutesDto {
  @ApiProperty() @IsInt() @Min(1) @Max(7 * 24 * 60) L1: number;
  @ApiProperty() @IsInt() @Min(1) @Max(7 * 24 * 60) L2: number;
  @ApiProperty() @IsInt() @Min(1) @Max(7 * 24 * 60) L3: number;
  @ApiProperty() @IsInt() @Min(1) @Max(7 * 24 * 60) L4: number;
}

export class StageSpecDto {
  @ApiProperty({ example: 'legal_review' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,59}$/)
  key: string;

  @ApiProperty({ example: 'Pháp chế rà soát' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  name: string;

  @ApiProperty({ description: 'Các bước cùng số chạy song song' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  step: number;

  @ApiProperty({ description: 'Số người cần phê duyệt' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  quorum: number;

  @ApiProperty({ type: [ApproverSpecDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApproverSpecDto)
  approvers: ApproverSpecDto[];

  @ApiProperty({ type: SlaMinutesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SlaMinutesDto)
  slaMinutes: SlaMinutesDto;
}

export class CreateApprovalPolicyDto {
  @ApiProperty({ example: 'standard' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,59}$/)
  key: string;

  @ApiProperty()
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

  @ApiPropertyOptional({ enum: StatementType, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(StatementType, { each: true })
  statementTypes?: StatementType[];

  @ApiPropertyOptional({ enum: ['L1', 'L2', 'L3', 'L4'] })
  @IsOptional()
  @IsIn(['L1', 'L2', 'L3', 'L4'])
  minSeverity?: string;

  @ApiPropertyOptional({ enum: ['L1', 'L2', 'L3', 'L4'] })
  @IsOptional()
  @IsIn(['L1', 'L2', 'L3', 'L4'])
  maxSeverity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  fastPath?: boolean;

  @ApiProperty({ type: [StageSpecDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => StageSpecDto)
  stages: StageSpecDto[];

  @ApiProperty({ example: '2026-07-01' })
  @IsDateString({ strict: true })
  effectiveFrom: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  legalBasis?: string;
}

export class PreApprovedLineDto {
  @ApiProperty({
    example: '{don_vi} đã nắm được thông tin về {su_viec} và đang khẩn trương kiểm tra, xác minh.',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ enum: StatementType, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(StatementType, { each: true })
  statementTypes?: StatementType[];

  @ApiProperty({ example: 'Cẩm nang xử lý tin giả, phiên bản 2' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  source: string;

  @ApiProperty()
  @IsDateString({ strict: true })
  effectiveFrom: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveTo?: string;
}
