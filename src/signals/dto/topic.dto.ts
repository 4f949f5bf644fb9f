import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { TopicCategory } from '../entities/topic.entity.js';
import { BUCKET_MINUTES } from '../topic-buckets.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

const TERMS_HELP =
  'Từ hoặc cụm từ (có thể đặt trong ngoặc kép); so khớp nguyên từ, không phân biệt hoa thường và dấu: "tin gia" khớp "tin giả"';

/** Terms of a topic rule: up to 200 words or phrases of at most 200 characters. */
const Terms = () =>
  applyDecorators(
    IsOptional(),
    Transform(trimAll),
    IsArray(),
    ArrayMaxSize(200),
    IsString({ each: true }),
    MinLength(1, { each: true, message: 'không được có mục rỗng' }),
    MaxLength(200, { each: true }),
  );

class TopicFields {
  @ApiPropertyOptional({ example: 'Giám sát ngộ độc thực phẩm ở trường học' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: TopicCategory, default: TopicCategory.Other })
  @IsOptional()
  @IsEnum(TopicCategory)
  category?: TopicCategory;

  @ApiPropertyOptional({
    type: [String],
    description: `Khớp khi có ít nhất một. ${TERMS_HELP}`,
    example: ['ngộ độc', 'nhập viện'],
  })
  @Terms()
  anyTerms?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Khớp khi có tất cả', example: ['trường'] })
  @Terms()
  allTerms?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Có một trong các từ này thì không khớp',
    example: ['tập huấn'],
  })
  @Terms()
  noneTerms?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Tên đơn vị (đầy đủ, viết tắt)',
    example: ['Sở Y tế An Hòa'],
  })
  @Terms()
  unitNames?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Tên lãnh đạo đơn vị', example: ['Trần Thị Bích'] })
  @Terms()
  leaderNames?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Mã đơn vị hành chính của phạm vi; đề cập có mã khác thì không khớp, không có mã thì vẫn khớp',
    example: ['26734'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^[0-9A-Za-z._-]{1,20}$/, { each: true, message: 'phải là mã đơn vị hành chính' })
  geoCodes?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateTopicDto extends TopicFields {
  @ApiProperty({ description: 'Đơn vị chủ quản của chủ đề' })
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ example: 'Ngộ độc thực phẩm trường học' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    enum: BUCKET_MINUTES,
    default: 5,
    description: 'Độ dài khung thời gian đếm (phút); không đổi được sau khi tạo',
  })
  @IsOptional()
  @IsIn([...BUCKET_MINUTES], { message: `phải là một trong ${BUCKET_MINUTES.join(', ')} phút` })
  bucketMinutes?: number;
}

export class UpdateTopicDto extends TopicFields {
  @ApiPropertyOptional({ description: 'Chuyển chủ đề sang đơn vị khác (ví dụ sau sắp xếp tổ chức)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;
}

export class ListTopicsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class TopicWindowQueryDto {
  @ApiPropertyOptional({ description: 'Từ thời điểm (ISO 8601), mặc định 24 giờ trước `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Đến thời điểm (ISO 8601, không gồm), mặc định bây giờ' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A topic's rules tried on recent mentions before saving (nothing is stored). */
export class TopicPreviewDto {
  @ApiPropertyOptional({ type: [String], description: 'Khớp khi có ít nhất một' })
  @Terms()
  anyTerms?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Khớp khi có tất cả' })
  @Terms()
  allTerms?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Có một trong các từ này thì không khớp' })
  @Terms()
  noneTerms?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Tên đơn vị (đầy đủ, viết tắt)' })
  @Terms()
  unitNames?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Tên lãnh đạo đơn vị' })
  @Terms()
  leaderNames?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Mã đơn vị hành chính của phạm vi' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^[0-9A-Za-z._-]{1,20}$/, { each: true, message: 'phải là mã đơn vị hành chính' })
  geoCodes?: string[];

  @ApiPropertyOptional({
    default: 7,
    minimum: 1,
    maximum: 31,
    description: 'Xét các đề cập thu thập trong số ngày này',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;
}
