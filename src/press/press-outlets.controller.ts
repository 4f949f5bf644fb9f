import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { fileResponse } from '../common/api-response.js';
import type { Sendable } from '../common/api-response.js';
import type {
  JournalistsImportResult,
  PressInquiryList,
  PressJournalist,
  PressJournalistList,
  PressOutlet,
  PressOutletList,
} from '../contracts/press.js';
import { ImportQueryDto } from '../directory/dto/directory-document.dto.js';
import { ListInquiriesQueryDto } from './dto/inquiry.dto.js';
import {
  CreateJournalistDto,
  CreateOutletDto,
  ListJournalistsQueryDto,
  ListOutletsQueryDto,
  UpdateJournalistDto,
  UpdateOutletDto,
} from './dto/outlet.dto.js';
import { PressInquiryListResponseDto } from './dto/inquiry.response.js';
import {
  JournalistsImportResultResponseDto,
  PressJournalistListResponseDto,
  PressJournalistResponseDto,
  PressOutletListResponseDto,
  PressOutletResponseDto,
} from './dto/outlet.response.js';
import { PressAccess } from './press-access.js';
import { PressInquiriesService } from './press-inquiries.service.js';
import { journalistView } from './press-inquiry.views.js';
import { PressOutletsService } from './press-outlets.service.js';

const PRESS_DESK = [Role.Admin, Role.Leader, Role.Officer];

/** Outlets and journalists. Contacts of journalists only for the press office (src/access/README.md). */
@ApiTags('press')
@ApiBearerAuth()
@Controller('press')
export class PressOutletsController {
  constructor(
    private readonly outlets: PressOutletsService,
    private readonly inquiries: PressInquiriesService,
    private readonly access: PressAccess,
  ) {}

  @Get('outlets')
  @ApiOperation({ summary: 'Danh sách cơ quan báo chí' })
  @ApiOkResponse({ type: PressOutletListResponseDto })
  listOutlets(@Query() query: ListOutletsQueryDto): Promise<Sendable<PressOutletList>> {
    return this.outlets.list(query);
  }

  @Get('outlets/:id')
  @ApiOkResponse({ type: PressOutletResponseDto })
  getOutlet(@Param('id', ParseUUIDPipe) id: string): Promise<Sendable<PressOutlet>> {
    return this.outlets.get(id);
  }

  @Post('outlets')
  @Roles(Role.Admin, Role.Leader)
  @ApiOperation({ summary: 'Thêm cơ quan báo chí' })
  @ApiCreatedResponse({ type: PressOutletResponseDto })
  createOutlet(@Body() dto: CreateOutletDto): Promise<Sendable<PressOutlet>> {
    return this.outlets.createOutlet(dto);
  }

  @Patch('outlets/:id')
  @Roles(Role.Admin, Role.Leader)
  @ApiOkResponse({ type: PressOutletResponseDto })
  updateOutlet(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOutletDto,
  ): Promise<Sendable<PressOutlet>> {
    return this.outlets.updateOutlet(id, dto);
  }

  @Get('journalists')
  @Roles(...PRESS_DESK)
  @ApiOperation({ summary: 'Danh sách nhà báo (liên hệ chỉ hiện cho bộ phận báo chí)' })
  @ApiOkResponse({ type: PressJournalistListResponseDto })
  async listJournalists(
    @CurrentUser() user: AuthUser,
    @Query() query: ListJournalistsQueryDto,
  ): Promise<Sendable<PressJournalistList>> {
    const contacts = await this.access.isPressOffice(user);
    const { items, total } = await this.outlets.listJournalists(query);
    return { items: items.map((j) => journalistView(j, { contacts })), total };
  }

  @Get('journalists/:id')
  @Roles(...PRESS_DESK)
  @ApiOkResponse({ type: PressJournalistResponseDto })
  async getJournalist(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<PressJournalist>> {
    return journalistView(await this.outlets.getJournalist(id), {
      contacts: await this.access.isPressOffice(user),
    });
  }

  @Get('journalists/:id/inquiries')
  @Roles(...PRESS_DESK)
  @ApiOperation({ summary: 'Các đề nghị của nhà báo (trong phạm vi đơn vị được xem)' })
  @ApiOkResponse({ type: PressInquiryListResponseDto })
  journalistHistory(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListInquiriesQueryDto,
  ): Promise<Sendable<PressInquiryList>> {
    return this.inquiries.historyOf(user, id, query);
  }

  @Post('journalists')
  @Roles(Role.Admin, Role.Leader, Role.Officer)
  @ApiCreatedResponse({ type: PressJournalistResponseDto })
  async createJournalist(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateJournalistDto,
  ): Promise<Sendable<PressJournalist>> {
    await this.access.assertPressOffice(user);
    return journalistView(await this.outlets.createJournalist(dto), { contacts: true });
  }

  @Patch('journalists/:id')
  @Roles(Role.Admin, Role.Leader, Role.Officer)
  @ApiOkResponse({ type: PressJournalistResponseDto })
  async updateJournalist(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateJournalistDto,
  ): Promise<Sendable<PressJournalist>> {
    await this.access.assertPressOffice(user);
    return journalistView(await this.outlets.updateJournalist(id, dto), { contacts: true });
  }

  @Get('export/journalists.csv')
  @Roles(Role.Admin)
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="journalists.csv"')
  @ApiOperation({ summary: 'Xuất danh sách nhà báo và cơ quan báo chí dạng CSV' })
  @ApiOkResponse(fileResponse(['text/csv']))
  exportCsv() {
    return this.outlets.exportJournalistsCsv();
  }

  @Post('import/journalists.csv')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'full_name,outlet_name,outlet_type,press_card_number,press_card_expires_on,email,phone,beat\nNguyễn Thị Hà,Báo An Hòa,newspaper,,,,,Y tế',
    },
  })
  @ApiOperation({ summary: 'Nhập nhà báo từ CSV: e-mail hoặc số thẻ đã có thì cập nhật; lỗi: không ghi gì' })
  @ApiOkResponse({ type: JournalistsImportResultResponseDto })
  importCsv(
    @Body() body: string,
    @Query() query: ImportQueryDto,
  ): Promise<Sendable<JournalistsImportResult>> {
    return this.outlets.importJournalistsCsv(typeof body === 'string' ? body : '', query.dryRun ?? false);
  }
}
