import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { SignalsModule } from '../signals/signals.module.js';
import { SignalImportsController } from './signal-imports.controller.js';
import { SignalImportsRepository } from './signal-imports.repository.js';
import { SignalImportRunner } from './signal-import.runner.js';
import { SignalImportsService } from './signal-imports.service.js';

/** CSV/XLSX exports of listening platforms, imported through signals' ingest path (see README.md). */
@Module({
  imports: [
    SignalsModule,
    // Uploads are streamed to disk (SIGNAL_IMPORT_DIR), never held in memory; bigger than the cap: 413.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        dest: config.intake.importDir,
        limits: { fileSize: config.intake.importMaxBytes, files: 1, fields: 5, fieldSize: 1000 },
      }),
    }),
  ],
  controllers: [SignalImportsController],
  providers: [SignalImportsService, SignalImportRunner, SignalImportsRepository],
  exports: [SignalImportsService],
})
export class SignalImportsModule {}
