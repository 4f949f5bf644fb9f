import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Sendable } from '../common/api-response.js';
import type {
  Lineage,
  OrgUnit,
  OrgUnitCapability,
  OrgUnitDetail,
  OrgUnitList,
  OrgUnitSuccession,
  UnitSpeakers,
} from '../contracts/directory.js';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { SpokespersonsQueryDto } from './dto/designation.dto.js';
import {
  CreateCapabilityDto,
  CreateOrgUnitDto,
  CreateSuccessionDto,
  ListOrgUnitsQueryDto,
  OnDateQueryDto,
  UpdateCapabilityDto,
  UpdateOrgUnitDto,
} from './dto/org-unit.dto.js';
import {
  LineageResponseDto,
  OrgUnitCapabilityResponseDto,
  OrgUnitDetailResponseDto,
  OrgUnitListResponseDto,
  OrgUnitResponseDto,
  OrgUnitSuccessionResponseDto,
} from './dto/org-unit.response.js';
import { UnitSpeakersResponseDto } from './dto/person.response.js';
import { OrgUnitsService } from './org-units.service.js';
import { SpokespersonDesignationsService } from './spokesperson-designations.service.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly designations: SpokespersonDesignationsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Danh sách đơn vị có hiệu lực vào một ngày (mặc định hôm nay); lọc theo chức năng, tỉnh, loại, cấp trên, tên',
  })
  @ApiOkResponse({ type: OrgUnitListResponseDto })
  list(@Query() query: ListOrgUnitsQueryDto): Promise<Sendable<OrgUnitList>> {
    return this.orgUnits.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Chi tiết đơn vị: chức năng theo thời gian, cấp trên, đơn vị trực thuộc vào ngày tra cứu, kế thừa',
  })
  @ApiOkResponse({ type: OrgUnitDetailResponseDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OnDateQueryDto,
  ): Promise<Sendable<OrgUnitDetail>> {
    return this.orgUnits.get(id, query.on);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Tạo đơn vị' })
  @ApiCreatedResponse({ type: OrgUnitResponseDto })
  create(@Body() dto: CreateOrgUnitDto): Promise<Sendable<OrgUnit>> {
    return this.orgUnits.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa thông tin hoặc kết thúc hiệu lực của đơn vị' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrgUnitDto): Promise<Sendable<OrgUnit>> {
    return this.orgUnits.update(id, dto);
  }

  @Post(':id/capabilities')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Giao một chức năng cho đơn vị trong một khoảng thời gian' })
  @ApiCreatedResponse({ type: OrgUnitCapabilityResponseDto })
  addCapability(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCapabilityDto,
  ): Promise<Sendable<OrgUnitCapability>> {
    return this.orgUnits.addCapability(id, dto);
  }

  @Patch(':id/capabilities/:capabilityId')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Kết thúc (hoặc sửa căn cứ pháp lý của) một chức năng của đơn vị' })
  @ApiOkResponse({ type: OrgUnitCapabilityResponseDto })
  updateCapability(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('capabilityId', ParseUUIDPipe) capabilityId: string,
    @Body() dto: UpdateCapabilityDto,
  ): Promise<Sendable<OrgUnitCapability>> {
    return this.orgUnits.updateCapability(id, capabilityId, dto);
  }

  @Post(':id/successions')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Ghi nhận đơn vị kế thừa (sáp nhập, chia tách, đổi tên)' })
  @ApiCreatedResponse({ type: OrgUnitSuccessionResponseDto })
  addSuccession(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSuccessionDto,
  ): Promise<Sendable<OrgUnitSuccession>> {
    return this.orgUnits.addSuccession(id, dto);
  }

  @Get(':id/lineage')
  @ApiOperation({ summary: 'Toàn bộ các đơn vị tiền thân và kế thừa (gián tiếp), kèm loại liên kết và ngày' })
  @ApiOkResponse({ type: LineageResponseDto })
  lineage(@Param('id', ParseUUIDPipe) id: string): Promise<Sendable<Lineage>> {
    return this.orgUnits.lineage(id);
  }

  @Get(':id/spokespersons')
  @ApiOperation({
    summary:
      'Ai được phát ngôn cho đơn vị vào một ngày: người đứng đầu, người phát ngôn, người được ủy quyền (theo vụ việc)',
  })
  @ApiOkResponse({ type: UnitSpeakersResponseDto })
  spokespersons(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SpokespersonsQueryDto,
  ): Promise<Sendable<UnitSpeakers>> {
    return this.designations.speakersFor(id, query);
  }
}
