import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { AuthUser } from '../../auth/decorators.js';
import { Role } from '../../auth/role.js';
import { fileResponse } from '../../common/api-response.js';
import type { Sendable } from '../../common/api-response.js';
import type {
  CadenceDashboard,
  CadenceRule,
  PreparedLineSources,
  PressConferenceDetail,
  PressConferenceList,
} from '../../contracts/press.js';
import {
  AskedQuestionDto,
  CadenceQueryDto,
  CommitmentDto,
  CreateCadenceRuleDto,
  CreateConferenceDto,
  HoldConferenceDto,
  ListConferencesQueryDto,
  MinutesQueryDto,
  UpdateConferenceDto,
} from './dto/press-conference.dto.js';
import {
  CadenceDashboardResponseDto,
  CadenceRuleResponseDto,
  PreparedLineSourcesResponseDto,
  PressConferenceDetailResponseDto,
  PressConferenceListResponseDto,
} from './dto/press-conference.response.js';
import { PressCadenceService } from './press-cadence.service.js';
import { PressConferenceMinutes } from './press-conference-minutes.js';
import { PressConferencesService } from './press-conferences.service.js';

@ApiTags('press')
@ApiBearerAuth()
@Controller('press/conferences')
@Roles(Role.Leader, Role.Officer)
export class PressConferencesController {
  constructor(
    private readonly conferences: PressConferencesService,
    private readonly cadence: PressCadenceService,
    private readonly minutes: PressConferenceMinutes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Các cuộc họp báo của đơn vị trong phạm vi' })
  @ApiOkResponse({ type: PressConferenceListResponseDto })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListConferencesQueryDto,
  ): Promise<Sendable<PressConferenceList>> {
    return this.conferences.list(user, query);
  }

  @Post()
  @ApiOperation({ summary: 'Lập kế hoạch họp báo: chương trình, báo được mời, câu hỏi dự kiến' })
  @ApiCreatedResponse({ type: PressConferenceDetailResponseDto })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateConferenceDto,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.create(user, dto);
  }

  @Get('cadence')
  @ApiOperation({
    summary: 'Các đơn vị chậm họp báo định kỳ theo quy định (NĐ 09/2017 hoặc quy định của tỉnh)',
  })
  @ApiOkResponse({ type: CadenceDashboardResponseDto })
  dashboard(
    @CurrentUser() user: AuthUser,
    @Query() query: CadenceQueryDto,
  ): Promise<Sendable<CadenceDashboard>> {
    return this.cadence.dashboard(user, query);
  }

  @Get('cadence-rules')
  @ApiOperation({ summary: 'Quy định tần suất họp báo định kỳ (có ngày hiệu lực)' })
  @ApiOkResponse({ type: [CadenceRuleResponseDto] })
  rules(): Promise<Sendable<CadenceRule[]>> {
    return this.cadence.rules();
  }

  @Post('cadence-rules')
  @Roles(Role.Leader)
  @ApiOperation({ summary: 'Thêm quy định tần suất họp báo cho một đơn vị (quản trị: mặc định)' })
  @ApiCreatedResponse({ type: CadenceRuleResponseDto })
  createRule(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCadenceRuleDto,
  ): Promise<Sendable<CadenceRule>> {
    return this.cadence.createRule(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một cuộc họp báo: kế hoạch, câu hỏi, cam kết' })
  @ApiOkResponse({ type: PressConferenceDetailResponseDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa kế hoạch họp báo (trước khi diễn ra)' })
  @ApiOkResponse({ type: PressConferenceDetailResponseDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateConferenceDto,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.update(user, id, dto);
  }

  @Get(':id/prepared-line-sources')
  @ApiOperation({
    summary: 'Sự kiện đã xác minh và văn bản đã duyệt của sự cố liên quan, để soạn nội dung trả lời',
  })
  @ApiOkResponse({ type: PreparedLineSourcesResponseDto })
  sources(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<PreparedLineSources>> {
    return this.conferences.preparedLineSources(user, id);
  }

  @Post(':id/held')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ghi nhận cuộc họp báo đã diễn ra: báo tham dự, văn bản phát hành, kết luận' })
  @ApiOkResponse({ type: PressConferenceDetailResponseDto })
  hold(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HoldConferenceDto,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.hold(user, id, dto);
  }

  @Post(':id/questions')
  @ApiOperation({ summary: 'Câu hỏi phóng viên đặt ra tại họp báo và nội dung trả lời' })
  @ApiCreatedResponse({ type: PressConferenceDetailResponseDto })
  question(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AskedQuestionDto,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.addQuestion(user, id, dto);
  }

  @Post(':id/commitments')
  @ApiOperation({ summary: 'Cam kết tại họp báo: nội dung, đơn vị thực hiện, thời hạn' })
  @ApiCreatedResponse({ type: PressConferenceDetailResponseDto })
  commitment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommitmentDto,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.addCommitment(user, id, dto);
  }

  @Post(':id/commitments/:commitmentId/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cam kết đã thực hiện' })
  @ApiOkResponse({ type: PressConferenceDetailResponseDto })
  done(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commitmentId', ParseUUIDPipe) commitmentId: string,
  ): Promise<Sendable<PressConferenceDetail>> {
    return this.conferences.completeCommitment(user, id, commitmentId);
  }

  @Get(':id/minutes')
  @ApiOperation({ summary: 'Biên bản họp báo (PDF, DOCX, HTML) theo thể thức Nghị định 30/2020/NĐ-CP' })
  @ApiOkResponse(
    fileResponse([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/html',
    ]),
  )
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MinutesQueryDto,
    @Res() res: Response,
  ) {
    const file = await this.minutes.render(user, id, query.format ?? 'pdf');
    const inline = file.contentType.startsWith('text/html');
    res
      .type(file.contentType)
      .setHeader(
        'Content-Disposition',
        `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .send(file.body);
  }
}
