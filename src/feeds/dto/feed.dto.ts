import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { FeedOutletType } from '../entities/feed.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const URL_MESSAGE = 'url: phải là địa chỉ http:// hoặc https:// của nguồn RSS, Atom hoặc JSON Feed';
/** Longest polling interval: one day. The shortest is FEEDS_MIN_INTERVAL_SECONDS (checked by the service). */
export const MAX_INTERVAL_SECONDS = 86_400;

export class CreateFeedDto {
  @ApiProperty({ description: 'Nguồn tín hiệu loại "feed" nhận các bài' })
  @IsUUID()
  sourceId: string;

  @ApiProperty({ example: 'https://baoanhoa.vn/rss/thoi-su.rss' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url: string;

  @ApiProperty({ example: 'Báo An Hòa' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  outletName: string;

  @ApiProperty({
    enum: FeedOutletType,
    description: 'Báo điện tử, báo in, phát thanh-truyền hình, tạp chí, cổng thông tin',
  })
  @IsEnum(FeedOutletType)
  outletType: FeedOutletType;

  @ApiPropertyOptional({ description: 'Tính là cơ quan báo chí lớn khi phát hiện sự cố', default: false })
  @IsOptional()
  @IsBoolean()
  majorOutlet?: boolean;

  @ApiProperty({ example: 300, description: 'Chu kỳ lấy tin (giây)' })
  @IsInt()
  @Min(1)
  @Max(MAX_INTERVAL_SECONDS)
  intervalSeconds: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateFeedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  outletName?: string;

  @ApiPropertyOptional({ enum: FeedOutletType })
  @IsOptional()
  @IsEnum(FeedOutletType)
  outletType?: FeedOutletType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  majorOutlet?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INTERVAL_SECONDS)
  intervalSeconds?: number;

  @ApiPropertyOptional({ description: 'false: ngừng lấy tin' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListFeedsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  sourceId?: string;
}
