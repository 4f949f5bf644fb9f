import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime } from '../../common/api-response.js';
import type { Sendable } from '../../common/api-response.js';
import { FEED_OUTLET_TYPES, FEED_POLL_STATUSES } from '../../contracts/feeds.js';
import type {
  FeedHealth,
  FeedItem,
  FeedOutletTypeValue,
  FeedPollStatusValue,
  FeedRejectItem,
} from '../../contracts/feeds.js';
import type { Feed } from '../entities/feed.entity.js';

/** A news feed and its health, as `/api/feeds` sends it. */

export class FeedRejectDto implements FeedRejectItem {
  @ApiProperty() index: number;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: String }) field: string | null;
  @ApiProperty() reason: string;
}

export class FeedHealthDto implements FeedHealth {
  @ApiProperty({ enum: FEED_POLL_STATUSES, nullable: true }) lastStatus: FeedPollStatusValue | null;
  @NullableDateTime() lastPolledAt: string | null;
  @NullableDateTime() lastSuccessAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Lỗi gần nhất, bằng tiếng Việt' }) lastError:
    string | null;
  @NullableDateTime() lastErrorAt: string | null;
  @ApiProperty() consecutiveFailures: number;
  @ApiProperty({ description: 'Số bài đọc được ở lần lấy tin gần nhất' }) itemsSeen: number;
  @ApiProperty({ description: 'Số bài mới được lưu ở lần lấy tin gần nhất' }) itemsNew: number;
  @ApiProperty() itemsSeenTotal: number;
  @ApiProperty() itemsNewTotal: number;
  @ApiProperty({ type: [FeedRejectDto] }) rejects: FeedRejectDto[];
  @NullableDateTime({ description: 'Null while the feed is off' }) nextPollAt: string | null;
  @ApiProperty({ description: 'Đang lấy tin' }) polling: boolean;
}

export class FeedResponseDto implements FeedItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty() url: string;
  @ApiProperty() outletName: string;
  @ApiProperty({ enum: FEED_OUTLET_TYPES }) outletType: FeedOutletTypeValue;
  @ApiProperty() majorOutlet: boolean;
  @ApiProperty() intervalSeconds: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: FeedHealthDto }) health: FeedHealthDto;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

/** A feed as the API sends it (dates become ISO strings in JSON). */
export function mapFeed(feed: Feed, now = Date.now()): Sendable<FeedItem> {
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
