import { visibleIncidentSql } from '../access/incident-visibility.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { LibraryCase } from './entities/library-case.entity.js';
import { PlaybookVersion } from './entities/playbook-version.entity.js';
import { Playbook } from './entities/playbook.entity.js';

export interface SearchHit {
  kind: 'playbook' | 'incident';
  id: string;
  title: string;
  /** The title with the matched words between `\u0002` and `\u0003` (turned into <mark> by the service). */
  titleMarked: string;
  snippetMarked: string;
  rank: number;
  category: string | string[];
  severity: string;
  version: number | null;
  code: string | null;
  archivedAt: Date | null;
  responsibleUnitName: string | null;
}

/** Marks for ts_headline: control characters that cannot occur in stored text, escaped text around them. */
export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;

/** Custom SQL of the playbooks module: the incident's text for suggestions, full-text search of the library. */
@Injectable()
export class PlaybooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Installs a shipped playbook unless its key exists; its id, or null when it was there already. */
  async insertShipped(manager: EntityManager, key: string, title: string): Promise<string | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO playbooks (key, title, current_version, shipped) VALUES ($1, $2, 1, true)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [key, title],
    );
    return inserted[0]?.id ?? null;
  }

  /** The next version number of a playbook, taken (and the title changed) in the caller's transaction. */
  async bumpVersion(manager: EntityManager, id: string, title?: string): Promise<number> {
    const [row] = await manager.query(
      `WITH bumped AS (
         UPDATE playbooks SET current_version = current_version + 1, title = coalesce($2, title), updated_at = now()
          WHERE id = $1 RETURNING current_version)
       SELECT current_version FROM bumped`,
      [id, title ?? null],
    );
    return Number(row.current_version);
  }

  /** The current version of every playbook, of a category, or owned by no unit or one of `owners`. */
  currentVersions(
    manager: EntityManager,
    filter: { category?: string; owners?: string[] },
  ): Promise<PlaybookVersion[]> {
    const qb = manager
      .getRepository(PlaybookVersion)
      .createQueryBuilder('v')
      .innerJoin(Playbook, 'p', 'p.id = v.playbookId AND p.currentVersion = v.version')
      .orderBy('v.title', 'ASC');
    if (filter.category) qb.andWhere(':category = ANY(v.categories)', { category: filter.category });
    if (filter.owners) {
      qb.andWhere('(p.orgUnitId IS NULL OR p.orgUnitId IN (:...owners))', {
        owners: filter.owners.length ? filter.owners : [null],
      });
    }
    return qb.getMany();
  }

  /** The holding lines of the version applied to an incident, with where the version came from. */
  async appliedHoldingLines(
    manager: EntityManager,
    incidentId: string,
  ): Promise<
    { key: string; version: number; lines: string[] | null; origin: string; authorUserId: string | null }[]
  > {
    const rows: {
      key: string;
      version: number;
      lines: string[] | null;
      origin: string;
      created_by_user_id: string | null;
    }[] = await manager.query(
      `SELECT p.key, v.version, v.content->'holdingLines' AS lines, v.origin, v.created_by_user_id
         FROM incident_playbooks ip
         JOIN playbook_versions v ON v.id = ip.playbook_version_id
         JOIN playbooks p ON p.id = ip.playbook_id
        WHERE ip.incident_id = $1`,
      [incidentId],
    );
    return rows.map((r) => ({
      key: r.key,
      version: r.version,
      lines: r.lines,
      origin: r.origin,
      authorUserId: r.created_by_user_id,
    }));
  }

  /**
   * Ranked full-text search (`vi_unaccent`: diacritics folded) over the current versions of playbooks and the
   * library cases the user may see (`roots` null: everything; else units at or below the roots, plus the cases
   * of incidents whose working group the person belonged to).
   */
  async search(
    q: string,
    kind: 'playbook' | 'incident' | undefined,
    limit: number,
    roots: string[] | null,
    personId: string | null,
  ): Promise<SearchHit[]> {
    const parts: string[] = [];
    if (kind !== 'incident') {
      parts.push(`SELECT 'playbook' AS kind, p.id, v.title,
             ts_headline('vi_unaccent', v.title, query, '${TITLE_OPTIONS}') AS "titleMarked",
             ts_headline('vi_unaccent', v.search_text, query, '${HEADLINE_OPTIONS}') AS "snippetMarked",
             ts_rank_cd(v.search_vector, query, 32) AS rank, to_jsonb(v.categories) AS category,
             v.severity_min || '–' || v.severity_max AS severity, v.version, NULL AS code,
             NULL::timestamptz AS "archivedAt", NULL AS "responsibleUnitName"
        FROM playbooks p
        JOIN playbook_versions v ON v.playbook_id = p.id AND v.version = p.current_version, q
       WHERE v.search_vector @@ query`);
    }
    if (kind !== 'playbook') {
      const visible =
        roots === null
          ? 'TRUE'
          : visibleIncidentSql({
              incidentId: 'lc.incident_id',
              unitColumn: 'lc.responsible_org_unit_id',
              roots: '$3::uuid[]',
              personId: '$4::uuid',
            });
      parts.push(`SELECT 'incident' AS kind, lc.incident_id AS id, lc.title,
             ts_headline('vi_unaccent', lc.title, query, '${TITLE_OPTIONS}') AS "titleMarked",
             ts_headline('vi_unaccent', lc.search_text, query, '${HEADLINE_OPTIONS}') AS "snippetMarked",
             ts_rank_cd(lc.search_vector, query, 32) AS rank, to_jsonb(lc.category) AS category,
             lc.severity, NULL::int AS version, lc.code, lc.archived_at AS "archivedAt",
             lc.responsible_unit_name AS "responsibleUnitName"
        FROM library_cases lc, q
       WHERE lc.search_vector @@ query AND ${visible}`);
    }
    // Slashes split codes such as 147/2024/NĐ-CP, as in the stored vectors (see the migration).
    const params: unknown[] = [q.replace(/\//g, ' '), limit];
    if (kind !== 'playbook' && roots !== null) params.push(roots, personId);
    return this.dataSource.query(
      `WITH q AS (SELECT websearch_to_tsquery('vi_unaccent', $1) AS query)
       SELECT * FROM (${parts.join(' UNION ALL ')}) hits ORDER BY rank DESC, title LIMIT $2`,
      params,
    );
  }

  /** Files an incident in the library (or refreshes its text and title), inside the caller's transaction. */
  async upsertLibraryCase(manager: EntityManager, incident: Incident, text: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(LibraryCase)
      .values({
        incidentId: incident.id,
        code: incident.code,
        title: incident.title,
        category: incident.category,
        severity: incident.severity,
        responsibleOrgUnitId: incident.responsibleOrgUnitId,
        responsibleUnitName: incident.responsibleUnitSnapshot.name,
        detectedAt: incident.detectedAt,
        searchText: text.normalize('NFC'),
      })
      .orUpdate(['search_text', 'title'], ['incident_id'])
      .execute();
  }

  /** Whether the query has any searchable word once folded (`websearch_to_tsquery` drops punctuation). */
  async isEmptyQuery(q: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT numnode(websearch_to_tsquery('vi_unaccent', $1)) = 0 AS empty`,
      [q.replace(/\//g, ' ')],
    );
    return Boolean(row.empty);
  }
}
