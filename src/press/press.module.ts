import { Module } from '@nestjs/common';
import { PressOutletsService } from './press-outlets.service.js';

/** The press desk: outlets and journalists, requests for information, press reports, press conferences. */
@Module({
  providers: [PressOutletsService],
  exports: [PressOutletsService],
})
export class PressModule {}
