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
    return `SC-${todayInVietnam(at).slice(0, 4)}-${String(n).padStart(4, '0')}`;
  }
}
