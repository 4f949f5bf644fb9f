import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { unitWithinSql } from '../access/sql-fragments.js';
import type { IncidentCategory } from '../incidents/incident-types.js';
import type { DetectionEvidence } from './detection-rules.js';
import { Detection } from './entities/detection.entity.js';
import type { DetectionOutcome, DetectionRuleName } from './entities/detection.entity.js';
import { WatchSignal, WatchSignalStatus } from './entities/watch-signal.entity.js';

export interface AttachedDetectionRow {
  id: string;
  rule: string;
  severity: string;
  windowEnd: Date;
  evidence: DetectionEvidence;
}

export interface DetectionListFilter {
  /** Null: every unit; otherwise the units under these roots. */
  scope: string[] | null;
  topicId?: string;
  incidentId?: string;
  rule?: DetectionRuleName;
  outcome?: DetectionOutcome;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * SQL of the detection module: detections, watch signals, labels, coalescing, the precision of a topic and the
 * per-topic locks. Methods that run inside a transaction take its manager.
 */
@Injectable()
export class DetectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The detection settings that apply to a unit: the own row of the nearest of `lineage` (the unit and its
   * ancestors, nearest first), else the defaults.
   */
  async nearestSettings(manager: EntityManager, lineage: string[]): Promise<string | null> {
    const [row]: { id: string }[] = await manager.query(
      `SELECT s.id FROM detection_settings s
        WHERE s.org_unit_id = ANY($1::uuid[]) OR s.is_default
        ORDER BY s.is_default ASC, array_position($1::uuid[], s.org_unit_id) ASC
        LIMIT 1`,
      [lineage],
    );
    return row?.id ?? null;
  }

