import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { fileResponse } from '../common/api-response.js';
import type { Sendable } from '../common/api-response.js';
import type { OfficerReport, OfficerReportResult } from '../contracts/officer-reports.js';
import { OfficerReportResponseDto, OfficerReportResultResponseDto } from './dto/officer-report.response.js';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreateOfficerReportDto, ListOfficerReportsQueryDto } from './dto/officer-report.dto.js';
import { OfficerReportsService } from './officer-reports.service.js';
import type { EvidenceFile } from './officer-reports.service.js';

@ApiTags('officer-reports')
@ApiBearerAuth()
@Controller('officer-reports')
export class OfficerReportsController {
  constructor(private readonly reports: OfficerReportsService) {}

  @Post()
  @Roles(Role.Leader, Role.Officer)
  @UseInterceptors(FileInterceptor('evidence'))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({
    summary:
      'Cán bộ báo cáo một đề cập (đường dẫn hoặc nội dung, ảnh chụp PNG/JPEG/WebP tối đa REPORT_EVIDENCE_MAX_MB, mặc định 5 MB), có thể mở hoặc gắn vào sự cố ngay',
  })
  @ApiCreatedResponse({ type: OfficerReportResultResponseDto })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateOfficerReportDto,
    @UploadedFile() evidence: EvidenceFile | undefined,
  ): Promise<Sendable<OfficerReportResult>> {
    return this.reports.create(user, dto, evidence);
  }

  @Get()
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({ summary: 'Báo cáo thủ công của các đơn vị trong phạm vi, mới nhất trước' })
  @ApiOkResponse({ type: [OfficerReportResponseDto] })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListOfficerReportsQueryDto,
  ): Promise<Sendable<OfficerReport>[]> {
    return this.reports.list(user, query.orgUnitId);
  }

  @Get(':id')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({ summary: 'Một báo cáo thủ công' })
  @ApiOkResponse({ type: OfficerReportResponseDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<OfficerReport>> {
    return this.reports.get(user, id);
  }

  @Get(':id/evidence')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse(fileResponse(['image/png', 'image/jpeg', 'image/webp']))
  @ApiOperation({ summary: 'Ảnh chụp bằng chứng của báo cáo (chỉ người xem được báo cáo)' })
  async evidence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { type, bytes } = await this.reports.evidence(user, id);
    res
      .status(200)
      .set({
        'Content-Type': type,
        'Content-Length': String(bytes.length),
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline',
        'Cache-Control': 'private, no-store',
      })
      .end(bytes);
  }
}
