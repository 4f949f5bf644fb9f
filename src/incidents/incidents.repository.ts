import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { visibleIncidentSql } from '../access/incident-visibility.js';
import { DeadlineRule } from './entities/deadline-rule.entity.js';
import { IncidentTopic } from './entities/incident-topic.entity.js';
import { Incident } from './entities/incident.entity.js';
import { todayInVietnam } from '../common/dates.js';
import { IncidentStatus, OPEN_STATUSES } from './incident-types.js';

export interface IncidentListFilter {
  status?: IncidentStatus[];
  severity?: string;
  category?: string;
  orgUnitId?: string;
  q?: string;
  limit: number;
  offset: number;
  /** Null: everything (admins); otherwise only incidents whose responsible unit lies under these units. */
  visibleUnderUnitIds: string[] | null;
  /** Also the incidents whose working group this person is invited to or belongs to. */
  memberPersonId?: string | null;
}

/** The last detection event of a topic on an incident's timeline (what detection's coalescing compares with). */
export interface LastDetectionEvent {
  seq: number;
  /** Stream time covered up to then (the latest window end it reported); null for manual declarations. */
  windowEnd: number | null;
}

/**
 * Custom SQL of the incidents module (lists, evidence, codes, the timeline's sequence, legal clocks); visibility
 * comes from access/. Methods that run inside a change take its manager.
 */
