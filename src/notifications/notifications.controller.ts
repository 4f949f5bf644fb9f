import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { PageQueryDto } from '../common/page-query.dto.js';
import { OutboxQueryDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications/outbox')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Hộp thư đi của thông báo (mới nhất trước): trạng thái, số lần thử, lỗi gần nhất, theo kênh',
  })
  outbox(@Query() query: OutboxQueryDto) {
    return this.notifications.listOutbox(query);
  }

  @Get('me/notifications')
  @ApiOperation({ summary: 'Thông báo trong ứng dụng của tôi (mới nhất trước)' })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto) {
    return this.notifications.listForUser(user.id, query);
  }
}
