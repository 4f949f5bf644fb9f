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
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateOfficerReportDto,
    @UploadedFile() evidence: EvidenceFile | undefined,
  ) {
    return this.reports.create(user, dto, evidence);
  }

  @Get()
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({ summary: 'Báo cáo thủ công của các đơn vị trong phạm vi, mới nhất trước' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListOfficerReportsQueryDto) {
    return this.reports.list(user, query.orgUnitId);
  }

  @Get(':id')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiOperation({ summary: 'Một báo cáo thủ công' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.get(user, id);
  }

  @Get(':id/evidence')
  @Roles(Role.Leader, Role.Officer, Role.Analyst)
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
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
