import { Module } from '@nestjs/common';
import { DetectionModule } from '../detection/detection.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { OfficerReportsController } from './officer-reports.controller.js';
import { OfficerReportsService } from './officer-reports.service.js';

/** Officers' reports: a mention with evidence, through the ingest path, opening or joining an incident at once. */
@Module({
  imports: [SignalsModule, DetectionModule, DirectoryModule],
  controllers: [OfficerReportsController],
  providers: [OfficerReportsService],
})
export class OfficerReportsModule {}
