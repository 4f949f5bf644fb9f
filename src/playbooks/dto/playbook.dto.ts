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
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { PublicationChannel, StatementType } from '../../statements/statement-types.js';
import { CandidateSourceDto } from '../../working-groups/dto/working-group.dto.js';
import { MAX_INT } from '../../common/limits.js';

export class PlaybookTaskDto {
  @ApiProperty({ example: 'Xác minh nguồn gốc thông tin, lưu chứng cứ' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ description: 'Thời hạn, tính bằng phút kể từ khi phát hiện sự cố', example: 120 })
  @IsInt()
  @Min(0)
  @Max(60 * 24 * 90)
  dueAfterMinutes: number;

  @ApiPropertyOptional({ example: 'monitoring_analyst' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  role?: string;
}

export class PlaybookStageDto {
  @ApiProperty({ example: 'verify' })
  @Matches(/^[a-z0-9_-]{1,50}$/, { message: 'chỉ gồm chữ thường không dấu, số, gạch dưới, gạch ngang' })
  key: string;

  @ApiProperty({ example: 'Phát hiện và xác minh' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ type: [PlaybookTaskDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PlaybookTaskDto)
  tasks: PlaybookTaskDto[];
}

export class PlaybookRoleRequirementDto {
  @ApiProperty({ example: 'police_liaison' })
  @IsString()
  @MaxLength(50)
  role: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(20)
  count: number;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [CandidateSourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CandidateSourceDto)
  sources?: CandidateSourceDto[];

  @ApiProperty({ example: 'Phối hợp xác minh, xử lý tin giả (PA05)' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class PlaybookStatementTemplateDto {
  @ApiProperty({ enum: StatementType })
  @IsEnum(StatementType)
  type: StatementType;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title: string;

  @ApiProperty({ description: 'Markdown, có thể chứa {{don_vi}}, {{nguoi_phat_ngon}}, {{thoi_gian}}…' })
  @IsString()
  @MinLength(10)
  @MaxLength(50_000)
  body: string;

  @ApiPropertyOptional({ enum: PublicationChannel, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(PublicationChannel, { each: true })
  channels?: PublicationChannel[];
}

export class PlaybookTriggersDto {
  @ApiProperty({ type: [String], example: ['tin giả', 'bịa đặt'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topicKeys?: string[];
}

export class PlaybookContentDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  summary: string;

  @ApiProperty({ enum: IncidentCategory, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsEnum(IncidentCategory, { each: true })
  categories: IncidentCategory[];

  @ApiProperty({ enum: Severity })
  @IsEnum(Severity)
  severityMin: Severity;

  @ApiProperty({ enum: Severity })
  @IsEnum(Severity)
  severityMax: Severity;

  @ApiProperty({ type: PlaybookTriggersDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaybookTriggersDto)
  triggers: PlaybookTriggersDto;

  @ApiProperty({ type: [PlaybookStageDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlaybookStageDto)
  stages: PlaybookStageDto[];

  @ApiProperty({ type: [PlaybookRoleRequirementDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlaybookRoleRequirementDto)
  roleRequirements: PlaybookRoleRequirementDto[];

  @ApiProperty({ type: [PlaybookStatementTemplateDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlaybookStatementTemplateDto)
  statementTemplates: PlaybookStatementTemplateDto[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  holdingLines: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  legalReferences: string[];

  @ApiProperty({ description: 'Hướng dẫn (Markdown)' })
  @IsString()
  @MaxLength(100_000)
  guidanceMarkdown: string;
}

export class CreatePlaybookDto {
  @ApiProperty({ example: 'landslide-mountain-commune' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, {
    message: 'chữ thường không dấu, số và gạch ngang, 2-100 ký tự',
  })
  key: string;

  @ApiProperty({ example: 'Cẩm nang xử lý thông tin về sạt lở đất ở xã miền núi' })
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ description: 'Đơn vị sở hữu; bỏ trống: toàn hệ thống (chỉ quản trị viên)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiProperty({ type: PlaybookContentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaybookContentDto)
  content: PlaybookContentDto;
}

export class CreatePlaybookVersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title?: string;

  @ApiProperty({ type: PlaybookContentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaybookContentDto)
  content: PlaybookContentDto;
}

export class ProposePlaybookDto {
  @ApiPropertyOptional({ description: 'Cẩm nang được đề xuất sửa; bỏ trống để đề xuất cẩm nang mới' })
  @IsOptional()
  @IsUUID()
  playbookId?: string;

  @ApiPropertyOptional({ description: 'Mã cho cẩm nang mới (khi không có playbookId)' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, {
    message: 'chữ thường không dấu, số và gạch ngang, 2-100 ký tự',
  })
  newKey?: string;

  @ApiProperty()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title: string;

  @ApiProperty({ type: PlaybookContentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaybookContentDto)
  content: PlaybookContentDto;

  @ApiProperty({ description: 'Bài học kinh nghiệm dẫn tới đề xuất' })
  @IsString()
  @MinLength(10)
  @MaxLength(10_000)
  rationale: string;
}

export class DecideProposalDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ApplyPlaybookDto {
  @ApiPropertyOptional({ description: 'Phiên bản cụ thể; mặc định phiên bản hiện hành' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  version?: number;
}

export class ListPlaybooksQueryDto {
  @ApiPropertyOptional({ enum: IncidentCategory })
  @IsOptional()
  @IsEnum(IncidentCategory)
  category?: IncidentCategory;
}

export class ListProposalsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: 'pending' | 'approved' | 'rejected';
}

export class SearchQueryDto {
  @ApiProperty({
    description: 'Từ khóa; không phân biệt dấu: "tin gia" tìm được "tin giả"',
    example: 'tin gia',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q: string;

  @ApiPropertyOptional({ enum: ['playbook', 'incident'] })
  @IsOptional()
  @IsIn(['playbook', 'incident'])
  kind?: 'playbook' | 'incident';

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
