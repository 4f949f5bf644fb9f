import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsFlow } from './working-groups.flow.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupsService } from './working-groups.service.js';

/** Tổ công tác: role catalogue, assembly rules, invitations, acknowledgement deadlines and escalation. */
@Module({
  imports: [IncidentsModule, JobsModule, NotificationsModule],
  controllers: [WorkingGroupsController],
  providers: [WorkingGroupsService, WorkingGroupsRepository, WorkingGroupsFlow],
  exports: [WorkingGroupsService],
})
export class WorkingGroupsModule {}
