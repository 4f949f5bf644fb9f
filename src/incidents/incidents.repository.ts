import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Incident } from './entities/incident.entity.js';
import { vietnamDate } from './legal-clock.js';
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

/** Custom SQL of the incidents module (recursive unit trees, visibility, topic lookups). */
@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the person holds a role (invited or accepted) in the incident's working group. */
  async isWorkingGroupMember(incidentId: string, personId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM working_group_members
        WHERE incident_id = $1 AND person_id = $2 AND status IN ('invited', 'accepted') LIMIT 1`,
      [incidentId, personId],
    );
    return rows.length > 0;
  }

  /** True when `unitId` is `ancestorId` itself or lies anywhere below it in the unit tree. */
  async isUnitWithin(
    unitId: string,
    ancestorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM org_units WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
       )
       SELECT 1 FROM up WHERE id = $2 LIMIT 1`,
      [unitId, ancestorId],
    );
    return rows.length > 0;
  }

  async list(filter: IncidentListFilter): Promise<{ items: Incident[]; total: number }> {
    const qb = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .orderBy('i.detectedAt', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.visibleUnderUnitIds !== null) {
      const member = filter.memberPersonId
        ? `i.id IN (SELECT incident_id FROM working_group_members
             WHERE person_id = :memberPersonId AND status IN ('invited', 'accepted'))`
        : 'FALSE';
      const underUnits = filter.visibleUnderUnitIds.length
        ? `i.responsibleOrgUnitId IN (
            WITH RECURSIVE down AS (
              SELECT id, 0 AS depth FROM org_units WHERE id = ANY(:roots)
              UNION ALL
              SELECT u.id, down.depth + 1 FROM org_units u JOIN down ON u.parent_id = down.id WHERE down.depth < 20
            ) SELECT id FROM down)`
        : 'FALSE';
      qb.andWhere(`(${underUnits} OR ${member})`, {
        roots: filter.visibleUnderUnitIds,
        memberPersonId: filter.memberPersonId,
      });
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

  async mentionsOf(incidentId: string, limit: number, offset: number) {
    const items = await this.dataSource.query(
      `SELECT m.id, m.source_type AS "sourceType", m.platform, m.outlet, m.url, m.title, left(m.text, 500) AS snippet,
         m.published_at AS "publishedAt", m.reach, m.sentiment, m.fake_news_label AS "fakeNewsLabel",
         m.evidence_url AS "evidenceUrl", im.linked_at AS "linkedAt"
       FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id
       WHERE im.incident_id = $1
       ORDER BY coalesce(m.reach, 0) DESC, m.published_at DESC NULLS LAST, m.id
       LIMIT $2 OFFSET $3`,
      [incidentId, limit, offset],
    );
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM incident_mentions WHERE incident_id = $1`,
      [incidentId],
    );
    return { items, total: n };
  }

  async nextCode(manager: EntityManager, at: Date): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('incident_code_seq') AS n`);
    return `SC-${vietnamDate(at).slice(0, 4)}-${String(n).padStart(4, '0')}`;
  }
}
