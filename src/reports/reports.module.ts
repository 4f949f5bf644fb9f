import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { PlaybooksModule } from '../playbooks/playbooks.module.js';
import { PressConferencesModule } from '../press/conferences/press-conferences.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import { ReviewsService } from './reviews.service.js';

/** Post-incident reviews, the review report and periodic reports, exported as JSON, Markdown, HTML, PDF and DOCX. */
@Module({
  imports: [IncidentsModule, PlaybooksModule, DirectoryModule, DocumentsModule, PressConferencesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReviewsService, ReportsRepository],
  exports: [ReportsService],
})
export class ReportsModule {}
