import { unitWithinSql } from '../access/org-tree.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SpokespersonChange } from './periodic-report.js';
import type { TimelineEvent } from './response-metrics.js';
import type { ReviewMember, SeriesBucket } from './review-report.js';

/** Event types the periodic report reads: the first of each per incident is enough. */
const MILESTONE_TYPES = [
  'incident.opened',
  'working_group.assembled',
  'working_group.invitation_accepted',
  'statement.approved',
  'statement.published',
];

interface EventRow {
  incident_id?: string;
  seq: number;
  type: string;
  actor_user_id: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

const toEvent = (r: EventRow): TimelineEvent => ({
  seq: r.seq,
  type: r.type,
  actorUserId: r.actor_user_id,
  payload: r.payload,
  occurredAt: r.occurred_at,
});

/** The reads behind the reports: the timeline, the spread of mentions, the team, the directory's changes. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async events(incidentId: string): Promise<TimelineEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT seq, type, actor_user_id, payload, occurred_at FROM incident_events WHERE incident_id = $1 ORDER BY seq`,
      [incidentId],
    );
    return rows.map(toEvent);
  }

  /**
   * Earliest publication among the evidence mentions, per incident: the first matching signal. Mentions published
   * after detection (attached later) do not count.
   */
  async firstSignals(incidentIds: string[]): Promise<Map<string, Date>> {
    const rows: { incident_id: string; at: Date | null }[] = await this.dataSource.query(
      `SELECT im.incident_id, min(m.published_at) AS at
         FROM incident_mentions im
         JOIN mentions m ON m.id = im.mention_id
         JOIN incidents i ON i.id = im.incident_id
        WHERE im.incident_id = ANY($1::uuid[]) AND m.published_at <= i.detected_at
        GROUP BY im.incident_id`,
      [incidentIds],
    );
    return new Map(rows.filter((r) => r.at).map((r) => [r.incident_id, r.at!]));
  }

