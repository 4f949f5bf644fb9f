import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import type { Sendable } from '../common/api-response.js';
import { PageQueryDto } from '../common/page-query.dto.js';
import type { Page } from '../contracts/enums.js';
import type { InAppNotification, OutboxDelivery } from '../contracts/notifications.js';
import { OutboxQueryDto } from './dto/notification.dto.js';
import { InAppNotificationPageDto, OutboxPageDto } from './dto/notification.response.js';
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
  @ApiOkResponse({ type: OutboxPageDto })
  outbox(@Query() query: OutboxQueryDto): Promise<Sendable<Page<OutboxDelivery>>> {
    return this.notifications.listOutbox(query);
  }

  @Get('me/notifications')
  @ApiOperation({ summary: 'Thông báo trong ứng dụng của tôi (mới nhất trước)' })
  @ApiOkResponse({ type: InAppNotificationPageDto })
  mine(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Sendable<Page<InAppNotification>>> {
    return this.notifications.listForUser(user.id, query);
  }
}
