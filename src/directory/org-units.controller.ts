import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  list(@Query() query: ListOrgUnitsQueryDto) {
    return this.orgUnits.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Chi tiết đơn vị: chức năng theo thời gian, cấp trên, đơn vị trực thuộc vào ngày tra cứu, kế thừa',
  })
  get(@Param('id', ParseUUIDPipe) id: string, @Query() query: OnDateQueryDto) {
    return this.orgUnits.get(id, query.on);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Tạo đơn vị' })
  create(@Body() dto: CreateOrgUnitDto) {
    return this.orgUnits.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa thông tin hoặc kết thúc hiệu lực của đơn vị' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrgUnitDto) {
    return this.orgUnits.update(id, dto);
  }

  @Post(':id/capabilities')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Giao một chức năng cho đơn vị trong một khoảng thời gian' })
  addCapability(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateCapabilityDto) {
    return this.orgUnits.addCapability(id, dto);
  }

  @Patch(':id/capabilities/:capabilityId')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Kết thúc (hoặc sửa căn cứ pháp lý của) một chức năng của đơn vị' })
  updateCapability(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('capabilityId', ParseUUIDPipe) capabilityId: string,
    @Body() dto: UpdateCapabilityDto,
  ) {
    return this.orgUnits.updateCapability(id, capabilityId, dto);
  }

  @Post(':id/successions')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Ghi nhận đơn vị kế thừa (sáp nhập, chia tách, đổi tên)' })
  addSuccession(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateSuccessionDto) {
    return this.orgUnits.addSuccession(id, dto);
  }

  @Get(':id/lineage')
  @ApiOperation({ summary: 'Toàn bộ các đơn vị tiền thân và kế thừa (gián tiếp), kèm loại liên kết và ngày' })
  lineage(@Param('id', ParseUUIDPipe) id: string) {
    return this.orgUnits.lineage(id);
  }

  @Get(':id/spokespersons')
  @ApiOperation({
    summary:
      'Ai được phát ngôn cho đơn vị vào một ngày: người đứng đầu, người phát ngôn, người được ủy quyền (theo vụ việc)',
  })
  spokespersons(@Param('id', ParseUUIDPipe) id: string, @Query() query: SpokespersonsQueryDto) {
    return this.designations.speakersFor(id, query);
  }
}
