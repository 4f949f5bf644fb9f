import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Sendable } from '../common/api-response.js';
import type { SpokespersonDesignation } from '../contracts/directory.js';
import type { Page } from '../contracts/enums.js';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import {
  CreateDesignationDto,
  ListDesignationsQueryDto,
  UpdateDesignationDto,
} from './dto/designation.dto.js';
import { DesignationPageResponseDto, SpokespersonDesignationResponseDto } from './dto/person.response.js';
import { SpokespersonDesignationsService } from './spokesperson-designations.service.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('spokesperson-designations')
export class SpokespersonDesignationsController {
  constructor(private readonly designations: SpokespersonDesignationsService) {}

  @Get()
  @ApiOperation({ summary: 'Chỉ định phát ngôn: lọc theo đơn vị, người, loại, ngày còn hiệu lực' })
  @ApiOkResponse({ type: DesignationPageResponseDto })
  list(@Query() query: ListDesignationsQueryDto): Promise<Sendable<Page<SpokespersonDesignation>>> {
    return this.designations.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Chỉ định người phát ngôn hoặc ủy quyền phát ngôn (ủy quyền: một vụ việc, có thời hạn, do người đứng đầu ký, không ủy quyền lại)',
  })
  @ApiCreatedResponse({ type: SpokespersonDesignationResponseDto })
  create(@Body() dto: CreateDesignationDto): Promise<Sendable<SpokespersonDesignation>> {
    return this.designations.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Kết thúc, công bố hoặc sửa số văn bản của một chỉ định phát ngôn' })
  @ApiOkResponse({ type: SpokespersonDesignationResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDesignationDto,
  ): Promise<Sendable<SpokespersonDesignation>> {
    return this.designations.update(id, dto);
  }
}
