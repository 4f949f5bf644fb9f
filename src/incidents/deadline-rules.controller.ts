import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import type { Sendable } from '../common/api-response.js';
import type { DeadlineRule } from '../contracts/incidents.js';
import { DeadlineRulesService } from './deadline-rules.service.js';
import { CreateDeadlineRuleDto, UpdateDeadlineRuleDto } from './dto/deadline-rule.dto.js';
import { DeadlineRuleResponseDto } from './dto/deadline-rule.response.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('deadline-rules')
export class DeadlineRulesController {
  constructor(private readonly rules: DeadlineRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Các quy định thời hạn pháp lý (theo ngày hiệu lực, kèm căn cứ)' })
  @ApiOkResponse({ type: [DeadlineRuleResponseDto] })
  list(): Promise<Sendable<DeadlineRule>[]> {
    return this.rules.list();
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm quy định thời hạn (quản trị)' })
  @ApiCreatedResponse({ type: DeadlineRuleResponseDto })
  create(@Body() dto: CreateDeadlineRuleDto): Promise<Sendable<DeadlineRule>> {
    return this.rules.create(dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Sửa nhãn, căn cứ, hoặc đặt ngày hết hiệu lực (quản trị)' })
  @ApiOkResponse({ type: DeadlineRuleResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDeadlineRuleDto,
  ): Promise<Sendable<DeadlineRule>> {
    return this.rules.update(id, dto);
  }
}
