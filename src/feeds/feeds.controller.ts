import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreateFeedDto, ListFeedsQueryDto, UpdateFeedDto } from './dto/feed.dto.js';
import { FeedResponseDto } from './dto/feed.response.js';
import type { Sendable } from '../common/api-response.js';
import type { FeedItem } from '../contracts/feeds.js';
import { FeedsService } from './feeds.service.js';

/** Who reads and manages feeds; the unit scope is checked by the service (src/access/README.md). */
const FEED_ROLES = [Role.Admin, Role.Leader, Role.Analyst];

@ApiTags('feeds')
@ApiBearerAuth()
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get()
  @Roles(...FEED_ROLES)
  @ApiOperation({ summary: 'Các nguồn tin RSS/Atom/JSON Feed và tình trạng lấy tin' })
  @ApiOkResponse({ type: [FeedResponseDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListFeedsQueryDto): Promise<Sendable<FeedItem>[]> {
    return this.feeds.list(user, query.sourceId);
  }

  @Get(':id')
  @Roles(...FEED_ROLES)
  @ApiOperation({ summary: 'Một nguồn tin và tình trạng lấy tin' })
  @ApiOkResponse({ type: FeedResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Sendable<FeedItem>> {
    return this.feeds.get(user, id);
  }

  @Post()
  @Roles(...FEED_ROLES)
  @ApiOperation({
    summary: 'Thêm địa chỉ nguồn tin vào một nguồn tín hiệu loại "feed"; lấy tin lần đầu ngay',
  })
  @ApiOkResponse({ type: FeedResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateFeedDto): Promise<Sendable<FeedItem>> {
    return this.feeds.create(user, dto);
  }

  @Patch(':id')
  @Roles(...FEED_ROLES)
  @ApiOperation({ summary: 'Sửa địa chỉ, thông tin cơ quan báo chí, chu kỳ, bật/tắt' })
  @ApiOkResponse({ type: FeedResponseDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateFeedDto,
  ): Promise<Sendable<FeedItem>> {
    return this.feeds.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...FEED_ROLES)
  @ApiOperation({ summary: 'Xóa địa chỉ nguồn tin (các bài đã nạp vẫn giữ)' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.feeds.remove(user, id);
  }

  @Post(':id/poll')
  @HttpCode(200)
  @Roles(...FEED_ROLES)
  @ApiOperation({ summary: 'Lấy tin ngay; trả về tình trạng sau lần lấy tin này' })
  @ApiOkResponse({ type: FeedResponseDto })
  pollNow(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<FeedItem>> {
    return this.feeds.pollNow(user, id);
  }
}
