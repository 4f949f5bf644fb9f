import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { StatementsModule } from '../statements/statements.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { PlaybooksController } from './playbooks.controller.js';
import { PlaybooksFlow } from './playbooks.flow.js';
import { PlaybooksRepository } from './playbooks.repository.js';
import { PlaybooksService } from './playbooks.service.js';

/** Cẩm nang: versioned playbooks, suggestions, applying to incidents, proposals, library search. */
@Module({
  imports: [IncidentsModule, WorkingGroupsModule, StatementsModule, DirectoryModule, JobsModule],
  controllers: [PlaybooksController],
  providers: [PlaybooksService, PlaybooksRepository, PlaybooksFlow],
  exports: [PlaybooksService],
})
export class PlaybooksModule {}
