import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StatementsModule } from '../statements/statements.module.js';
import { PressAccess } from './press-access.js';
import { PressAnswersFlow } from './press-answers.flow.js';
import { PressDashboardService } from './press-dashboard.service.js';
import { PressInquiriesController } from './press-inquiries.controller.js';
import { PressInquiriesService } from './press-inquiries.service.js';
import { PressInquiryClock } from './press-inquiry-clock.js';
import { PressInquiryIncidents } from './press-inquiry-incidents.js';
import { PressInquiryLog } from './press-inquiry-log.js';
import { PressOutletsController } from './press-outlets.controller.js';
import { PressOutletsService } from './press-outlets.service.js';
import { PressRefusalGroundsService } from './press-refusal-grounds.service.js';
import { PressRouting } from './press-routing.js';
import { PressRepository } from './press.repository.js';

/** The press desk: outlets and journalists, requests for information, press reports, press conferences. */
@Module({
  imports: [AuthModule, DirectoryModule, IncidentsModule, JobsModule, NotificationsModule, StatementsModule],
  controllers: [PressOutletsController, PressInquiriesController],
  providers: [
    PressOutletsService,
    PressAccess,
    PressRouting,
    PressInquiryLog,
    PressInquiryClock,
    PressInquiryIncidents,
    PressInquiriesService,
    PressAnswersFlow,
    PressDashboardService,
    PressRefusalGroundsService,
    PressRepository,
  ],
  exports: [PressOutletsService, PressAccess],
})
export class PressModule {}
