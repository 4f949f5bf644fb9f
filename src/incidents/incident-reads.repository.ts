import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES } from './incident-types.js';

/** A timeline event as stored. */
export interface StoredIncidentEvent {
  seq: number;
  type: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** What playbook suggestions match an incident on, as incidents stores it (the mentions' and topics' text is signals'). */
export interface IncidentSubject {
  title: string;
  summary: string | null;
  /** The incident's watchlist topics. */
  topicIds: string[];
  /** At most the requested number of its evidence mentions (in no particular order). */
  mentionIds: string[];
}

/**
 * Reads of the incidents' tables that other modules need (the timeline for replay, the legal clock's events,
 * the lock a draft's append takes, the incidents that call for a working group): exported so that no other
 * module names `incidents` or `incident_events` in its SQL.
 */
@Injectable()
export class IncidentReads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Timeline events after `afterSeq`, in seq order (keyset page on the unique (incident_id, seq) index). */
  async eventsAfter(incidentId: string, afterSeq: number, limit: number): Promise<StoredIncidentEvent[]> {
    const rows: {
      seq: number;
      type: string;
      actor_user_id: string | null;
      payload: Record<string, unknown>;
      occurred_at: Date;
    }[] = await this.dataSource.query(
      `SELECT seq, type, actor_user_id, payload, occurred_at
         FROM incident_events WHERE incident_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [incidentId, afterSeq, limit],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      actorUserId: r.actor_user_id,
      payload: r.payload,
      occurredAt: r.occurred_at,
    }));
  }

  /** The events of the given types of an incident, optionally only those whose payload's `ruleKey` matches. */
  async eventsOfTypes(
    manager: EntityManager,
    incidentId: string,
    types: string[],
    ruleKey?: string,
  ): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    return manager.query(
      `SELECT type, payload FROM incident_events
        WHERE incident_id = $1 AND type = ANY($2::text[])
          AND ($3::text IS NULL OR payload->>'ruleKey' = $3)`,
      [incidentId, types, ruleKey ?? null],
    );
  }

  /** The ids of open incidents, most recently detected first. */
  async openIds(manager: EntityManager = this.dataSource.manager, limit?: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM incidents WHERE status::text = ANY($1) ORDER BY detected_at DESC LIMIT $2`,
      [OPEN_STATUSES, limit ?? null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The incident's status, its row share-locked until the caller's transaction ends: a closing (which locks the
   * row for update) waits for the caller, and the caller waits for a closing in flight. Null when it is gone.
   */
  async statusForShare(manager: EntityManager, incidentId: string): Promise<string | null> {
    const rows: { status: string }[] = await manager.query(
      `SELECT status FROM incidents WHERE id = $1 FOR SHARE`,
      [incidentId],
    );
    return rows[0]?.status ?? null;
  }

  /** The incident's status now (null when it is gone). */
  async status(incidentId: string): Promise<string | null> {
    const rows: { status: string }[] = await this.dataSource.query(
      `SELECT status FROM incidents WHERE id = $1`,
      [incidentId],
    );
    return rows[0]?.status ?? null;
  }

  /** Title, summary, topic ids and up to `mentionLimit` evidence mention ids of an incident (null when it is gone). */
  async subject(
    manager: EntityManager,
    incidentId: string,
    mentionLimit: number,
  ): Promise<IncidentSubject | null> {
    const [row]: { title: string; summary: string | null; topic_ids: string[]; mention_ids: string[] }[] =
      await manager.query(
        `SELECT i.title, i.summary,
                coalesce((SELECT array_agg(it.topic_id::text) FROM incident_topics it WHERE it.incident_id = i.id), '{}')
                  AS topic_ids,
                coalesce((SELECT array_agg(im.mention_id::text)
                            FROM (SELECT mention_id FROM incident_mentions WHERE incident_id = i.id LIMIT $2) im), '{}')
                  AS mention_ids
           FROM incidents i WHERE i.id = $1`,
        [incidentId, mentionLimit],
      );
    if (!row) return null;
    return { title: row.title, summary: row.summary, topicIds: row.topic_ids, mentionIds: row.mention_ids };
  }

  /** Open incidents that call for a working group (active, or L3/L4 and open), oldest detection first. */
  async callingForGroup(manager: EntityManager): Promise<{ id: string; since: Date }[]> {
    return manager.query(
      `SELECT i.id, i.status_changed_at AS since FROM incidents i
        WHERE i.status = 'active' OR (i.severity IN ('L3', 'L4') AND i.status::text = ANY($1))
        ORDER BY i.detected_at`,
      [OPEN_STATUSES],
    );
  }
}
