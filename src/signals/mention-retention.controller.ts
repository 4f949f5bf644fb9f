import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import type { Sendable } from '../common/api-response.js';
import type { RetentionOverview, RetentionPolicy } from '../contracts/signals.js';
import { CreateMentionRetentionPolicyDto } from './dto/mention-retention.dto.js';
import {
  RetentionOverviewResponseDto,
  RetentionPolicyResponseDto,
} from './dto/mention-retention.response.js';
import { MentionRetentionService } from './mention-retention.service.js';

@ApiTags('signals')
@ApiBearerAuth()
@Controller('mention-retention-policies')
export class MentionRetentionController {
  constructor(private readonly retention: MentionRetentionService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Chính sách lưu giữ đề cập (quản trị): các chính sách theo ngày, chính sách đang áp dụng, các phân vùng theo tháng và lần chạy tới',
  })
  @ApiOkResponse({ type: RetentionOverviewResponseDto })
  overview(): Promise<Sendable<RetentionOverview>> {
    return this.retention.overview();
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm chính sách lưu giữ từ một ngày (hôm nay trở đi; quản trị)' })
  @ApiCreatedResponse({ type: RetentionPolicyResponseDto })
  create(@Body() dto: CreateMentionRetentionPolicyDto): Promise<Sendable<RetentionPolicy>> {
    return this.retention.create(dto);
  }
}
