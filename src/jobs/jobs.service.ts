import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertJobKind, JobHandlers } from './job-handlers.js';
import { JobsRepository } from './jobs.repository.js';
import type { JobHandler, JobPayload, ScheduledJobRef, ScheduleJob } from './jobs.types.js';
import { JobsWorker } from './jobs.worker.js';
import { TransactionHooks } from './transaction-hooks.js';

/**
 * Durable timers (ARCHITECTURE.md): rows with a due time, written in the caller's transaction — a timer exists
 * if and only if the change that needs it committed — and fired once, across nodes and restarts, by the
 * worker of whichever node claims it first.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly repository: JobsRepository,
    private readonly handlers: JobHandlers,
    private readonly worker: JobsWorker,
    private readonly hooks: TransactionHooks,
  ) {}

  /** Registers the handler of a timer kind; call it from the owning module's onModuleInit. */
  register<P extends JobPayload>(kind: string, handler: JobHandler<P>): void {
    this.handlers.register(kind, handler);
    // Registered late (after boot): timers of this kind may be overdue already.
    this.worker.wake();
  }

  /** Schedules a timer inside the caller's transaction (`manager` of an active transaction). */
  async schedule<P extends JobPayload>(
    manager: EntityManager,
    job: ScheduleJob<P>,
  ): Promise<ScheduledJobRef> {
    assertInTransaction(manager, 'schedule');
    assertJobKind(job.kind);
    if (!(job.dueAt instanceof Date) || Number.isNaN(job.dueAt.getTime())) {
      throw new Error(`JobsService.schedule: dueAt of a "${job.kind}" timer is not a valid Date`);
    }
    if (job.key !== undefined && (job.key.length === 0 || job.key.length > 200)) {
      throw new Error('JobsService.schedule: key must be 1 to 200 characters');
    }
    const ref = await this.repository.insert(
      manager,
      { kind: job.kind, key: job.key ?? null, payload: job.payload ?? {}, dueAt: job.dueAt },
      job.ifPending ?? 'keep',
    );
    // This node's worker looks at it right on time instead of at its next poll.
    this.hooks.afterCommit(manager, () => this.worker.wakeAt(ref.dueAt));
    return ref;
  }

  /** When the next pending timer of a kind is due (null: none pending), e.g. to show a job's next run. */
  async nextDue(manager: EntityManager, kind: string): Promise<Date | null> {
    return this.repository.nextPending(manager, kind);
  }

  /**
   * Cancels the pending timer with this key inside the caller's transaction. False when there is none (never
   * scheduled, cancelled, or fired already: a timer being fired right now is waited for, then found fired).
   */
  async cancel(manager: EntityManager, key: string): Promise<boolean> {
    assertInTransaction(manager, 'cancel');
    return this.repository.cancel(manager, key);
  }

  /** The keys among `keys` that a timer was ever scheduled under, whatever became of it (catch-up checks). */
  knownKeys(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    return this.repository.knownKeys(manager, keys);
  }
}

function assertInTransaction(manager: EntityManager, method: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `JobsService.${method} must run inside the transaction of the change that needs the timer`,
    );
  }
}
