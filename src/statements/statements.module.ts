import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { ApprovalPoliciesService } from './approval-policies.service.js';
import { ApprovalChains } from './approval-chains.js';
import { ApprovalDelegationsService } from './approval-delegations.service.js';
import { ApprovalEligibility } from './approval-eligibility.js';
import { ApprovalPlanner } from './approval-plan.service.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApprovalsFlow } from './approvals.flow.js';
import { LegalClockFlow } from './legal-clock.flow.js';
import { StatementAccess } from './statement-access.js';
import { StatementApprovalsService } from './statement-approvals.service.js';
import { StatementCommentsService } from './statement-comments.service.js';
import { StatementDocs } from './statement-docs.js';
import { StatementDocsRepository } from './statement-docs.repository.js';
import { StatementDocumentsService } from './statement-documents.service.js';
import { StatementPublicationsService } from './statement-publications.service.js';
import { StatementsController } from './statements.controller.js';
import { StatementsGateway } from './statements.gateway.js';
import { StatementsRepository } from './statements.repository.js';
import { Approvers } from './approvers.js';
import { StatementsService } from './statements.service.js';

/**
 * Official statements: Yjs co-drafting over the live rooms, immutable versions, approval chains with
 * delegation, publication, and the legal clock's warnings.
 */
@Module({
  imports: [
    AuthModule,
    DirectoryModule,
    DocumentsModule,
    IncidentsModule,
    JobsModule,
    NotificationsModule,
    RoomsModule,
  ],
  controllers: [StatementsController, ApprovalsController],
  providers: [
    StatementsService,
    StatementsRepository,
    Approvers,
    StatementAccess,
    StatementDocs,
    StatementDocsRepository,
    StatementsGateway,
    StatementApprovalsService,
    ApprovalPlanner,
    ApprovalEligibility,
    ApprovalChains,
    ApprovalDelegationsService,
    ApprovalsFlow,
    StatementCommentsService,
    StatementPublicationsService,
    StatementDocumentsService,
    ApprovalPoliciesService,
    LegalClockFlow,
  ],
  exports: [StatementsService, StatementAccess, StatementPublicationsService, ApprovalPlanner],
})
export class StatementsModule {}
