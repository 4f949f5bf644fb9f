import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { backoffMs } from './backoff.js';
import { describeError } from './describe-error.js';
import { JobHandlers } from './job-handlers.js';
import { JobsRepository } from './jobs.repository.js';
import { PollingLoop } from './polling-loop.js';

/** Timers fired at once by one node. Each holds a connection (and its timer's row lock) while it runs. */
const JOB_LANES = 2;

type AfterCommit = () => void | Promise<void>;

/**
 * Fires due timers. A timer is claimed with FOR UPDATE SKIP LOCKED in a transaction; its handler runs inside
 * that transaction (in a savepoint), so the handler's effects and the `done` mark commit together and any
 * number of nodes can run workers: each timer fires exactly once. A failed attempt rolls back to the
 * savepoint and records the error and the next try in the same transaction.
 */
@Injectable()
export class JobsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobsWorker.name);
  /** Names this worker in `fired_by`: host, process, and instance (several apps may share a process). */
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: JobsRepository,
    private readonly handlers: JobHandlers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.loop = new PollingLoop({
      name: 'jobs',
      intervalMs: config.jobs.pollIntervalMs,
      lanes: JOB_LANES,
      runOne: () => this.fireOne(),
      nextDueInMs: () => this.repository.nextDueInMs(this.handlers.kinds()),
      logger: this.logger,
    });
  }

  /** After every module's onModuleInit: all handlers are registered. */
  onApplicationBootstrap(): void {
    if (this.config.jobs.workerEnabled) this.loop.start();
  }

  /** Graceful shutdown: no new claims; a handler in flight finishes and commits. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  wakeAt(at: Date): void {
    this.loop.wakeAt(at);
  }

  /** Claims one due timer and fires it; resolves false when none was due. */
  async fireOne(): Promise<boolean> {
    const kinds = this.handlers.kinds();
    if (!kinds.length) return false;
    const afterCommit: AfterCommit[] = [];
    const fired = await this.dataSource.transaction(async (manager) => {
      const job = await this.repository.claimDue(manager, kinds);
      if (!job) return false;
      const handler = this.handlers.get(job.kind)!;
      const attempt = job.attempts + 1;
      const callbacks: AfterCommit[] = [];
      try {
        // A savepoint: a failing handler's writes are undone, the failure itself is recorded below.
        await manager.transaction(async (inner) => {
          await this.repository.markDone(inner, job.id, this.workerId);
          await handler({
            manager: inner,
            job: { ...job, dueAt: new Date(job.dueAt), attempt },
            afterCommit: (callback) => callbacks.push(callback),
          });
        });
        afterCommit.push(...callbacks);
      } catch (e) {
        const retryInMs =
          attempt >= this.config.jobs.maxAttempts ? null : backoffMs(this.config.jobs.retryBaseMs, attempt);
        await this.repository.markFailed(manager, job.id, describeError(e), this.workerId, retryInMs);
        this.logger.warn(
          `job ${job.kind} ${job.id} failed (attempt ${attempt}/${this.config.jobs.maxAttempts}` +
            `${retryInMs === null ? ', giving up' : `, retry in ${retryInMs} ms`}): ${describeError(e)}`,
        );
        if (retryInMs !== null) afterCommit.push(() => this.loop.wakeAt(new Date(Date.now() + retryInMs)));
      }
      return true;
    });
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch (e) {
        this.logger.error(`after-commit callback of a job failed: ${describeError(e)}`);
      }
    }
    return fired;
  }
}
