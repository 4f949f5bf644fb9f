import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  Matches,
  ValidateNested,
  IsArray,
  IsBase64,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DecisionKind, PublicationChannel, StatementType } from '../statement-types.js';

export class CreateStatementDto {
  @ApiProperty({ enum: StatementType, example: StatementType.HoldingStatement })
  @IsEnum(StatementType)
  type: StatementType;

  @ApiProperty({ example: 'Thông tin ban đầu về sự việc tại Bệnh viện đa khoa tỉnh' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ description: 'Nội dung ban đầu (Markdown)' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  body?: string;

  @ApiPropertyOptional({ enum: PublicationChannel, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(PublicationChannel, { each: true })
  channels?: PublicationChannel[];

  @ApiPropertyOptional({ description: 'Sự kiện đã xác minh được trích dẫn', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  citedFactIds?: string[];
}

export class UpdateStatementDto {
  @ApiPropertyOptional({ enum: PublicationChannel, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(PublicationChannel, { each: true })
  channels?: PublicationChannel[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  citedFactIds?: string[];
}

export class CorrectStatementDto {
  @ApiProperty({ enum: ['corrects', 'withdraws'] })
  @IsIn(['corrects', 'withdraws'])
  relation: 'corrects' | 'withdraws';

  @ApiPropertyOptional({ enum: StatementType, description: 'Mặc định: cùng loại với văn bản gốc' })
  @IsOptional()
  @IsEnum(StatementType)
  type?: StatementType;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  body?: string;
}

export class SubmitStatementDto {
  @ApiPropertyOptional({ description: 'Ghi chú khi trình' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DecisionKind })
  @IsEnum(DecisionKind)
  decision: DecisionKind;

  @ApiProperty({ description: 'SHA-256 của phiên bản đang xem (bắt buộc: quyết định gắn với đúng văn bản)' })
  @IsString()
  @MinLength(64)
  @MaxLength(64)
  sha256: string;

  @ApiPropertyOptional({ description: 'Bắt buộc khi từ chối hoặc yêu cầu sửa' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Nhập lại mật khẩu để ký duyệt (bắt buộc khi phê duyệt)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'Bước duyệt, khi người duyệt thuộc nhiều bước đang mở' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  stageKey?: string;
}

export class PublicationDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  versionNumber: number;

  @ApiProperty()
  @IsString()
  @MinLength(64)
  @MaxLength(64)
  sha256: string;

  @ApiProperty({ enum: PublicationChannel })
  @IsEnum(PublicationChannel)
  channel: PublicationChannel;

  @ApiPropertyOptional({ example: 'https://anhoa.gov.vn/tin-tuc/thong-cao-bao-chi-01' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'Thời điểm công bố (mặc định: bây giờ)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'Người phát ngôn (phải có quyết định phát ngôn hợp lệ vào ngày đó)' })
  @IsOptional()
  @IsUUID()
  spokespersonPersonId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CommentDto {
  @ApiProperty({ enum: ['title', 'body'] })
  @IsIn(['title', 'body'])
  field: 'title' | 'body';

  @ApiPropertyOptional({ description: 'Vị trí bắt đầu trong văn bản hiện tại (khi không gửi anchorStart)' })
  @ValidateIf((o: CommentDto) => o.anchorStart === undefined)
  @IsInt()
  @Min(0)
  index?: number;

  @ApiPropertyOptional({ description: 'Độ dài đoạn được bình luận' })
  @ValidateIf((o: CommentDto) => o.anchorStart === undefined)
  @IsInt()
  @Min(0)
  length?: number;

  @ApiPropertyOptional({ description: 'Y.encodeRelativePosition của điểm đầu (base64)' })
  @IsOptional()
  @IsBase64()
  @MaxLength(200)
  anchorStart?: string;

  @ApiPropertyOptional({ description: 'Y.encodeRelativePosition của điểm cuối (base64)' })
  @ValidateIf((o: CommentDto) => o.anchorStart !== undefined)
  @IsBase64()
  @MaxLength(200)
  anchorEnd?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;
}

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html'] as const;

export class DocumentFormatQueryDto {
  @ApiPropertyOptional({
    enum: DOCUMENT_FORMATS,
    default: 'pdf',
    description: 'pdf: bản phát hành; docx: bản Word để sửa; html: bản xem trên trình duyệt',
  })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: (typeof DOCUMENT_FORMATS)[number];
}

export class DiffQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to: number;
}

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
  @ApiProperty() @IsInt() @Min(1) L1: number;
  @ApiProperty() @IsInt() @Min(1) L2: number;
  @ApiProperty() @IsInt() @Min(1) L3: number;
  @ApiProperty() @IsInt() @Min(1) L4: number;
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
  step: number;

  @ApiProperty({ description: 'Số người cần phê duyệt' })
  @IsInt()
  @Min(1)
  quorum: number;

  @ApiProperty({ type: [ApproverSpecDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApproverSpecDto)
  approvers: ApproverSpecDto[];

  @ApiProperty({ type: SlaMinutesDto })
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
  priority?: number;

  @ApiPropertyOptional({ enum: StatementType, isArray: true })
  @IsOptional()
  @IsArray()
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
