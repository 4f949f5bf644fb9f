import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { DeadlineRulesController } from './deadline-rules.controller.js';
import { DeadlineRulesService } from './deadline-rules.service.js';
import { IncidentEventsPublisher } from './incident-events.publisher.js';
import { IncidentFactsService } from './incident-facts.service.js';
import { IncidentReads } from './incident-reads.repository.js';
import { IncidentTasksService } from './incident-tasks.service.js';
import { IncidentTimeline } from './incident-timeline.js';
import { IncidentUnits } from './incident-units.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsRepository } from './incidents.repository.js';
import { IncidentsService } from './incidents.service.js';

/** Incident aggregate, lifecycle, legal clock, tasks, verified facts and the timeline (the one write path). */
@Module({
  imports: [AuthModule, DirectoryModule, SignalsModule],
  controllers: [IncidentsController, DeadlineRulesController],
  providers: [
    IncidentsService,
    IncidentsRepository,
    IncidentTimeline,
    IncidentUnits,
    IncidentEventsPublisher,
    IncidentTasksService,
    IncidentFactsService,
    DeadlineRulesService,
    IncidentReads,
  ],
  exports: [
    IncidentsService,
    IncidentTimeline,
    IncidentEventsPublisher,
    IncidentTasksService,
    IncidentFactsService,
    IncidentReads,
  ],
})
export class IncidentsModule {}
