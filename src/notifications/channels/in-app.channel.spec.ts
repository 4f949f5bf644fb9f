import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InAppChannel } from './in-app.channel.js';
import { IN_APP_DELIVERY } from './in-app-delivery.js';
import type { InAppDelivery, InAppNotification } from './in-app-delivery.js';
import type { OutgoingNotification } from './notification-channel.js';

@Injectable()
class RecordingDelivery implements InAppDelivery {
  readonly calls: [string, InAppNotification][] = [];
  async deliver(userId: string, notification: InAppNotification): Promise<void> {
    this.calls.push([userId, notification]);
  }
}

/** Stands in for the rooms module: provides the token, without importing the notifications module or being imported by it. */
@Module({ providers: [RecordingDelivery, { provide: IN_APP_DELIVERY, useExisting: RecordingDelivery }] })
class LiveRoomsModule {}

@Module({ providers: [InAppChannel] })
class ChannelModule {}

const outgoing: OutgoingNotification = {
  deliveryId: 'd-1',
  notificationId: 'n-1',
  kind: 'working_group.invitation',
  subject: 'Lời mời tham gia Tổ công tác',
  text: 'Đề nghị đồng chí xác nhận.',
  html: null,
  data: { incidentId: 'i-1' },
  createdAt: new Date('2026-07-01T02:00:00Z'),
  recipientUserId: 'u-1',
  address: null,
  recipientName: 'Trần Thị Hồng Nhung',
  attempt: 1,
};

describe(InAppChannel.name, () => {
  it('hands notifications to the IN_APP_DELIVERY another module provides', async () => {
    const app = await Test.createTestingModule({ imports: [ChannelModule, LiveRoomsModule] }).compile();
    await app.init();
    await app.get(InAppChannel).send(outgoing);
    expect(app.get(RecordingDelivery).calls).toEqual([
      [
        'u-1',
        {
          id: 'd-1',
          notificationId: 'n-1',
          kind: 'working_group.invitation',
          subject: 'Lời mời tham gia Tổ công tác',
          text: 'Đề nghị đồng chí xác nhận.',
          data: { incidentId: 'i-1' },
          createdAt: '2026-07-01T02:00:00.000Z',
        },
      ],
    ]);
    await app.close();
  });

  it('falls back to storing only (a log line) when no module provides it', async () => {
    const app = await Test.createTestingModule({ imports: [ChannelModule] }).compile();
    app.useLogger(false);
    await app.init();
    await expect(app.get(InAppChannel).send(outgoing)).resolves.toBeUndefined();
    await app.close();
  });
});
