import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import type { Sendable } from '../common/api-response.js';
import type {
  InquiryTransfer,
  PressDashboard,
  PressInquiryDetail,
  PressInquiryList,
  RefusalGround,
  RefusalGroundList,
} from '../contracts/press.js';
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
import {
  InquiryTransferResponseDto,
  PressDashboardResponseDto,
  PressInquiryDetailResponseDto,
  PressInquiryListResponseDto,
  RefusalGroundListResponseDto,
  RefusalGroundResponseDto,
} from './dto/inquiry.response.js';
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
  @ApiOkResponse({ type: PressDashboardResponseDto })
  dashboard(
    @CurrentUser() user: AuthUser,
    @Query() query: DashboardQueryDto,
  ): Promise<Sendable<PressDashboard>> {
    return this.dashboardService.dashboard(user, query);
  }

  @Get('inquiries')
  @ApiOkResponse({ type: PressInquiryListResponseDto })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListInquiriesQueryDto,
  ): Promise<Sendable<PressInquiryList>> {
    return this.inquiries.list(user, query);
  }

  @Post('inquiries')
  @ApiOperation({ summary: 'Tiếp nhận đề nghị cung cấp thông tin: chuyển đơn vị, tính hạn trả lời' })
  @ApiCreatedResponse({ type: PressInquiryDetailResponseDto })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInquiryDto,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.inquiries.create(user, dto);
  }

  @Get('inquiries/:id')
  @ApiOkResponse({ type: PressInquiryDetailResponseDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.inquiries.get(user, id);
  }

  @Post('inquiries/:id/assign')
  @ApiCreatedResponse({ type: PressInquiryDetailResponseDto })
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignInquiryDto,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.inquiries.assign(user, id, dto);
  }

  @Patch('inquiries/:id/questions/:questionId')
  @ApiOperation({ summary: 'Trả lời riêng từng câu hỏi' })
  @ApiOkResponse({ type: PressInquiryDetailResponseDto })
  answerQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: AnswerQuestionDto,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.inquiries.answerQuestion(user, id, questionId, dto);
  }

  @Post('inquiries/:id/incident')
  @ApiOperation({ summary: 'Gắn với sự cố đang mở, hoặc mở sự cố từ đề nghị' })
  @ApiCreatedResponse({ type: PressInquiryDetailResponseDto })
  link(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LinkIncidentDto,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.inquiries.linkIncident(user, id, dto);
  }

  @Post('inquiries/:id/transfer')
  @ApiCreatedResponse({ type: InquiryTransferResponseDto })
  transfer(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransferInquiryDto,
  ): Promise<Sendable<InquiryTransfer>> {
    return this.inquiries.transfer(user, id, dto);
  }

  @Post('inquiries/:id/answer')
  @ApiOperation({ summary: 'Soạn văn bản trả lời (hoặc từ chối có căn cứ) để trình duyệt' })
  @ApiCreatedResponse({ type: PressInquiryDetailResponseDto })
  draft(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DraftAnswerDto,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.answers.draft(user, id, dto);
  }

  @Post('inquiries/:id/send')
  @ApiOperation({ summary: 'Gửi văn bản đã phê duyệt cho nhà báo qua thư điện tử' })
  @ApiCreatedResponse({ type: PressInquiryDetailResponseDto })
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SendAnswerDto,
  ): Promise<Sendable<PressInquiryDetail>> {
    return this.answers.send(user, id, dto);
  }

  @Get('refusal-grounds')
  @ApiOperation({ summary: 'Căn cứ từ chối cung cấp thông tin (có thời hạn hiệu lực)' })
  @ApiOkResponse({ type: RefusalGroundListResponseDto })
  refusalGrounds(@Query() query: RefusalGroundsQueryDto): Promise<Sendable<RefusalGroundList>> {
    return this.grounds.list(query.on);
  }

  @Post('refusal-grounds')
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: RefusalGroundResponseDto })
  createGround(@Body() dto: CreateRefusalGroundDto): Promise<Sendable<RefusalGround>> {
    return this.grounds.create(dto);
  }

  @Patch('refusal-grounds/:id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: RefusalGroundResponseDto })
  endGround(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateRefusalGroundDto,
  ): Promise<Sendable<RefusalGround>> {
    return this.grounds.update(id, dto);
  }
}
