import { Module } from '@nestjs/common';
import { SignalsBulkIngest } from './bulk-ingest.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MentionPartitions } from './mention-partitions.js';
import { MentionPartitionsRepository } from './mention-partitions.repository.js';
import { MentionRetentionController } from './mention-retention.controller.js';
import { MentionRetentionService } from './mention-retention.service.js';
import { LexiconSentimentScorer, SENTIMENT_SCORER } from './sentiment-lexicon.js';
import { SignalSourcesController } from './signal-sources.controller.js';
import { SignalSourcesRepository } from './signal-sources.repository.js';
import { SignalSourcesService } from './signal-sources.service.js';
import { SignalsController } from './signals.controller.js';
import { SignalsEvents } from './signals.events.js';
import { SignalActivityRepository } from './signal-activity.repository.js';
import { SignalsRepository } from './signals.repository.js';
import { SignalsService } from './signals.service.js';
import { TopicReadsRepository } from './topic-reads.repository.js';
import { TopicsController } from './topics.controller.js';
import { TopicsService } from './topics.service.js';

/**
 * Monitoring signals: sources, ingestion (batch and signed webhook), normalization, watchlist topics and their
 * time buckets. Detection subscribes through SignalsEvents and reads through SignalsService.
 */
@Module({
  imports: [DirectoryModule, JobsModule],
  controllers: [SignalSourcesController, SignalsController, TopicsController, MentionRetentionController],
  providers: [
    SignalsRepository,
    TopicReadsRepository,
    SignalActivityRepository,
    SignalSourcesRepository,
    SignalSourcesService,
    TopicsService,
    SignalsService,
    SignalsEvents,
    SignalsBulkIngest,
    MentionPartitions,
    MentionPartitionsRepository,
    MentionRetentionService,
    { provide: SENTIMENT_SCORER, useClass: LexiconSentimentScorer },
  ],
  exports: [
    SignalsService,
    SignalsEvents,
    SignalSourcesService,
    TopicsService,
    SignalsBulkIngest,
    MentionPartitions,
  ],
})
export class SignalsModule {}
