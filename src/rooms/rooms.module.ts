import { Module } from '@nestjs/common';
import { IN_APP_DELIVERY } from '../notifications/channels/in-app-delivery.js';
import { AuthModule } from '../auth/auth.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { IncidentFeed } from './incident-feed.js';
import { RoomAccess } from './room-access.js';
import { RoomPresence } from './room-presence.js';
import { RoomsGateway } from './rooms.gateway.js';
import { RoomsNotifier } from './rooms.notifier.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsServer } from './rooms.server.js';
import { RoomsService } from './rooms.service.js';

/** Live incident rooms over socket.io (`/rooms`): join/replay, presence, chat, tasks and facts, notifications, live incident lists. */
@Module({
  imports: [AuthModule, IncidentsModule, WorkingGroupsModule],
  providers: [
    RoomsServer,
    RoomsGateway,
    RoomsService,
    RoomsNotifier,
    IncidentFeed,
    // The notifications outbox pushes in-app notifications through the rooms (found by token, no import cycle).
    { provide: IN_APP_DELIVERY, useExisting: RoomsNotifier },
    RoomAccess,
    RoomPresence,
    RoomsRepository,
  ],
  exports: [RoomAccess, RoomsNotifier, RoomsGateway, RoomsServer],
})
export class RoomsModule {}
