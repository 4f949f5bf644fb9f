import { Module } from '@nestjs/common';
import { SignalsModule } from '../signals/signals.module.js';
import { SignalImportsController } from './signal-imports.controller.js';
import { SignalImportsRepository } from './signal-imports.repository.js';
import { SignalImportsService } from './signal-imports.service.js';

/** CSV/XLSX exports of listening platforms, imported through signals' ingest path (see README.md). */
@Module({
  imports: [SignalsModule],
  controllers: [SignalImportsController],
  providers: [SignalImportsService, SignalImportsRepository],
  exports: [SignalImportsService],
})
export class SignalImportsModule {}
