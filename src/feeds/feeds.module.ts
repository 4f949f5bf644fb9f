import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { SignalsModule } from '../signals/signals.module.js';
import { FeedPoller } from './feed-poller.js';
import { FeedsController } from './feeds.controller.js';
import { FeedsRepository } from './feeds.repository.js';
import { FeedsService } from './feeds.service.js';

/**
 * Feed sources: RSS, Atom and JSON Feed URLs of signal sources of kind `feed`, polled on durable timers and
 * ingested through SignalsService like any pushed batch.
 */
@Module({
  imports: [SignalsModule, JobsModule],
  controllers: [FeedsController],
  providers: [FeedsRepository, FeedPoller, FeedsService],
})
export class FeedsModule {}
