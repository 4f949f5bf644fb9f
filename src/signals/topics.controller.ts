import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import {
  CreateTopicDto,
  ListTopicsQueryDto,
  TopicPreviewDto,
  TopicWindowQueryDto,
  UpdateTopicDto,
} from './dto/topic.dto.js';
import { SignalsService } from './signals.service.js';
import { TopicsService } from './topics.service.js';
import { topicWindow } from './topic-window.js';
import {
  TopicBucketResponseDto,
  TopicMentionResponseDto,
  TopicPreviewResponseDto,
  WatchTopicResponseDto,
} from './dto/signals.response.js';
import type { Sendable } from '../common/api-response.js';
import type { TopicBucket, TopicMention, TopicPreview } from '../contracts/signals.js';

const READERS = [Role.Admin, Role.Leader, Role.Analyst, Role.Officer];
const WRITERS = [Role.Admin, Role.Analyst, Role.Leader];

@ApiTags('signals')
@ApiBearerAuth()
@Controller('topics')
export class TopicsController {
  constructor(
    private readonly topics: TopicsService,
    private readonly signals: SignalsService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Danh sách chủ đề theo dõi' })
  @ApiOkResponse({ type: [WatchTopicResponseDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListTopicsQueryDto) {
    return this.topics.list(user, query);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Tạo chủ đề theo dõi: từ khóa, tên đơn vị, tên lãnh đạo, phạm vi địa bàn' })
  @ApiCreatedResponse({ type: WatchTopicResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTopicDto) {
    return this.topics.create(user, dto);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Thử quy tắc của chủ đề trên các đề cập gần đây (không lưu gì)' })
  @ApiOkResponse({ type: TopicPreviewResponseDto })
  preview(@CurrentUser() user: AuthUser, @Body() dto: TopicPreviewDto): Promise<Sendable<TopicPreview>> {
    return this.topics.preview(user, dto);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Chi tiết chủ đề theo dõi' })
  @ApiOkResponse({ type: WatchTopicResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.topics.getVisible(user, id);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Sửa chủ đề theo dõi (có hiệu lực ngay với các lô nạp sau)' })
  @ApiOkResponse({ type: WatchTopicResponseDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTopicDto) {
    return this.topics.update(user, id, dto);
  }

  @Get(':id/buckets')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Số liệu theo khung thời gian của chủ đề (mặc định 24 giờ qua)' })
  @ApiOkResponse({ type: [TopicBucketResponseDto] })
  async buckets(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TopicWindowQueryDto,
  ): Promise<Sendable<TopicBucket[]>> {
    await this.topics.getVisible(user, id);
    const { from, to } = topicWindow(query);
    return this.signals.getBuckets(id, from, to);
  }

  @Get(':id/mentions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Đề cập nổi bật của chủ đề: tiêu cực trước, rồi theo lượt tiếp cận' })
  @ApiOkResponse({ type: [TopicMentionResponseDto] })
  async mentions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TopicWindowQueryDto,
  ): Promise<Sendable<TopicMention[]>> {
    await this.topics.getVisible(user, id);
    const { from, to } = topicWindow(query);
    return this.signals.topMentions(id, from, to, query.limit ?? 50);
  }
}
