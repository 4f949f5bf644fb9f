import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { CreateMentionRetentionPolicyDto } from './dto/mention-retention.dto.js';
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
  overview() {
    return this.retention.overview();
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Thêm chính sách lưu giữ từ một ngày (hôm nay trở đi; quản trị)' })
  create(@Body() dto: CreateMentionRetentionPolicyDto) {
    return this.retention.create(dto);
  }
}
