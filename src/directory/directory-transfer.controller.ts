import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { fileResponse } from '../common/api-response.js';
import type { DirectoryImportResult, PeopleCsvImportResult } from '../contracts/directory.js';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { DirectoryTransferService } from './directory-transfer.service.js';
import { DirectoryDocumentDto, ImportQueryDto } from './dto/directory-document.dto.js';
import { DirectoryImportResultResponseDto, PeopleCsvImportResultResponseDto } from './dto/person.response.js';

@ApiTags('directory')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('directory')
export class DirectoryTransferController {
  constructor(private readonly transfer: DirectoryTransferService) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Nhập danh bạ (đơn vị, chức năng, kế thừa, người, chỉ định phát ngôn) từ JSON; có lỗi ở bất kỳ dòng nào thì không ghi gì',
  })
  @ApiOkResponse({ type: DirectoryImportResultResponseDto })
  import(@Body() doc: DirectoryDocumentDto, @Query() query: ImportQueryDto): Promise<DirectoryImportResult> {
    return this.transfer.importDocument(doc, query.dryRun ?? false);
  }

  @Get('export')
  @ApiOperation({ summary: 'Xuất toàn bộ danh bạ theo đúng định dạng nhập' })
  @ApiOkResponse({ type: DirectoryDocumentDto, description: 'Cùng định dạng với tệp nhập' })
  export() {
    return this.transfer.exportDocument();
  }

  @Get('export/people.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="people.csv"')
  @ApiOperation({ summary: 'Xuất danh bạ người dạng CSV' })
  @ApiOkResponse(fileResponse(['text/csv']))
  exportPeopleCsv() {
    return this.transfer.exportPeopleCsv();
  }

  @Post('import/people.csv')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'full_name,position,org_unit_code,phone,email,tags\nNguyễn Văn A,Chuyên viên,AH-SVHTTDL,,a@example.vn,drafting;monitoring',
    },
  })
  @ApiOperation({
    summary:
      'Nhập người từ CSV (full_name, position, org_unit_code, phone, email, tags cách nhau bởi ;): e-mail đã có thì cập nhật',
  })
  @ApiOkResponse({ type: PeopleCsvImportResultResponseDto })
  importPeopleCsv(@Body() body: string, @Query() query: ImportQueryDto): Promise<PeopleCsvImportResult> {
    return this.transfer.importPeopleCsv(body, query.dryRun ?? false);
  }
}
