import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { StatementsModule } from '../statements/statements.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { PlaybookAccess } from './playbook-access.js';
import { PlaybookProposalsService } from './playbook-proposals.service.js';
import { PlaybookSuggestionsService } from './playbook-suggestions.service.js';
import { PlaybooksController } from './playbooks.controller.js';
import { PlaybooksFlow } from './playbooks.flow.js';
import { PlaybooksRepository } from './playbooks.repository.js';
import { PlaybooksService } from './playbooks.service.js';

/** Cẩm nang: versioned playbooks, suggestions, applying to incidents, proposals, library search. */
@Module({
  imports: [
    AuthModule,
    IncidentsModule,
    SignalsModule,
    WorkingGroupsModule,
    StatementsModule,
    DirectoryModule,
    JobsModule,
  ],
  controllers: [PlaybooksController],
  providers: [
    PlaybooksService,
    PlaybookProposalsService,
    PlaybookSuggestionsService,
    PlaybookAccess,
    PlaybooksRepository,
    PlaybooksFlow,
  ],
  exports: [PlaybooksService, PlaybookProposalsService],
})
export class PlaybooksModule {}
