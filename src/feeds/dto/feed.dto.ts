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
import { FeedOutletType, FeedPollStatus } from '../entities/feed.entity.js';
import type { Feed, FeedReject } from '../entities/feed.entity.js';

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

export class FeedRejectDto implements FeedReject {
  @ApiProperty() index: number;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: String }) field: string | null;
  @ApiProperty() reason: string;
}

export class FeedHealthDto {
  @ApiProperty({ enum: FeedPollStatus, nullable: true }) lastStatus: FeedPollStatus | null;
  @ApiProperty({ nullable: true, type: Date }) lastPolledAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastSuccessAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'Lỗi gần nhất, bằng tiếng Việt' }) lastError:
    string | null;
  @ApiProperty({ nullable: true, type: Date }) lastErrorAt: Date | null;
  @ApiProperty() consecutiveFailures: number;
  @ApiProperty({ description: 'Số bài đọc được ở lần lấy tin gần nhất' }) itemsSeen: number;
  @ApiProperty({ description: 'Số bài mới được lưu ở lần lấy tin gần nhất' }) itemsNew: number;
  @ApiProperty() itemsSeenTotal: number;
  @ApiProperty() itemsNewTotal: number;
  @ApiProperty({ type: [FeedRejectDto] }) rejects: FeedRejectDto[];
  @ApiProperty({ nullable: true, type: Date }) nextPollAt: Date | null;
  @ApiProperty({ description: 'Đang lấy tin' }) polling: boolean;
}

export class FeedResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() sourceId: string;
  @ApiProperty() url: string;
  @ApiProperty() outletName: string;
  @ApiProperty({ enum: FeedOutletType }) outletType: FeedOutletType;
  @ApiProperty() majorOutlet: boolean;
  @ApiProperty() intervalSeconds: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: FeedHealthDto }) health: FeedHealthDto;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export function mapFeed(feed: Feed, now = Date.now()): FeedResponseDto {
  return {
    id: feed.id,
    sourceId: feed.sourceId,
    url: feed.url,
    outletName: feed.outletName,
    outletType: feed.outletType,
    majorOutlet: feed.majorOutlet,
    intervalSeconds: feed.intervalSeconds,
    active: feed.active,
    health: {
      lastStatus: feed.lastStatus,
      lastPolledAt: feed.lastPolledAt,
      lastSuccessAt: feed.lastSuccessAt,
      lastError: feed.lastError,
      lastErrorAt: feed.lastErrorAt,
      consecutiveFailures: feed.consecutiveFailures,
      itemsSeen: feed.lastItemsSeen,
      itemsNew: feed.lastItemsNew,
      itemsSeenTotal: Number(feed.itemsSeenTotal),
      itemsNewTotal: Number(feed.itemsNewTotal),
      rejects: feed.lastRejects,
      nextPollAt: feed.active ? feed.nextPollAt : null,
      polling: feed.pollLeaseUntil !== null && feed.pollLeaseUntil.getTime() > now,
    },
    createdAt: feed.createdAt,
    updatedAt: feed.updatedAt,
  };
}