  /** Two first-time writes for one unit must not both insert its row: held until the transaction ends. */
  async lockSettings(manager: EntityManager, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`detection-settings:${key}`]);
  }

  /** Inserts the signals that are new (one per topic, rule and window); returns those inserted. */
  async insertWatchSignals(manager: EntityManager, rows: Partial<WatchSignal>[]): Promise<WatchSignal[]> {
    if (!rows.length) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(WatchSignal)
      .values(rows)
      .orIgnore()
      .returning('*')
      .execute();
    const ids = (result.raw as { id: string }[]).map((r) => r.id);
    return ids.length ? manager.getRepository(WatchSignal).findBy(ids.map((id) => ({ id }))) : [];
  }

  /** The topic's pending watch signal of a rule whose window starts at or after `since`, locked. */
  pendingSignal(
    manager: EntityManager,
    topicId: string,
    rule: string,
    since: Date,
  ): Promise<WatchSignal | null> {
    return manager
      .getRepository(WatchSignal)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.topicId = :topicId AND w.rule = :rule AND w.status = :status', {
        topicId,
        rule,
        status: WatchSignalStatus.Pending,
      })
      .andWhere('w.windowStart >= :since', { since })
      .orderBy('w.windowStart', 'DESC')
      .getOne();
  }

  /** Authority items on the topic's watch list since `since` (their pick-up is checked on later batches). */
  recentAuthoritySignals(topicId: string, since: Date): Promise<WatchSignal[]> {
    return (
      this.dataSource
        .getRepository(WatchSignal)
        .createQueryBuilder('w')
        .where('w.topicId = :topicId', { topicId })
        .andWhere(`w.rule = 'high_authority_negative'`)
        // One per topic and hour: the hour may have started before `since`, the item in it after.
        .andWhere('w.windowEnd > :since', { since })
        .getMany()
    );
  }

  /** Detections attached to the incident on this topic whose window ends after `after` (stream time). */
  async attachedSince(
    manager: EntityManager,
    incidentId: string,
    topicId: string,
    after: Date | null,
  ): Promise<AttachedDetectionRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT id, rule::text, severity::text, window_end, evidence FROM detections
       WHERE incident_id = $1 AND topic_id = $2 AND outcome = 'attached' AND ($3::timestamptz IS NULL OR window_end > $3)
       ORDER BY window_end`,
      [incidentId, topicId, after],
    );
    return rows.map((r) => ({
      id: r.id as string,
      rule: r.rule as string,
      severity: r.severity as string,
      windowEnd: new Date(r.window_end as string),
      evidence: r.evidence as DetectionEvidence,
    }));
  }

  /** A watch signal by id (null when there is none). */
  watchSignal(id: string): Promise<WatchSignal | null> {
    return this.dataSource.getRepository(WatchSignal).findOneBy({ id });
  }

  /** Watch signals of the units under the given roots (null: every unit). */
  async listWatchSignals(q: {
    roots: string[] | null;
    status?: WatchSignalStatus;
    topicId?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: WatchSignal[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.roots !== null) {
      params.push(q.roots);
      where.push(unitWithinSql('w.org_unit_id', `$${params.length}::uuid[]`));
    }
    if (q.status) {
      params.push(q.status);
      where.push(`w.status = $${params.length}`);
    }
    if (q.topicId) {
      params.push(q.topicId);
      where.push(`w.topic_id = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM watch_signals w ${clause}`,
      params,
    );
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT w.id FROM watch_signals w ${clause}
       ORDER BY w.created_at DESC, w.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const byId = new Map(
      (rows.length
        ? await this.dataSource.getRepository(WatchSignal).findBy(rows.map((r) => ({ id: r.id })))
        : []
      ).map((w) => [w.id, w]),
    );
    return {
      items: rows.map((r) => byId.get(r.id)!),
      total: n,
    };
  }

  /** Rooms opened on the topic since `since` (by a rule or from a watch signal), with their findings. */
  async openingsOf(
    topicId: string,
    since: Date,
  ): Promise<{ incidentId: string; rule: string; evidence: DetectionEvidence }[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT incident_id, rule::text, evidence FROM detections
       WHERE topic_id = $1 AND outcome = 'opened' AND rule <> 'manual' AND created_at >= $2 AND incident_id IS NOT NULL`,
      [topicId, since],
    );
    return rows.map((r) => ({
      incidentId: r.incident_id as string,
      rule: r.rule as string,
      evidence: r.evidence as DetectionEvidence,
    }));
  }

  /**
   * Serializes the decisions on a topic (open, attach, suppress; automatic, manual or from a watch signal) until
   * the transaction ends: concurrent batches and several nodes open one incident, not two.
   */
  async lockTopic(manager: EntityManager, topicId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`detection:${topicId}`]);
  }

  /** Serializes the writes of a topic's watch list until the transaction ends. */
  async lockWatchList(manager: EntityManager, topicId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`watch:${topicId}`]);
  }

  /** A watch signal, row-locked for the caller's transaction (null when there is none). */
  lockedWatchSignal(manager: EntityManager, id: string): Promise<WatchSignal | null> {
    return manager
      .getRepository(WatchSignal)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.id = :id', { id })
      .getOne();
  }

  /** `rule|windowStartMs` of the topic's detections already recorded for these window starts. */
  async recordedWindows(manager: EntityManager, topicId: string, windowStarts: Date[]): Promise<Set<string>> {
    const rows: { rule: string; window_start: Date }[] = await manager.query(
      `SELECT rule, window_start FROM detections WHERE topic_id = $1 AND window_start = ANY($2::timestamptz[])`,
      [topicId, windowStarts],
    );
    return new Set(rows.map((e) => `${e.rule}|${new Date(e.window_start).getTime()}`));
  }

  /** The org units whose topics fired in this category during the last hour. */
  async unitsFiredLastHour(manager: EntityManager, category: IncidentCategory): Promise<string[]> {
    const rows: { org_unit_id: string }[] = await manager.query(
      `SELECT DISTINCT org_unit_id FROM detections WHERE category = $1 AND created_at > now() - interval '1 hour'`,
      [category],
    );
    return rows.map((r) => r.org_unit_id);
  }

  /** Detections, newest first, of the units in scope. */
  async listDetections(filter: DetectionListFilter): Promise<{ items: Detection[]; total: number }> {
    const qb = this.dataSource
      .getRepository(Detection)
      .createQueryBuilder('d')
      .orderBy('d.createdAt', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.scope) qb.andWhere(unitWithinSql('d.orgUnitId', ':scope::uuid[]'), { scope: filter.scope });
    if (filter.topicId) qb.andWhere('d.topicId = :topicId', { topicId: filter.topicId });
    if (filter.incidentId) qb.andWhere('d.incidentId = :incidentId', { incidentId: filter.incidentId });
    if (filter.rule) qb.andWhere('d.rule = :rule', { rule: filter.rule });
    if (filter.outcome) qb.andWhere('d.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) qb.andWhere('d.createdAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('d.createdAt < :to', { to: filter.to });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** How many of the topic's watch signals since `since` are in each status. */
  async watchStatusCounts(topicId: string, since: Date): Promise<{ status: string; n: number }[]> {
    return this.dataSource
      .getRepository(WatchSignal)
      .createQueryBuilder('w')
      .select('w.status', 'status')
      .addSelect('count(*)::int', 'n')
      .where('w.topicId = :topicId AND w.createdAt >= :since', { topicId, since })
      .groupBy('w.status')
      .getRawMany();
  }
}