  /** The widest bucket of the incident's topics, in seconds (the report's buckets cannot be finer). */
  async topicBucketSeconds(incidentId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(max(b.bucket_seconds), 0)::int AS s FROM topic_buckets b
        WHERE b.topic_id IN (SELECT topic_id FROM incident_topics WHERE incident_id = $1)`,
      [incidentId],
    );
    return Number(row?.s ?? 0);
  }

  /**
   * Mention volume and negative count per bucket over [from, to): from the incident's watchlist topics when it
   * has some (every mention of the conversation), else from its evidence mentions. Empty buckets are filled.
   */
  async series(
    incidentId: string,
    from: Date,
    to: Date,
    bucketMinutes: number,
  ): Promise<{ source: 'topics' | 'evidence'; buckets: SeriesBucket[] }> {
    const interval = `${bucketMinutes} minutes`;
    const topics: { topic_id: string }[] = await this.dataSource.query(
      `SELECT topic_id FROM incident_topics WHERE incident_id = $1`,
      [incidentId],
    );
    // One topic: its counters (topic_buckets, already per bucket). Several: distinct mentions, so that a mention
    // matched by two topics counts once.
    const rows: { start: Date; volume: number; negative: number }[] =
      topics.length === 1
        ? await this.dataSource.query(
            `SELECT date_bin($4::interval, b.bucket_start, $2::timestamptz) AS start,
                    sum(b.volume)::int AS volume, sum(b.negative_count)::int AS negative
               FROM topic_buckets b
              WHERE b.topic_id = $1 AND b.bucket_start >= $2 AND b.bucket_start < $3
              GROUP BY 1 ORDER BY 1`,
            [topics[0].topic_id, from, to, interval],
          )
        : topics.length > 1
          ? await this.dataSource.query(
              `SELECT date_bin($4::interval, m.published_at, $2::timestamptz) AS start,
                      count(*)::int AS volume, count(*) FILTER (WHERE m.sentiment = 'negative')::int AS negative
                 FROM mentions m
                WHERE m.id IN (SELECT mention_id FROM mention_topics
                                WHERE topic_id = ANY($1::uuid[]) AND occurred_at >= $2 AND occurred_at < $3)
                GROUP BY 1 ORDER BY 1`,
              [topics.map((t) => t.topic_id), from, to, interval],
            )
          : await this.dataSource.query(
              `SELECT date_bin($4::interval, m.published_at, $2::timestamptz) AS start,
                      count(*)::int AS volume, count(*) FILTER (WHERE m.sentiment = 'negative')::int AS negative
                 FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id
                WHERE im.incident_id = $1 AND m.published_at >= $2 AND m.published_at < $3
                GROUP BY 1 ORDER BY 1`,
              [incidentId, from, to, interval],
            );
    const byStart = new Map(rows.map((r) => [new Date(r.start).getTime(), r]));
    const buckets: SeriesBucket[] = [];
    const step = bucketMinutes * 60_000;
    for (let t = from.getTime(); t < to.getTime(); t += step) {
      const r = byStart.get(t);
      buckets.push({ start: new Date(t), volume: r?.volume ?? 0, negative: r?.negative ?? 0 });
    }
    return { source: topics.length ? 'topics' : 'evidence', buckets };
  }

  async spread(incidentId: string) {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM incident_mentions WHERE incident_id = $1`,
      [incidentId],
    );
    const topOutlets: { outlet: string; mentions: number; reach: string; negative: number }[] =
      await this.dataSource.query(
        `SELECT coalesce(m.outlet, m.platform, 'Không rõ') AS outlet, count(*)::int AS mentions,
                coalesce(sum(m.reach), 0)::bigint AS reach,
                count(*) FILTER (WHERE m.sentiment = 'negative')::int AS negative
           FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id
          WHERE im.incident_id = $1
          GROUP BY 1 ORDER BY mentions DESC, reach DESC LIMIT 10`,
        [incidentId],
      );
    return {
      evidenceMentions: n as number,
      topOutlets: topOutlets.map((o) => ({ ...o, reach: Number(o.reach) })),
    };
  }

  async members(incidentId: string): Promise<ReviewMember[]> {
    const rows: ReviewMember[] = await this.dataSource.query(
      `SELECT p.full_name AS "fullName", p.position, u.name AS "unitName", m.role,
              coalesce(r.name_vi, m.role) AS "roleName", m.status, m.invited_at AS "invitedAt",
              m.responded_at AS "respondedAt", m.ack_seconds AS "ackSeconds"
         FROM working_group_members m
         JOIN people p ON p.id = m.person_id
         LEFT JOIN org_units u ON u.id = p.org_unit_id
         LEFT JOIN working_group_roles r ON r.key = m.role
        WHERE m.incident_id = $1
        ORDER BY coalesce(r.sort_order, 999), m.invited_at`,
      [incidentId],
    );
    return rows;
  }

  async userNames(userIds: string[]): Promise<Record<string, string>> {
    if (!userIds.length) return {};
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id, coalesce(p.full_name, u.display_name) AS name
         FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  /** Incidents detected in [from, to) whose responsible unit is the unit or lies below it. */
  /**
   * Press conferences held under the unit in the period, by kind, and the regular ones the unit itself held (what
   * its cadence rule counts).
   */
  async pressConferencesHeld(
    unitId: string,
    from: Date,
    to: Date,
  ): Promise<{ byKind: Record<string, number>; ownRegular: number }> {
    const rows: { kind: string; n: number; own: number }[] = await this.dataSource.query(
      `SELECT c.kind, count(*)::int AS n, count(*) FILTER (WHERE c.org_unit_id = $1)::int AS own
         FROM press_conferences c
        WHERE ${unitWithinSql('c.org_unit_id', 'ARRAY[$1]::uuid[]')}
          AND c.status = 'held' AND c.held_at >= $2 AND c.held_at < $3
        GROUP BY c.kind`,
      [unitId, from, to],
    );
    return {
      byKind: Object.fromEntries(rows.map((r) => [r.kind, r.n])),
      ownRegular: rows.find((r) => r.kind === 'regular')?.own ?? 0,
    };
  }

  /** Press reports (báo nêu) received under the unit in the period, with their answer and outcome. */
  pressCoverage(unitId: string, from: Date, to: Date) {
    return this.dataSource.query(
      `SELECT c.status, c.due_at AS "dueAt", c.responded_at AS "respondedAt", c.response_kind AS "responseKind",
              c.outcome_kind AS "outcomeKind"
         FROM press_coverage c
        WHERE ${unitWithinSql('c.org_unit_id', 'ARRAY[$1]::uuid[]')}
          AND c.received_at >= $2 AND c.received_at < $3`,
      [unitId, from, to],
    ) as Promise<
      {
        status: string;
        dueAt: Date | null;
        respondedAt: Date | null;
        responseKind: string | null;
        outcomeKind: string | null;
      }[]
    >;
  }

  /**
   * Requests for information received under the unit in the period: how many, answered (on time: closed by the
   * due time), and the refusals by the ground they named (the ground's label as dated on the refusal day).
   */
  async pressInquiries(unitId: string, from: Date, to: Date) {
    const [totals]: { received: number; answered: number; onTime: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS received,
              count(*) FILTER (WHERE i.status = 'answered')::int AS answered,
              count(*) FILTER (WHERE i.status = 'answered' AND i.closed_at <= i.due_at)::int AS "onTime"
         FROM press_inquiries i
        WHERE ${unitWithinSql('i.org_unit_id', 'ARRAY[$1]::uuid[]')}
          AND i.received_at >= $2 AND i.received_at < $3`,
      [unitId, from, to],
    );
    const refusals: { ground: string; label: string | null; count: number }[] = await this.dataSource.query(
      `SELECT i.refusal_ground_key AS ground, count(*)::int AS count,
              (SELECT g.label FROM press_refusal_grounds g WHERE g.key = i.refusal_ground_key
                ORDER BY g.effective_from DESC LIMIT 1) AS label
         FROM press_inquiries i
        WHERE ${unitWithinSql('i.org_unit_id', 'ARRAY[$1]::uuid[]')}
          AND i.received_at >= $2 AND i.received_at < $3 AND i.status = 'declined'
        GROUP BY i.refusal_ground_key
        ORDER BY count(*) DESC, i.refusal_ground_key`,
      [unitId, from, to],
    );
    return {
      received: totals.received,
      answered: totals.answered,
      answeredOnTime: totals.onTime,
      refusalsByGround: refusals.map((r) => ({
        ground: r.ground ?? '',
        label: r.label ?? r.ground ?? '',
        count: r.count,
      })),
    };
  }

  async incidentsUnder(unitId: string, from: Date, to: Date) {
    return this.dataSource.query(
      `SELECT i.id, i.code, i.title, i.category, i.severity, i.status, i.detected_at AS "detectedAt",
              i.responsible_org_unit_id AS "responsibleOrgUnitId"
         FROM incidents i
        WHERE ${unitWithinSql('i.responsible_org_unit_id', 'ARRAY[$1]::uuid[]')}
          AND i.detected_at >= $2 AND i.detected_at < $3
        ORDER BY i.detected_at`,
      [unitId, from, to],
    ) as Promise<
      {
        id: string;
        code: string;
        title: string;
        category: string;
        severity: string;
        status: string;
        detectedAt: Date;
        responsibleOrgUnitId: string;
      }[]
    >;
  }

  /**
   * The first event of each milestone type per incident (the first holding-statement publication separately),
   * plus every publication (counted by type and channel): what the periodic report's metrics need.
   */
  async milestoneEvents(incidentIds: string[]): Promise<Map<string, TimelineEvent[]>> {
    const out = new Map<string, TimelineEvent[]>();
    if (!incidentIds.length) return out;
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (incident_id, type, (type = 'statement.published' AND payload->>'type' = 'holding_statement'))
              incident_id, seq, type, actor_user_id, payload, occurred_at
         FROM incident_events
        WHERE incident_id = ANY($1::uuid[]) AND type = ANY($2::text[])
        ORDER BY incident_id, type, (type = 'statement.published' AND payload->>'type' = 'holding_statement'),
                 CASE WHEN type = 'statement.published' AND payload->>'type' IN ('takedown_request', 'correction_request')
                      THEN 1 ELSE 0 END,
                 coalesce((payload->>'publishedAt')::timestamptz, occurred_at), seq`,
      [incidentIds, MILESTONE_TYPES],
    );
    for (const r of rows) {
      const list = out.get(r.incident_id!) ?? [];
      list.push(toEvent(r));
      out.set(r.incident_id!, list);
    }
    for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
    return out;
  }

  /** Publications of the incidents (first publication of each statement and every further channel). */
  async publications(incidentIds: string[]) {
    if (!incidentIds.length) return [];
    return this.dataSource.query(
      `SELECT incident_id AS "incidentId", payload->>'type' AS type, payload->>'channel' AS channel,
              (payload->>'first')::boolean AS first, occurred_at AS "occurredAt"
         FROM incident_events WHERE incident_id = ANY($1::uuid[]) AND type = 'statement.published'`,
      [incidentIds],
    ) as Promise<{ incidentId: string; type: string; channel: string; first: boolean; occurredAt: Date }[]>;
  }

  /** Spokesperson designations of the units below `unitId`: one row per start and per end within [from, to]. */
  async designationChanges(unitId: string, fromDate: string, toDate: string) {
    return this.dataSource.query(
      `WITH designations AS (
         SELECT d.*, p.full_name, p.position, u.name AS unit_name
           FROM spokesperson_designations d
           JOIN people p ON p.id = d.person_id
           JOIN org_units u ON u.id = d.org_unit_id
          WHERE ${unitWithinSql('d.org_unit_id', 'ARRAY[$1]::uuid[]')}
       )
       SELECT * FROM (
         SELECT kind, valid_from AS "validFrom", valid_to AS "validTo", decision_ref AS "decisionRef", matter,
                full_name AS "fullName", position, unit_name AS "unitName", 'started' AS change, valid_from AS at
           FROM designations WHERE valid_from BETWEEN $2::date AND $3::date
         UNION ALL
         SELECT kind, valid_from, valid_to, decision_ref, matter, full_name, position, unit_name, 'ended', valid_to
           FROM designations WHERE valid_to BETWEEN $2::date AND $3::date
       ) c ORDER BY at, change DESC`,
      [unitId, fromDate, toDate],
    ) as Promise<SpokespersonChange[]>;
  }

  /** The texts an incident published (each version once, in order of first publication), in the caller's change. */
  publishedTexts(manager: EntityManager, incidentId: string): Promise<{ title: string; body: string }[]> {
    return manager.query(
      `SELECT v.title, v.body FROM statement_publications p
         JOIN statement_versions v ON v.id = p.version_id
        WHERE p.statement_id IN (SELECT id FROM statements WHERE incident_id = $1)
        GROUP BY v.id, v.title, v.body ORDER BY min(p.published_at)`,
      [incidentId],
    );
  }
}
