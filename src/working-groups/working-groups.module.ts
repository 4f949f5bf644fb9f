import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { GroupAssembly } from './group-assembly.service.js';
import { GroupConfigurationService } from './group-configuration.service.js';
import { InvitationsService } from './invitations.service.js';
import { WorkingGroupViews } from './working-group-views.js';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsFlow } from './working-groups.flow.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupsService } from './working-groups.service.js';

/** Tổ công tác: role catalogue, assembly rules, invitations, acknowledgement deadlines and escalation. */
@Module({
  imports: [AuthModule, DirectoryModule, IncidentsModule, JobsModule, NotificationsModule],
  controllers: [WorkingGroupsController],
  providers: [
    WorkingGroupsService,
    GroupAssembly,
    InvitationsService,
    WorkingGroupViews,
    GroupConfigurationService,
    WorkingGroupsRepository,
    WorkingGroupsFlow,
  ],
  exports: [WorkingGroupsService, InvitationsService],
})
export class WorkingGroupsModule {}
