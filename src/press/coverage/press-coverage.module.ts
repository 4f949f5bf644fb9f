import { Module } from '@nestjs/common';
import { DetectionModule } from '../../detection/detection.module.js';
import { IncidentsModule } from '../../incidents/incidents.module.js';
import { PressCoverageController } from './press-coverage.controller.js';
import { PressModule } from '../press.module.js';
import { PressCoverageRepository } from './press-coverage.repository.js';
import { PressCoverageService } from './press-coverage.service.js';

/** Press reports to answer (báo nêu): verification, a due time from the dated rules, the response and outcome. */
@Module({
  imports: [IncidentsModule, DetectionModule, PressModule],
  controllers: [PressCoverageController],
  providers: [PressCoverageService, PressCoverageRepository],
  exports: [PressCoverageService],
})
export class PressCoverageModule {}
