import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { DetectionQualityService } from './detection-quality.service.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { DetectionsService } from './detections.service.js';
import { UpdateDetectionSettingsDto } from './dto/detection-settings.dto.js';
import { DeclareDetectionDto, ListDetectionsQueryDto } from './dto/detection.dto.js';
import {
  ApplySuggestionDto,
  DismissWatchSignalDto,
  ListWatchSignalsQueryDto,
} from './dto/watch-signal.dto.js';
import { WatchListService } from './watch-list.service.js';
import { DetectionPageDto, DetectionResponseDto } from './dto/detection.response.js';
import {
  DeclaredDetectionResponseDto,
  DetectionSettingsResponseDto,
  EffectiveDetectionSettingsResponseDto,
  SuggestionAppliedResponseDto,
  TopicQualityResponseDto,
  WatchSignalOpenedResponseDto,
  WatchSignalPageDto,
  WatchSignalResponseDto,
} from './dto/watch-and-thresholds.response.js';
import type { Sendable } from '../common/api-response.js';
import type { Page } from '../contracts/enums.js';
import type {
  DeclaredDetection,
  DetectionSettingsRow,
  EffectiveDetectionSettings,
  SuggestionApplied,
  TopicQuality,
  WatchSignal,
  WatchSignalOpened,
} from '../contracts/detection.js';

@ApiTags('detection')
@ApiBearerAuth()
@Controller()
export class DetectionController {
  constructor(
    private readonly detections: DetectionsService,
    private readonly settings: DetectionSettingsService,
    private readonly visibility: IncidentVisibility,
    private readonly watchList: WatchListService,
    private readonly quality: DetectionQualityService,
  ) {}

  @Get('watch-signals')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({
    summary:
      'Danh sách theo dõi: tín hiệu dưới ngưỡng mở phòng của đơn vị mình và cấp dưới (như sự cố), mới nhất trước',
  })
  @ApiOkResponse({ type: WatchSignalPageDto })
  listWatchSignals(
    @CurrentUser() user: AuthUser,
    @Query() query: ListWatchSignalsQueryDto,
  ): Promise<Sendable<Page<WatchSignal>>> {
    return this.watchList.list(user, query);
  }

  @Post('watch-signals/:id/open')
  @Roles(Role.Leader, Role.Officer)
  @ApiOperation({ summary: 'Mở sự cố từ một tín hiệu theo dõi (mang theo bằng chứng)' })
  @ApiCreatedResponse({ type: WatchSignalOpenedResponseDto })
  openWatchSignal(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<WatchSignalOpened>> {
    return this.watchList.open(user, id);
  }

  @Post('watch-signals/:id/dismiss')
  @Roles(Role.Leader, Role.Officer)
  @ApiOperation({ summary: 'Bỏ qua một tín hiệu theo dõi, có lý do (báo động nhầm được ghi nhận)' })
  @ApiCreatedResponse({ type: WatchSignalResponseDto })
  dismissWatchSignal(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DismissWatchSignalDto,
  ): Promise<Sendable<WatchSignal>> {
    return this.watchList.dismiss(user, id, dto);
  }

  @Get('detection-quality/topics/:topicId')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({
    summary:
      'Độ chính xác của phát hiện trên một chủ đề (90 ngày) và ngưỡng gợi ý tránh các lần báo động nhầm',
  })
  @ApiOkResponse({ type: TopicQualityResponseDto })
  topicQuality(
    @CurrentUser() user: AuthUser,
    @Param('topicId', ParseUUIDPipe) topicId: string,
  ): Promise<Sendable<TopicQuality>> {
    return this.quality.topic(user, topicId);
  }

  @Post('detection-quality/topics/:topicId/apply')
  @Roles(Role.Admin, Role.Leader, Role.Analyst)
  @ApiOperation({
    summary: 'Áp dụng ngưỡng gợi ý cho đơn vị của chủ đề (ghi vào cấu hình có ngày, có nhật ký)',
  })
  @ApiCreatedResponse({ type: SuggestionAppliedResponseDto })
  applySuggestion(
    @CurrentUser() user: AuthUser,
    @Param('topicId', ParseUUIDPipe) topicId: string,
    @Body() dto: ApplySuggestionDto,
  ): Promise<Sendable<SuggestionApplied>> {
    return this.quality.apply(user, topicId, dto);
  }

  @Get('detections')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({
    summary: 'Các lần phát hiện, kèm bằng chứng (quy tắc, cửa sổ, mức nền, z-score, đề cập nổi bật)',
  })
  @ApiOkResponse({ type: DetectionPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListDetectionsQueryDto) {
    return this.detections.list(user, query);
  }

  @Get('detections/:id')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({ summary: 'Một lần phát hiện và bằng chứng đầy đủ' })
  @ApiOkResponse({ type: DetectionResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.detections.get(user, id);
  }

  @Post('detections/manual')
  @Roles(Role.Leader, Role.Officer)
  @ApiOperation({
    summary: 'Cán bộ khai báo khủng hoảng: mở phòng mới hoặc gắn vào sự cố đang mở của chủ đề',
  })
  @ApiCreatedResponse({ type: DeclaredDetectionResponseDto })
  declare(
    @CurrentUser() user: AuthUser,
    @Body() dto: DeclareDetectionDto,
  ): Promise<Sendable<DeclaredDetection>> {
    return this.detections.declare(user, dto);
  }

  @Get('detection-settings')
  @Roles(Role.Leader, Role.Analyst)
  @ApiOperation({ summary: 'Ngưỡng phát hiện: mặc định và của từng đơn vị' })
  @ApiOkResponse({ type: [DetectionSettingsResponseDto] })
  async listSettings(@CurrentUser() user: AuthUser): Promise<Sendable<DetectionSettingsRow[]>> {
    return this.visibility.filterInScope(user, await this.settings.list(), (s) => s.orgUnitId, 'unitData');
  }

  @Get('detection-settings/effective/:orgUnitId')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({
    summary: 'Ngưỡng đang áp dụng cho một đơn vị (của đơn vị, cấp trên gần nhất, hoặc mặc định)',
  })
  @ApiOkResponse({ type: EffectiveDetectionSettingsResponseDto })
  async effective(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
  ): Promise<Sendable<EffectiveDetectionSettings>> {
    await this.visibility.assertUnitInScope(
      user,
      orgUnitId,
      'Chỉ xem được ngưỡng của đơn vị mình',
      'unitData',
    );
    return this.settings.effectiveOfUnit(orgUnitId);
  }

  @Put('detection-settings/default')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa ngưỡng mặc định (quản trị)' })
  @ApiOkResponse({ type: DetectionSettingsResponseDto })
  updateDefault(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateDetectionSettingsDto,
  ): Promise<Sendable<DetectionSettingsRow>> {
    return this.settings.update('default', dto, user);
  }

  @Put('detection-settings/:orgUnitId')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Đặt ngưỡng riêng cho một đơn vị (áp dụng cho cả đơn vị cấp dưới)' })
  @ApiOkResponse({ type: DetectionSettingsResponseDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Body() dto: UpdateDetectionSettingsDto,
  ): Promise<Sendable<DetectionSettingsRow>> {
    return this.settings.update(orgUnitId, dto, user);
  }
}
