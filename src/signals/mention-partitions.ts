import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { dedupFrom } from './mention-key-table.repository.js';
import { keyWeek } from './mention-keys.js';
import { MentionPartitionsRepository, monthStart } from './mention-partitions.repository.js';
import type { RetentionOutcome } from './mention-partitions.repository.js';

export const PARTITIONS_JOB = 'signals.mention_partitions';
/** Month partitions kept ready beyond the current month, and behind it (late mentions). */
export const MONTHS_AHEAD = 3;
export const MONTHS_BACK = 3;
/** Week partitions of the key table kept ready beyond the current week. */
export const KEY_WEEKS_AHEAD = 2;
/**
 * The ids of the mentions that are incident evidence (linked to an incident), read in the retention's
 * transaction. Incidents owns the links and registers the source (it depends on signals, not the other way
 * round).
 */
export type EvidenceMentions = (manager: EntityManager) => Promise<string[]>;

/** The job runs daily (a little after midnight UTC). */
const DAY_MS = 24 * 3600 * 1000;

/**
 * Keeps the month partitions of `mentions` and `mention_topics` ahead of the clock and applies the retention
 * policy, as one durable daily job (any node, once; a node down when it was due runs it at its next start).
 */
@Injectable()
export class MentionPartitions implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(MentionPartitions.name);
  private evidence?: EvidenceMentions;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly repository: MentionPartitionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.jobs.register(PARTITIONS_JOB, async ({ manager, job }) => {
      const now = new Date(Math.max(Date.now(), job.dueAt.getTime()));
      const created = await this.ensureAhead(manager, now);
      const retention = await this.applyRetention(manager, now);
      const keys = await this.maintainKeys(manager, now);
      if (created.length || retention.dropped.length || keys.created.length || keys.dropped.length) {
        this.logger.log(
          `mention partitions: created ${created.join(', ') || 'none'}; dropped ${retention.dropped.join(', ') || 'none'} (${retention.keptMentions} evidence mentions kept); key weeks created ${keys.created.join(', ') || 'none'}, dropped ${keys.dropped.join(', ') || 'none'}`,
        );
      }
      await this.scheduleNext(
        manager,
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS + 5 * 60_000),
      );
    });
  }

  /** Incidents registers where the evidence to keep comes from (at most one source). */
  registerEvidence(source: EvidenceMentions) {
    this.evidence = source;
  }

  /** The ids of the incident evidence, as retention reads them (empty while no source is registered). */
  evidenceIds(manager: EntityManager): Promise<string[]> {
    return this.evidence ? this.evidence(manager) : Promise.resolve([]);
  }

  /** The first run after a start is due at once (kept if one is pending already). */
  async onApplicationBootstrap() {
    await this.dataSource
      .transaction((manager) => this.scheduleNext(manager, new Date()))
      .catch((e: Error) => this.logger.warn(`scheduling the mention partition job failed: ${e.message}`));
  }

  /**
   * Creates the partitions of this month, the next MONTHS_AHEAD and the last MONTHS_BACK still within the
   * retention span (a late mention lands in its own month); returns the months created.
   */
  async ensureAhead(manager: EntityManager, now: Date): Promise<string[]> {
    const keep = await this.repository.keepMonths(manager, now);
    const created: string[] = [];
    for (let i = -Math.min(MONTHS_BACK, keep); i <= MONTHS_AHEAD; i++) {
      const month = monthStart(now, i);
      if (await this.repository.create(manager, month)) created.push(month);
    }
    return created;
  }

  /**
   * Drops the months older than the policy's span (counted back from the current month), keeping their incident
   * evidence. Never a month of the last one (`keep_months` ≥ 1). Nothing is dropped while no evidence source is
   * registered: without it, evidence could not be told from the rest.
   */
  async applyRetention(manager: EntityManager, now: Date): Promise<RetentionOutcome> {
    const keep = await this.repository.keepMonths(manager, now);
    const outcome: RetentionOutcome = { dropped: [], keptMentions: 0, keptLinks: 0 };
    if (!Number.isFinite(keep)) return outcome;
    const cutoff = monthStart(now, -keep);
    const due = (await this.repository.months(manager)).filter((month) => month < cutoff);
    if (!due.length) return outcome;
    if (!this.evidence) {
      this.logger.warn('mention retention skipped: no source of incident evidence is registered');
      return outcome;
    }
    const evidenceIds = await this.evidence(manager);
    for (const month of due) {
      const kept = await this.repository.drop(manager, month, evidenceIds);
      outcome.dropped.push(month);
      outcome.keptMentions += kept.mentions;
      outcome.keptLinks += kept.links;
    }
    return outcome;
  }

  /**
   * The key table: the week partitions of this week and the next KEY_WEEKS_AHEAD created, the keys seen before the
   * dedup horizon forgotten (whole weeks dropped; see MentionPartitionsRepository.dropKeysBefore).
   */
  async maintainKeys(manager: EntityManager, now: Date): Promise<{ created: string[]; dropped: string[] }> {
    const created: string[] = [];
    for (let i = 0; i <= KEY_WEEKS_AHEAD; i++) {
      const week = keyWeek(now, i);
      if (await this.repository.createKeyWeek(manager, week)) created.push(week);
    }
    const dropped = await this.repository.dropKeysBefore(
      manager,
      dedupFrom(now, this.config.signals.dedupDays),
    );
    return { created, dropped };
  }

  /** When the job runs next (null: not scheduled on this database). */
  async nextRun(manager: EntityManager): Promise<Date | null> {
    return this.jobs.nextDue(manager, PARTITIONS_JOB);
  }

  private async scheduleNext(manager: EntityManager, dueAt: Date) {
    await this.jobs.schedule(manager, {
      kind: PARTITIONS_JOB,
      dueAt,
      key: `${PARTITIONS_JOB}:${dueAt.toISOString().slice(0, 10)}`,
    });
  }
}
