import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { DetectionController } from './detection.controller.js';
import { DetectionFlow } from './detection.flow.js';
import { DetectionsService } from './detections.service.js';
import { IncidentEvidenceController } from './incident-evidence.controller.js';
import { IncidentEvidenceService } from './incident-evidence.service.js';

/** Spike, negativity, authority and fake-news rules over topic buckets; evidence; opening or attaching incidents. */
@Module({
  imports: [SignalsModule, IncidentsModule],
  controllers: [DetectionController, IncidentEvidenceController],
  providers: [DetectionFlow, DetectionSettingsService, DetectionsService, IncidentEvidenceService],
  exports: [DetectionFlow, DetectionSettingsService],
})
export class DetectionModule {}
