import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsEnum,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DecisionKind, PublicationChannel, StatementType } from '../statement-types.js';
import { MAX_INT } from '../../common/limits.js';

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
  @Max(MAX_INT)
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

  @ApiPropertyOptional({
    description:
      'Thời điểm công bố: luôn là thời điểm ghi nhận; nếu gửi, phải trùng với bây giờ (lệch tối đa 60 giây)',
  })
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
  // Required without anchors; when sent anyway, still of its type.
  @ValidateIf((o: CommentDto) => o.anchorStart === undefined || o.index !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  index?: number;

  @ApiPropertyOptional({ description: 'Độ dài đoạn được bình luận' })
  @ValidateIf((o: CommentDto) => o.anchorStart === undefined || o.length !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  length?: number;

  @ApiPropertyOptional({ description: 'Y.encodeRelativePosition của điểm đầu (base64)' })
  @IsOptional()
  @IsString()
  @IsBase64()
  @MaxLength(200)
  anchorStart?: string;

  @ApiPropertyOptional({ description: 'Y.encodeRelativePosition của điểm cuối (base64)' })
  @ValidateIf((o: CommentDto) => o.anchorStart !== undefined || o.anchorEnd !== undefined)
  @IsString()
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
  @Max(MAX_INT)
  from: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  to: number;
}
