import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { ProposePlaybookDto } from '../playbooks/dto/playbook.dto.js';
import {
  PeriodicReportQueryDto,
  ReopenReviewDto,
  ReportFormatQueryDto,
  UpdateReviewDto,
} from './dto/report.dto.js';
import type { RenderedReport } from './reports.service.js';
import { ReportsService } from './reports.service.js';
import { ReviewsService } from './reviews.service.js';
import { IncidentReviewResponseDto } from './dto/review.response.js';
import { PlaybookProposalDto } from '../playbooks/dto/playbook.response.js';
import type { Sendable } from '../common/api-response.js';
import type { PlaybookProposal } from '../contracts/playbooks.js';
import type { IncidentReview } from '../contracts/reports.js';
import { ReviewReportDto } from './dto/review-report.response.js';
import { PeriodicReportDto } from './dto/periodic-report.response.js';

/** The formats of a computed report: JSON (typed), and the same report as a Markdown, HTML, PDF or DOCX document. */
const REPORT_FORMATS = {
  'text/markdown': 'text',
  'text/html': 'text',
  'application/pdf': 'binary',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'binary',
} as const;

const reportResponse = (dto: new () => object, description: string) => ({
  description,
  content: {
    'application/json': { schema: { $ref: getSchemaPath(dto) } },
    ...Object.fromEntries(
      Object.entries(REPORT_FORMATS).map(([type, kind]) => [
        type,
        { schema: kind === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' } },
      ]),
    ),
  },
});

function send(res: Response, r: RenderedReport) {
  if (r.contentType === 'application/json') {
    res.json(r.body);
    return;
  }
  const inline = r.contentType.startsWith('text/html');
  res
    .type(r.contentType)
    .setHeader(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${r.filename}"; filename*=UTF-8''${encodeURIComponent(r.filename)}`,
    )
    .send(r.body);
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(ReviewReportDto, PeriodicReportDto)
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get('incidents/:id/review')
  @ApiOperation({ summary: 'Nội dung rút kinh nghiệm do Tổ công tác nhập' })
  @ApiOkResponse({ type: IncidentReviewResponseDto })
  getReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<IncidentReview>> {
    return this.reviews.get(user, id);
  }

  @Put('incidents/:id/review')
  @ApiOperation({
    summary: 'Cập nhật nội dung rút kinh nghiệm (việc làm tốt, hạn chế, bài học, việc cần làm)',
  })
  @ApiOkResponse({ type: IncidentReviewResponseDto })
  updateReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateReviewDto,
  ): Promise<Sendable<IncidentReview>> {
    return this.reviews.update(user, id, dto);
  }

  @Post('incidents/:id/review/complete')
  @ApiOperation({ summary: 'Hoàn thành rút kinh nghiệm (điều kiện để đóng sự cố)' })
  @ApiCreatedResponse({ type: IncidentReviewResponseDto })
  completeReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<IncidentReview>> {
    return this.reviews.complete(user, id);
  }

  @Post('incidents/:id/review/reopen')
  @ApiOperation({ summary: 'Mở lại báo cáo rút kinh nghiệm để sửa (trước khi đóng sự cố)' })
  @ApiCreatedResponse({ type: IncidentReviewResponseDto })
  reopenReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReopenReviewDto,
  ): Promise<Sendable<IncidentReview>> {
    return this.reviews.reopen(user, id, dto.reason);
  }

  @Post('incidents/:id/review/playbook-proposals')
  @ApiOperation({ summary: 'Đề xuất sửa cẩm nang từ bài học của sự cố này' })
  @ApiCreatedResponse({ type: PlaybookProposalDto })
  propose(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProposePlaybookDto,
  ): Promise<Sendable<PlaybookProposal>> {
    return this.reviews.proposePlaybook(user, id, dto);
  }

  @Get('incidents/:id/report')
  @ApiOperation({
    summary: 'Báo cáo kết quả xử lý và rút kinh nghiệm, tính từ nhật ký sự cố (json, md, html, pdf, docx)',
  })
  @ApiProduces('application/json', ...Object.keys(REPORT_FORMATS))
  @ApiOkResponse(
    reportResponse(
      ReviewReportDto,
      'format=json: the report as data; md, html, pdf, docx: the same report as an official document',
    ),
  )
  async review(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReportFormatQueryDto,
    @Res() res: Response,
  ) {
    const report = await this.reports.review(user, id);
    send(res, await this.reports.render(report, query.format ?? 'json', `bao-cao-${report.incident.code}`));
  }

  @Get('reports/periodic')
  @ApiOperation({ summary: 'Báo cáo định kỳ của đơn vị cho một kỳ (json, md, html, pdf, docx)' })
  @ApiProduces('application/json', ...Object.keys(REPORT_FORMATS))
  @ApiOkResponse(
    reportResponse(
      PeriodicReportDto,
      'format=json: the report as data; md, html, pdf, docx: the same report as an official document',
    ),
  )
  async periodic(
    @CurrentUser() user: AuthUser,
    @Query() query: PeriodicReportQueryDto,
    @Res() res: Response,
  ) {
    const report = await this.reports.periodic(user, query);
    send(
      res,
      await this.reports.render(report, query.format ?? 'json', `bao-cao-dinh-ky-${query.from}-${query.to}`),
    );
  }
}
