import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { DetectionsService } from './detections.service.js';
import { UpdateDetectionSettingsDto } from './dto/detection-settings.dto.js';
import { DeclareDetectionDto, ListDetectionsQueryDto } from './dto/detection.dto.js';

@ApiTags('detection')
@ApiBearerAuth()
@Controller()
export class DetectionController {
  constructor(
    private readonly detections: DetectionsService,
    private readonly settings: DetectionSettingsService,
    private readonly visibility: IncidentVisibility,
  ) {}

  @Get('detections')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({
    summary: 'Các lần phát hiện, kèm bằng chứng (quy tắc, cửa sổ, mức nền, z-score, đề cập nổi bật)',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListDetectionsQueryDto) {
    return this.detections.list(user, query);
  }

  @Get('detections/:id')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({ summary: 'Một lần phát hiện và bằng chứng đầy đủ' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.detections.get(user, id);
  }

  @Post('detections/manual')
  @Roles(Role.Leader, Role.Officer)
  @ApiOperation({
    summary: 'Cán bộ khai báo khủng hoảng: mở phòng mới hoặc gắn vào sự cố đang mở của chủ đề',
  })
  declare(@CurrentUser() user: AuthUser, @Body() dto: DeclareDetectionDto) {
    return this.detections.declare(user, dto);
  }

  @Get('detection-settings')
  @Roles(Role.Leader, Role.Analyst)
  @ApiOperation({ summary: 'Ngưỡng phát hiện: mặc định và của từng đơn vị' })
  async listSettings(@CurrentUser() user: AuthUser) {
    return this.visibility.filterInScope(user, await this.settings.list(), (s) => s.orgUnitId, 'unitData');
  }

  @Get('detection-settings/effective/:orgUnitId')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({
    summary: 'Ngưỡng đang áp dụng cho một đơn vị (của đơn vị, cấp trên gần nhất, hoặc mặc định)',
  })
  async effective(@CurrentUser() user: AuthUser, @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string) {
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
  updateDefault(@CurrentUser() user: AuthUser, @Body() dto: UpdateDetectionSettingsDto) {
    return this.settings.update('default', dto, user);
  }

  @Put('detection-settings/:orgUnitId')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Đặt ngưỡng riêng cho một đơn vị (áp dụng cho cả đơn vị cấp dưới)' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Body() dto: UpdateDetectionSettingsDto,
  ) {
    return this.settings.update(orgUnitId, dto, user);
  }
}
