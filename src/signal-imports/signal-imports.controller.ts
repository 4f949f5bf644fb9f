import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import type { Sendable } from '../common/api-response.js';
import type {
  ImportPreview,
  SavedImportMapping,
  SignalImportDetail,
  SignalImportJob,
} from '../contracts/signal-imports.js';
import {
  ImportMappingDto,
  ListImportsQueryDto,
  PreviewImportDto,
  StartImportDto,
  UploadImportDto,
} from './dto/signal-import.dto.js';
import {
  ImportPreviewResponseDto,
  SavedImportMappingResponseDto,
  SignalImportDetailResponseDto,
  SignalImportJobResponseDto,
} from './dto/signal-import.response.js';
import { SignalImportsService } from './signal-imports.service.js';
import type { UploadedFile as StoredFile } from './signal-imports.service.js';

@ApiTags('signal-imports')
@ApiBearerAuth()
@Controller()
export class SignalImportsController {
  constructor(private readonly imports: SignalImportsService) {}

  @Post('signal-imports')
  @Roles(Role.Admin, Role.Analyst, Role.Officer)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['sourceId', 'file'],
      properties: {
        sourceId: { type: 'string', format: 'uuid' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Tải lên tệp CSV hoặc XLSX xuất từ nền tảng lắng nghe (tối đa SIGNAL_IMPORT_MAX_MB, mặc định 50 MB; kiểm tra loại tệp theo nội dung)',
  })
  @ApiCreatedResponse({ type: SignalImportJobResponseDto })
  upload(
    @CurrentUser() user: AuthUser,
    @Body() dto: UploadImportDto,
    @UploadedFile() file: StoredFile | undefined,
  ): Promise<Sendable<SignalImportJob>> {
    return this.imports.upload(user, dto.sourceId, file);
  }

  @Get('signal-imports')
  @Roles(Role.Admin, Role.Leader, Role.Analyst, Role.Officer)
  @ApiOperation({ summary: 'Các lần nhập tệp gần đây (của các nguồn mình được xem)' })
  @ApiOkResponse({ type: [SignalImportJobResponseDto] })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListImportsQueryDto,
  ): Promise<Sendable<SignalImportJob[]>> {
    return this.imports.list(user, query.sourceId);
  }

  @Get('signal-imports/:id')
  @Roles(Role.Admin, Role.Leader, Role.Analyst, Role.Officer)
  @ApiOperation({ summary: 'Tiến độ và kết quả một lần nhập: số dòng, đã nhận, trùng, lỗi từng dòng' })
  @ApiOkResponse({ type: SignalImportDetailResponseDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<SignalImportDetail>> {
    return this.imports.get(user, id);
  }

  @Post('signal-imports/:id/preview')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Analyst, Role.Officer)
  @ApiOperation({ summary: 'Xem trước 20 dòng đầu: mỗi dòng thành đề cập nào, lỗi ở cột nào; không ghi gì' })
  @ApiOkResponse({ type: ImportPreviewResponseDto })
  preview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewImportDto,
  ): Promise<Sendable<ImportPreview>> {
    return this.imports.preview(user, id, dto.mapping);
  }

  @Post('signal-imports/:id/start')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Analyst, Role.Officer)
  @ApiOperation({
    summary:
      'Bắt đầu nhập (chạy nền): tất cả dòng hợp lệ hoặc không gì cả nếu tệp hỏng; dòng lỗi được bỏ qua và liệt kê',
  })
  @ApiAcceptedResponse({ type: SignalImportDetailResponseDto })
  start(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StartImportDto,
  ): Promise<Sendable<SignalImportDetail>> {
    return this.imports.start(user, id, dto);
  }

  @Get('signal-sources/:id/import-mapping')
  @Roles(Role.Admin, Role.Leader, Role.Analyst, Role.Officer)
  @ApiOperation({ summary: 'Cách ghép cột đã lưu của nguồn (null nếu chưa có)' })
  @ApiOkResponse({ type: SavedImportMappingResponseDto })
  async getMapping(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Sendable<SavedImportMapping>> {
    return { mapping: await this.imports.getMapping(user, id) };
  }

  @Put('signal-sources/:id/import-mapping')
  @Roles(Role.Admin, Role.Analyst, Role.Officer)
  @ApiOperation({ summary: 'Lưu cách ghép cột của nguồn (dùng lại cho mọi tệp sau)' })
  @ApiOkResponse({ type: SavedImportMappingResponseDto })
  async saveMapping(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ImportMappingDto,
  ): Promise<Sendable<SavedImportMapping>> {
    return { mapping: await this.imports.saveMapping(user, id, dto) };
  }
}
