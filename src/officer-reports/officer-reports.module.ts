import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DetectionModule } from '../detection/detection.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { OfficerReportsController } from './officer-reports.controller.js';
import { OfficerReportsRepository } from './officer-reports.repository.js';
import { OfficerReportsService } from './officer-reports.service.js';

/** Officers' reports: a mention with evidence, through the ingest path, opening or joining an incident at once. */
@Module({
  imports: [
    SignalsModule,
    DetectionModule,
    DirectoryModule,
    // The screenshot stays in memory (at most REPORT_EVIDENCE_MAX_MB) and goes to PostgreSQL with its report.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.intake.evidenceMaxBytes, files: 1, fields: 30, fieldSize: 25_000 },
      }),
    }),
  ],
  controllers: [OfficerReportsController],
  providers: [OfficerReportsService, OfficerReportsRepository],
})
export class OfficerReportsModule {}
