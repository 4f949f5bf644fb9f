import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import type {
  DeliveryChannel,
  DeliveryStateName,
  InAppNotification,
  OutboxDelivery,
} from '../../contracts/notifications.js';
import { NOTIFICATION_CHANNELS, DeliveryState } from '../notifications.types.js';

/** One notification of the user's in-app inbox. */
export class InAppNotificationResponseDto implements InAppNotification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({ example: 'working_group.invitation' }) kind: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @DateTimeString() createdAt: string;
}

export class InAppNotificationPageDto {
  @ApiProperty({ type: [InAppNotificationResponseDto] }) items: InAppNotificationResponseDto[];
  @ApiProperty() total: number;
}

/** One delivery of the outbox. */
export class OutboxDeliveryResponseDto implements OutboxDelivery {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty() kind: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel: DeliveryChannel;
  @NullableString({ format: 'uuid' }) recipientUserId: string | null;
  @NullableString() address: string | null;
  @NullableString() recipientName: string | null;
  @ApiProperty({ enum: DeliveryState }) state: DeliveryStateName;
  @ApiProperty() attempts: number;
  @DateTimeString() nextAttemptAt: string;
  @NullableString() lastError: string | null;
  @NullableDateTime() sentAt: string | null;
  @DateTimeString() createdAt: string;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxDeliveryResponseDto] }) items: OutboxDeliveryResponseDto[];
  @ApiProperty() total: number;
}
