import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators.js';
import { PageQueryDto } from '../common/page-query.dto.js';
import type { AuthUser } from '../auth/decorators.js';
import { CreateFactDto, UpdateFactDto } from './dto/fact.dto.js';
import {
  CreateIncidentDto,
  EventsQueryDto,
  ListIncidentsQueryDto,
  TransitionDto,
  UpdateIncidentDto,
} from './dto/incident.dto.js';
import { CreateTaskDto, UpdateTaskDto } from './dto/task.dto.js';
import { IncidentFactsService } from './incident-facts.service.js';
import { IncidentTasksService } from './incident-tasks.service.js';
import { IncidentsService } from './incidents.service.js';
import { FactResponseDto, TaskResponseDto } from './dto/task-fact.response.js';
import { IncidentDetailResponseDto, IncidentPageDto, IncidentResponseDto } from './dto/incident.response.js';
import { IncidentMentionPageDto, TimelinePageDto } from './dto/timeline.response.js';
import type { Sendable } from '../common/api-response.js';
import type { Page } from '../contracts/enums.js';
import type { IncidentDetail, TimelinePage } from '../contracts/incidents.js';
import type { Mention } from '../contracts/signals.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly tasks: IncidentTasksService,
    private readonly facts: IncidentFactsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách sự cố mình được xem, kèm đồng hồ pháp lý' })
  @ApiOkResponse({ type: IncidentPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListIncidentsQueryDto) {
    return this.incidents.list(user, query);
  }

  @Post()
  @ApiOperation({ summary: 'Khai báo sự cố (thủ công) cho đơn vị mình hoặc cấp dưới' })
  @ApiCreatedResponse({ type: IncidentResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateIncidentDto) {
    return this.incidents.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Chi tiết sự cố: trạng thái, mức độ, đơn vị, thời hạn pháp lý, bước chuyển hợp lệ',
  })
  @ApiOkResponse({ type: IncidentDetailResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.incidents.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tiêu đề, tóm tắt, phân loại, mức độ, đơn vị chủ trì/liên quan' })
  @ApiOkResponse({ type: IncidentResponseDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIncidentDto,
  ) {
    return this.incidents.update(user, id, dto);
  }

  @Post(':id/transitions')
  @ApiOperation({ summary: 'Chuyển trạng thái theo vòng đời (bác bỏ, mở lại cần lý do)' })
  @ApiCreatedResponse({ type: IncidentDetailResponseDto })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionDto,
  ): Promise<Sendable<IncidentDetail>> {
    return this.incidents.transition(user, id, dto);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'Dòng thời gian của sự cố, theo seq tăng dần (after=SEQ để lấy tiếp)' })
  @ApiOkResponse({ type: TimelinePageDto })
  events(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: EventsQueryDto,
  ): Promise<Sendable<TimelinePage>> {
    return this.incidents.events(user, id, query);
  }

  @Get(':id/mentions')
  @ApiOperation({ summary: 'Các đề cập (tín hiệu) gắn với sự cố làm bằng chứng' })
  @ApiOkResponse({ type: IncidentMentionPageDto })
  mentions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Sendable<Page<Mention>>> {
    return this.incidents.mentions(user, id, query);
  }

  @Get(':id/tasks')
  @ApiOperation({ summary: 'Nhiệm vụ trong sự cố' })
  @ApiOkResponse({ type: [TaskResponseDto] })
  listTasks(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.tasks.list(user, id);
  }

  @Post(':id/tasks')
  @ApiOperation({ summary: 'Giao nhiệm vụ' })
  @ApiCreatedResponse({ type: TaskResponseDto })
  createTask(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTaskDto,
  ) {
    return this.tasks.create(user, id, dto);
  }

  @Patch(':id/tasks/:taskId')
  @ApiOperation({ summary: 'Cập nhật nhiệm vụ (trạng thái, người nhận, hạn)' })
  @ApiOkResponse({ type: TaskResponseDto })
  updateTask(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() dto: UpdateTaskDto,
  ) {
    return this.tasks.update(user, id, taskId, dto);
  }

  @Get(':id/facts')
  @ApiOperation({ summary: 'Sổ sự kiện đã xác minh' })
  @ApiOkResponse({ type: [FactResponseDto] })
  listFacts(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.facts.list(user, id);
  }

  @Post(':id/facts')
  @ApiOperation({ summary: 'Ghi nhận một sự kiện (chưa/đã xác minh)' })
  @ApiCreatedResponse({ type: FactResponseDto })
  createFact(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateFactDto,
  ) {
    return this.facts.create(user, id, dto);
  }

  @Patch(':id/facts/:factId')
  @ApiOperation({ summary: 'Xác minh, sửa hoặc rút lại một sự kiện' })
  @ApiOkResponse({ type: FactResponseDto })
  updateFact(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('factId', ParseUUIDPipe) factId: string,
    @Body() dto: UpdateFactDto,
  ) {
    return this.facts.update(user, id, factId, dto);
  }
}
