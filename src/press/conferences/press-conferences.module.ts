import { Module } from '@nestjs/common';
import { DirectoryModule } from '../../directory/directory.module.js';
import { IncidentsModule } from '../../incidents/incidents.module.js';
import { StatementsModule } from '../../statements/statements.module.js';
import { PressModule } from '../press.module.js';
import { PreparedLines } from './prepared-lines.js';
import { PressCadenceService } from './press-cadence.service.js';
import { PressConferenceMinutes } from './press-conference-minutes.js';
import { PressConferencesController } from './press-conferences.controller.js';
import { PressConferencesRepository } from './press-conferences.repository.js';
import { PressConferencesService } from './press-conferences.service.js';

/** Press conferences: planning, questions and commitments, minutes, and the per-unit cadence with its dashboard. */
@Module({
  imports: [IncidentsModule, DirectoryModule, StatementsModule, PressModule],
  controllers: [PressConferencesController],
  providers: [
    PressConferencesService,
    PressConferencesRepository,
    PressCadenceService,
    PressConferenceMinutes,
    PreparedLines,
  ],
  exports: [PressCadenceService],
})
export class PressConferencesModule {}
