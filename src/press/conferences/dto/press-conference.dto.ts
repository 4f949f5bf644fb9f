import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CONFERENCE_KINDS } from '../entities/press-conference.entity.js';
import type { ConferenceKind } from '../entities/press-conference.entity.js';

export class LineSourceDto {
  @ApiProperty({ enum: ['fact', 'statement'] })
  @IsIn(['fact', 'statement'])
  kind: 'fact' | 'statement';

  @ApiProperty()
  @IsUUID()
  id: string;
}

export class AnticipatedQuestionDto {
  @ApiProperty({ example: 'Bao giờ có kết quả xét nghiệm mẫu thức ăn?' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  question: string;

  @ApiPropertyOptional({
    description:
      'Nội dung trả lời đã chuẩn bị; bỏ trống thì lấy từ các nguồn (sự kiện đã xác minh, văn bản đã duyệt)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  preparedLine?: string;

  @ApiPropertyOptional({ type: [LineSourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LineSourceDto)
  sources?: LineSourceDto[];
}

class ConferencePlanFields {
  @ApiPropertyOptional({ description: 'Kết thúc dự kiến (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  endsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  chairPosition?: string;

  @ApiPropertyOptional({
    description: 'Quyết định giao nhiệm vụ phát ngôn của đơn vị còn hiệu lực vào ngày họp',
  })
  @IsOptional()
  @IsUUID()
  spokespersonDesignationId?: string;

  @ApiPropertyOptional({ description: 'Sự cố liên quan (họp báo đột xuất, chuyên đề)' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Chương trình: các nội dung thông tin' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(500, { each: true })
  agenda?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Cơ quan báo chí được mời (danh bạ báo chí)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedOutletIds?: string[];

  @ApiPropertyOptional({ type: [AnticipatedQuestionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AnticipatedQuestionDto)
  anticipatedQuestions?: AnticipatedQuestionDto[];
}

export class CreateConferenceDto extends ConferencePlanFields {
  @ApiProperty()
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ enum: CONFERENCE_KINDS })
  @IsIn(CONFERENCE_KINDS)
  kind: ConferenceKind;

  @ApiProperty({ example: 'Họp báo định kỳ quý IV năm 2026' })
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'Bắt đầu (ISO 8601)' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  startsAt: string;

  @ApiProperty({ example: 'Hội trường UBND tỉnh' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  place: string;

  @ApiProperty({ description: 'Người chủ trì' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  chairName: string;
}

export class UpdateConferenceDto extends ConferencePlanFields {
  @ApiPropertyOptional({ example: 'Họp báo định kỳ quý IV năm 2026' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ description: 'Bắt đầu (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  startsAt?: string;

  @ApiPropertyOptional({ example: 'Hội trường UBND tỉnh' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ description: 'Người chủ trì' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  chairName?: string;
}

export class AttendanceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional({ description: 'Tên cơ quan báo chí (khi không có trong danh bạ)' })
  @ValidateIf((o: AttendanceDto) => o.outletId === undefined || o.outletName !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  outletName?: string;
}

export class StatementIssuedDto {
  @ApiProperty({ example: 'Thông cáo báo chí về kết quả kiểm tra' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ description: 'Văn bản trong hệ thống (của sự cố liên quan)' })
  @IsOptional()
  @IsUUID()
  statementId?: string;
}

export class HoldConferenceDto {
  @ApiPropertyOptional({ description: 'Lúc bắt đầu thực tế (mặc định: giờ dự kiến)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  heldAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  endsAt?: string;

  @ApiPropertyOptional({ type: [AttendanceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceDto)
  attendance?: AttendanceDto[];

  @ApiPropertyOptional({ description: 'Kết luận của người chủ trì' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  conclusion?: string;

  @ApiPropertyOptional({ type: [StatementIssuedDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StatementIssuedDto)
  statementsIssued?: StatementIssuedDto[];
}

export class AskedQuestionDto {
  @ApiPropertyOptional({ description: 'Nhà báo trong danh bạ báo chí' })
  @IsOptional()
  @IsUUID()
  journalistId?: string;

  @ApiPropertyOptional({ description: 'Người hỏi (khi không có trong danh bạ)' })
  @ValidateIf((o: AskedQuestionDto) => o.journalistId === undefined || o.askedBy !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  askedBy?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  outletName?: string;

  @ApiProperty()
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  question: string;

  @ApiPropertyOptional({ description: 'Nội dung đã trả lời tại họp báo' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  answer?: string;

  @ApiPropertyOptional({ description: 'Người trả lời' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  answeredBy?: string;
}

export class CommitmentDto {
  @ApiPropertyOptional({ description: 'Câu hỏi dẫn đến cam kết' })
  @IsOptional()
  @IsUUID()
  questionId?: string;

  @ApiProperty({ example: 'Gửi kết quả xét nghiệm mẫu thức ăn cho các cơ quan báo chí' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  description: string;

  @ApiProperty({ description: 'Đơn vị chịu trách nhiệm thực hiện' })
  @IsUUID()
  ownerOrgUnitId: string;

  @ApiPropertyOptional({ description: 'Người phụ trách' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerName?: string;

  @ApiProperty({ description: 'Hạn thực hiện (ISO 8601)' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  dueAt: string;
}

export class ListConferencesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: ['planned', 'held', 'cancelled'] })
  @IsOptional()
  @IsIn(['planned', 'held', 'cancelled'])
  status?: 'planned' | 'held' | 'cancelled';
}

export class MinutesQueryDto {
  @ApiPropertyOptional({ enum: ['pdf', 'docx', 'html'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'docx', 'html'])
  format?: 'pdf' | 'docx' | 'html';
}

export class CadenceQueryDto {
  @ApiPropertyOptional({ description: 'Chỉ các đơn vị thuộc cây của đơn vị này' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ description: 'Ngày xét (giờ Việt Nam), YYYY-MM-DD; mặc định hôm nay' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải có dạng YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ngày không hợp lệ' })
  on?: string;
}

export class CreateCadenceRuleDto {
  @ApiPropertyOptional({ description: 'Đơn vị (bỏ trống: mặc định cho mọi đơn vị, chỉ quản trị viên)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiProperty({ enum: [1, 2, 3, 6, 12], description: 'Số tháng giữa hai cuộc họp báo định kỳ' })
  @IsIn([1, 2, 3, 6, 12])
  intervalMonths: number;

  @ApiProperty({ example: '2027-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải có dạng YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ngày không hợp lệ' })
  effectiveFrom: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải có dạng YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'ngày không hợp lệ' })
  effectiveTo?: string;

  @ApiProperty({ example: 'Chỉ thị 01/CT-UBND của UBND tỉnh: họp báo định kỳ hằng tháng' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  legalSource: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
