import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { DetectionQualityService } from './detection-quality.service.js';
import { DetectionRepository } from './detection.repository.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { TopicEvaluation } from './topic-evaluation.js';
import { WatchListService } from './watch-list.service.js';
import { DetectionController } from './detection.controller.js';
import { DetectionFlow } from './detection.flow.js';
import { DetectionsService } from './detections.service.js';
import { IncidentEvidenceController } from './incident-evidence.controller.js';
import { IncidentEvidenceService } from './incident-evidence.service.js';

/** Negative spike, slow burn, authority-with-traction and fake-news rules; the watch list; precision from labels; evidence; opening or attaching incidents. */
@Module({
  imports: [SignalsModule, IncidentsModule],
  controllers: [DetectionController, IncidentEvidenceController],
  providers: [
    DetectionFlow,
    TopicEvaluation,
    DetectionSettingsService,
    DetectionsService,
    DetectionRepository,
    WatchListService,
    DetectionQualityService,
    IncidentEvidenceService,
  ],
  exports: [DetectionFlow, DetectionSettingsService, DetectionsService],
})
export class DetectionModule {}
