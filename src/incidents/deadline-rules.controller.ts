import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { DeadlineRulesService } from './deadline-rules.service.js';
import { CreateDeadlineRuleDto, UpdateDeadlineRuleDto } from './dto/deadline-rule.dto.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('deadline-rules')
export class DeadlineRulesController {
  constructor(private readonly rules: DeadlineRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Các quy định thời hạn pháp lý (theo ngày hiệu lực, kèm căn cứ)' })
  list() {
    return this.rules.list();
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm quy định thời hạn (quản trị)' })
  create(@Body() dto: CreateDeadlineRuleDto) {
    return this.rules.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa nhãn, căn cứ, hoặc đặt ngày hết hiệu lực (quản trị)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDeadlineRuleDto) {
    return this.rules.update(id, dto);
  }
}
