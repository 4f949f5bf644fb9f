import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum JobState {
  /** Waiting for its due time, or for its next attempt after a failure. */
  Pending = 'pending',
  /** The handler ran and its effects committed together with this state. */
  Done = 'done',
  /** Every attempt failed; `lastError` keeps the last failure. */
  Failed = 'failed',
  Cancelled = 'cancelled',
}

/**
 * A durable timer: fired by the jobs worker of whichever node claims it first once `dueAt` has passed. The
 * row lock taken by the claim is held while the handler runs, so it needs no lease columns: a node that dies
 * mid-handler rolls back, and the timer is due again for the others.
 */
@Entity('scheduled_jobs')
// At most one pending timer per key: scheduling again with the key keeps (or replaces) the pending one.
@Index(['key'], { unique: true, where: `"state" = 'pending'` })
@Index(['dueAt'], { where: `"state" = 'pending'` })
export class ScheduledJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Names the handler, `domain.what`: `working_group.ack_deadline`. */
  @Column({ type: 'varchar', length: 100 })
  kind: string;

  /** Dedup key chosen by the scheduler, e.g. `ack:<memberId>`; `cancel(manager, key)` uses it. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  key: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  payload: Record<string, unknown>;

  /** When the timer fires; after a failed attempt, when it is tried again. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'enum', enum: JobState, enumName: 'scheduled_job_state', default: JobState.Pending })
  state: JobState;

  /** Attempts made so far (successful or not). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** When the successful attempt ran (the handler's transaction). */
  @Column({ type: 'timestamptz', nullable: true })
  firedAt: Date | null;

  /** The worker (host:pid:instance) whose attempt succeeded or failed last. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  firedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
