import type { EntityManager } from 'typeorm';

export type JobPayload = Record<string, unknown>;

export interface ScheduleJob<P extends JobPayload = JobPayload> {
  /** Names the handler (`jobs.register(kind, …)`), `domain.what`: `working_group.ack_deadline`. */
  kind: string;
  dueAt: Date;
  /** JSON; handed to the handler as is. */
  payload?: P;
  /**
   * Dedup key: at most one pending timer per key, and `cancel(manager, key)` finds it. Include the subject's
   * id (`ack:<invitationId>`).
   */
  key?: string;
  /**
   * When a pending timer with the same key exists: `keep` it as it is (default: scheduling is idempotent), or
   * `replace` its kind, due time and payload (and reset its attempts).
   */
  ifPending?: 'keep' | 'replace';
}

export interface ScheduledJobRef {
  id: string;
  dueAt: Date;
  /** False when a pending timer with the key already existed and was kept. */
  created: boolean;
}

/** The timer being fired, as its handler sees it. */
export interface JobRun<P extends JobPayload = JobPayload> {
  id: string;
  kind: string;
  key: string | null;
  payload: P;
  dueAt: Date;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface JobContext<P extends JobPayload = JobPayload> {
  /**
   * The transaction that claimed the timer: do every database effect through it, so that the effects and the
   * timer's `done` mark commit together (or not at all, and the timer is retried).
   */
  manager: EntityManager;
  job: JobRun<P>;
  /**
   * Runs after the transaction has committed (e.g. publishing committed incident events to live rooms);
   * dropped if this attempt fails. Errors are logged, not retried.
   */
  afterCommit(callback: () => void | Promise<void>): void;
}

/**
 * Fires a timer. Throwing rolls back everything the handler did through `manager` and schedules a retry with
 * backoff (the timer ends `failed` after JOBS_MAX_ATTEMPTS). Reach the outside world only through the database
 * (e.g. `NotificationsService.enqueue(manager, …)`): an external call made here would be repeated by a retry.
 */
export type JobHandler<P extends JobPayload = JobPayload> = (context: JobContext<P>) => Promise<void>;
