import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { visibleIncidentSql } from '../access/incident-visibility.js';
import { Incident } from './entities/incident.entity.js';
import { todayInVietnam } from '../common/dates.js';
import { IncidentStatus } from './incident-types.js';

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

/** Custom SQL of the incidents module (lists, evidence, codes); visibility comes from access/. */
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
}