@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: IncidentListFilter): Promise<{ items: Incident[]; total: number }> {
    const qb = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .orderBy('i.detectedAt', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.visibleUnderUnitIds !== null) {
      qb.andWhere(
        visibleIncidentSql({
          incidentId: 'i.id',
          unitColumn: 'i.responsibleOrgUnitId',
          roots: ':roots::uuid[]',
          personId: ':memberPersonId::uuid',
        }),
        { roots: filter.visibleUnderUnitIds, memberPersonId: filter.memberPersonId ?? null },
      );
    }
    if (filter.status?.length) qb.andWhere('i.status IN (:...status)', { status: filter.status });
    if (filter.severity) qb.andWhere('i.severity = :severity', { severity: filter.severity });
    if (filter.category) qb.andWhere('i.category = :category', { category: filter.category });
    if (filter.orgUnitId) qb.andWhere('i.responsibleOrgUnitId = :orgUnitId', { orgUnitId: filter.orgUnitId });
    if (filter.q) {
      qb.andWhere(`(unaccent(lower(i.title)) LIKE unaccent(lower(:q)) OR i.code ILIKE :q)`, {
        q: `%${filter.q}%`,
      });
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** The mentions linked to an incident as evidence, with when each was linked (the mentions are signals'). */
  async mentionLinks(incidentId: string): Promise<Map<string, Date>> {
    const rows: { mention_id: string; linked_at: Date }[] = await this.dataSource.query(
      `SELECT mention_id, linked_at FROM incident_mentions WHERE incident_id = $1`,
      [incidentId],
    );
    return new Map(rows.map((r) => [r.mention_id, r.linked_at]));
  }

  /**
   * Every mention linked to some incident (retention keeps them when it drops their month), in the caller's
   * transaction.
   */
  async evidenceMentionIds(manager: EntityManager): Promise<string[]> {
    const rows: { mention_id: string }[] = await manager.query(
      `SELECT DISTINCT mention_id FROM incident_mentions`,
    );
    return rows.map((r) => r.mention_id);
  }

  async lastDetectionEvent(
    manager: EntityManager,
    incidentId: string,
    topicId: string,
  ): Promise<LastDetectionEvent | null> {
    const [row] = await manager.query(
      `SELECT seq, payload->>'windowEnd' AS window_end FROM incident_events
       WHERE incident_id = $1 AND type IN ('detection.recorded', 'detection.attached') AND payload->>'topicId' = $2
       ORDER BY seq DESC LIMIT 1`,
      [incidentId, topicId],
    );
    if (!row) return null;
    return { seq: row.seq, windowEnd: row.window_end ? new Date(row.window_end).getTime() : null };
  }

  async nextCode(manager: EntityManager, at: Date): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('incident_code_seq') AS n`);
    return `SC-${todayInVietnam(at).slice(0, 4)}-${String(n).padStart(4, '0')}`;
  }

  /** Moves the incident's event sequence on by `count` (row-locked until commit); returns the new last seq. */
  async bumpSeq(manager: EntityManager, incidentId: string, count: number): Promise<number> {
    const [{ last_seq }] = await manager.query(
      `WITH bumped AS (UPDATE incidents SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq)
       SELECT last_seq FROM bumped`,
      [incidentId, count],
    );
    return Number(last_seq);
  }

  /** The open incident (newest) that the topic belongs to. */
  openForTopic(manager: EntityManager, topicId: string): Promise<Incident | null> {
    return manager
      .getRepository(Incident)
      .createQueryBuilder('i')
      .innerJoin(IncidentTopic, 'it', 'it.incidentId = i.id AND it.topicId = :topicId', { topicId })
      .where('i.status IN (:...open)', { open: OPEN_STATUSES })
      .orderBy('i.detectedAt', 'DESC')
      .getOne();
  }

  /** The latest dismissal of an incident on this topic since `since`, if any. */
  dismissedForTopic(manager: EntityManager, topicId: string, since: Date): Promise<Incident | null> {
    return manager
      .getRepository(Incident)
      .createQueryBuilder('i')
      .innerJoin(IncidentTopic, 'it', 'it.incidentId = i.id AND it.topicId = :topicId', { topicId })
      .where('i.status = :dismissed', { dismissed: IncidentStatus.Dismissed })
      .andWhere('i.statusChangedAt >= :since', { since })
      .orderBy('i.statusChangedAt', 'DESC')
      .getOne();
  }

  async linkTopics(manager: EntityManager, incidentId: string, topicIds: string[]): Promise<void> {
    if (!topicIds.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(IncidentTopic)
      .values(topicIds.map((topicId) => ({ incidentId, topicId })))
      .orIgnore()
      .execute();
  }

  /** Links mentions as evidence; returns how many were new to the incident. */
  async linkMentions(manager: EntityManager, incidentId: string, mentionIds: string[]): Promise<number> {
    if (!mentionIds.length) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO incident_mentions (incident_id, mention_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING mention_id`,
      [incidentId, [...new Set(mentionIds)]],
    );
    return rows.length;
  }

  /** When each incident's clocks were stopped (`legal_clock.stopped`, the earliest per rule key). */
  async clockStops(incidentIds: string[]): Promise<Map<string, Record<string, Date>>> {
    const out = new Map<string, Record<string, Date>>();
    if (!incidentIds.length) return out;
    const rows: { incident_id: string; key: string; at: Date }[] = await this.dataSource.query(
      `SELECT incident_id, payload->>'ruleKey' AS key, min((payload->>'stoppedAt')::timestamptz) AS at FROM incident_events
        WHERE incident_id = ANY($1::uuid[]) AND type = 'legal_clock.stopped'
        GROUP BY incident_id, payload->>'ruleKey'`,
      [incidentIds],
    );
    for (const r of rows) out.set(r.incident_id, { ...(out.get(r.incident_id) ?? {}), [r.key]: r.at });
    return out;
  }

  /** When each incident's first takedown request was published (the anchor of `takedown_requested`). */
  async clockAnchors(incidentIds: string[]): Promise<Map<string, Record<string, Date>>> {
    const out = new Map<string, Record<string, Date>>();
    if (!incidentIds.length) return out;
    const rows: { incident_id: string; at: Date }[] = await this.dataSource.query(
      `SELECT incident_id, min(coalesce((payload->>'publishedAt')::timestamptz, occurred_at)) AS at
         FROM incident_events
        WHERE incident_id = ANY($1::uuid[]) AND type = 'statement.published' AND payload->>'type' = 'takedown_request'
        GROUP BY incident_id`,
      [incidentIds],
    );
    for (const r of rows) out.set(r.incident_id, { takedown_requested: r.at });
    return out;
  }

  /** A rule of the same key and categories whose dates overlap [from, to] (to null: open-ended), if any. */
  overlappingDeadlineRule(
    manager: EntityManager,
    rule: { key: string; categories: string[]; from: string; to: string | null },
  ): Promise<DeadlineRule | null> {
    return manager
      .getRepository(DeadlineRule)
      .createQueryBuilder('r')
      .where('r.key = :key', { key: rule.key })
      .andWhere('r.categories = :categories', { categories: rule.categories })
      .andWhere('(r.effectiveTo IS NULL OR r.effectiveTo >= :from)', { from: rule.from })
      .andWhere('(CAST(:to AS date) IS NULL OR r.effectiveFrom <= CAST(:to AS date))', { to: rule.to })
      .getOne();
  }
}
