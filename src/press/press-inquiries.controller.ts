import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import {
  AnswerQuestionDto,
  AssignInquiryDto,
  CreateInquiryDto,
  DashboardQueryDto,
  DraftAnswerDto,
  LinkIncidentDto,
  ListInquiriesQueryDto,
  SendAnswerDto,
  TransferInquiryDto,
} from './dto/inquiry.dto.js';
import {
  CreateRefusalGroundDto,
  RefusalGroundsQueryDto,
  UpdateRefusalGroundDto,
} from './dto/refusal-ground.dto.js';
import { PressAnswersFlow } from './press-answers.flow.js';
import { PressDashboardService } from './press-dashboard.service.js';
import { PressInquiriesService } from './press-inquiries.service.js';
import { PressRefusalGroundsService } from './press-refusal-grounds.service.js';

const PRESS_DESK = [Role.Admin, Role.Leader, Role.Officer];

/** Requests for information from the press, their answers, the desk's dashboard and the refusal grounds. */
@ApiTags('press')
@ApiBearerAuth()
@Controller('press')
@Roles(...PRESS_DESK)
export class PressInquiriesController {
  constructor(
    private readonly inquiries: PressInquiriesService,
    private readonly answers: PressAnswersFlow,
    private readonly dashboardService: PressDashboardService,
    private readonly grounds: PressRefusalGroundsService,
  ) {}

  @Get('dashboard')
  @ApiOperation({ summary: 'Đề nghị đang mở theo hạn, quá hạn theo đơn vị, thời gian trả lời theo đơn vị' })
  dashboard(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto) {
    return this.dashboardService.dashboard(user, query);
  }

  @Get('inquiries')
  list(@CurrentUser() user: AuthUser, @Query() query: ListInquiriesQueryDto) {
    return this.inquiries.list(user, query);
  }

  @Post('inquiries')
  @ApiOperation({ summary: 'Tiếp nhận đề nghị cung cấp thông tin: chuyển đơn vị, tính hạn trả lời' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateInquiryDto) {
    return this.inquiries.create(user, dto);
  }

  @Get('inquiries/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.inquiries.get(user, id);
  }

  @Post('inquiries/:id/assign')
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignInquiryDto,
  ) {
    return this.inquiries.assign(user, id, dto);
  }

  @Patch('inquiries/:id/questions/:questionId')
  @ApiOperation({ summary: 'Trả lời riêng từng câu hỏi' })
  answerQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: AnswerQuestionDto,
  ) {
    return this.inquiries.answerQuestion(user, id, questionId, dto);
  }

  @Post('inquiries/:id/incident')
  @ApiOperation({ summary: 'Gắn với sự cố đang mở, hoặc mở sự cố từ đề nghị' })
  link(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LinkIncidentDto) {
    return this.inquiries.linkIncident(user, id, dto);
  }

  @Post('inquiries/:id/transfer')
  transfer(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransferInquiryDto,
  ) {
    return this.inquiries.transfer(user, id, dto);
  }

  @Post('inquiries/:id/answer')
  @ApiOperation({ summary: 'Soạn văn bản trả lời (hoặc từ chối có căn cứ) để trình duyệt' })
  draft(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DraftAnswerDto) {
    return this.answers.draft(user, id, dto);
  }

  @Post('inquiries/:id/send')
  @ApiOperation({ summary: 'Gửi văn bản đã phê duyệt cho nhà báo qua thư điện tử' })
  send(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendAnswerDto) {
    return this.answers.send(user, id, dto);
  }

  @Get('refusal-grounds')
  @ApiOperation({ summary: 'Căn cứ từ chối cung cấp thông tin (có thời hạn hiệu lực)' })
  refusalGrounds(@Query() query: RefusalGroundsQueryDto) {
    return this.grounds.list(query.on);
  }

  @Post('refusal-grounds')
  @Roles(Role.Admin)
  createGround(@Body() dto: CreateRefusalGroundDto) {
    return this.grounds.create(dto);
  }

  @Patch('refusal-grounds/:id')
  @Roles(Role.Admin)
  endGround(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRefusalGroundDto) {
    return this.grounds.update(id, dto);
  }
}
