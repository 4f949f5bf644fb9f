import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { DetectionQualityService } from './detection-quality.service.js';
import { DetectionRepository } from './detection.repository.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { WatchListService } from './watch-list.service.js';
import { DetectionController } from './detection.controller.js';
import { DetectionFlow } from './detection.flow.js';
import { DetectionsService } from './detections.service.js';

/** Negative spike, slow burn, authority-with-traction and fake-news rules; the watch list; precision from labels. Spike, negativity, authority and fake-news rules over topic buckets; evidence; opening or attaching incidents. */
@Module({
  imports: [SignalsModule, IncidentsModule],
  controllers: [DetectionController],
  providers: [
    DetectionFlow,
    DetectionSettingsService,
    DetectionsService,
    DetectionRepository,
    WatchListService,
    DetectionQualityService,
  ],
  exports: [DetectionFlow, DetectionSettingsService],
})
export class DetectionModule {}
