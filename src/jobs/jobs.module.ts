import { Module } from '@nestjs/common';
import { JobHandlers } from './job-handlers.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';
import { JobsWorker } from './jobs.worker.js';
import { TransactionHooks } from './transaction-hooks.js';

/** Durable timers (escalations, deadlines) that survive restarts and fire once across nodes. */
@Module({
  providers: [JobsService, JobsWorker, JobHandlers, JobsRepository, TransactionHooks],
  exports: [JobsService, TransactionHooks],
})
export class JobsModule {}
