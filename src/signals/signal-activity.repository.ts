import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { arrayLiteral, columnLiteral } from './signals.repository.js';
import type { MentionTopicLink } from './signals.repository.js';

/** One batch's effect on its source's hourly activity (see recordActivity). */
export interface SourceActivityWrite {
  sourceId: string;
  via: string;
  accepted: number;
  duplicates: number;
  /** Refused items: the field (or `item`) and the reason without the item's position. */
  rejected: { field: string; reason: string }[];
  /** Topic links of the stored mentions. */
  links: readonly MentionTopicLink[];
}

/** The SQL of the sources' hourly activity, matched topics and reject log (the source screen). */
@Injectable()
export class SignalActivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What a batch did to its source's hourly activity (arrival hour): counts, the topics its stored mentions
   * matched, and the compact reject log. Three small upserts in the batch's transaction.
   */
  async recordActivity(manager: EntityManager, activity: SourceActivityWrite): Promise<void> {
    const { sourceId, via, accepted, duplicates, rejected, links } = activity;
    if (!accepted && !duplicates && !rejected.length) return;
    await manager.query(
      `INSERT INTO signal_source_hours AS h (source_id, hour_start, accepted, duplicates, rejected)
       VALUES ($1, date_trunc('hour', now()), $2, $3, $4)
       ON CONFLICT (source_id, hour_start) DO UPDATE SET accepted = h.accepted + EXCLUDED.accepted,
         duplicates = h.duplicates + EXCLUDED.duplicates, rejected = h.rejected + EXCLUDED.rejected`,
      [sourceId, accepted, duplicates, rejected.length],
    );
    if (links.length) {
      const perTopic = new Map<string, number>();
      for (const l of links) perTopic.set(l.topicId, (perTopic.get(l.topicId) ?? 0) + 1);
      const topics = [...perTopic.keys()].sort();
      await manager.query(
        `INSERT INTO signal_source_topic_hours AS t (source_id, topic_id, hour_start, mentions)
         SELECT $1, topic_id, date_trunc('hour', now()), n FROM unnest($2::uuid[], $3::int[]) AS u(topic_id, n)
         ON CONFLICT (source_id, topic_id, hour_start) DO UPDATE SET mentions = t.mentions + EXCLUDED.mentions`,
        [sourceId, arrayLiteral(topics), arrayLiteral(topics.map((t) => perTopic.get(t) ?? 0))],
      );
    }
    if (rejected.length) {
      const perReason = new Map<string, { field: string; reason: string; n: number }>();
      for (const r of rejected) {
        const key = `${r.field}\u0000${r.reason}`;
        const known = perReason.get(key);
        if (known) known.n++;
        else perReason.set(key, { ...r, n: 1 });
      }
      const rows = [...perReason.values()].sort((a, b) =>
        a.field === b.field ? (a.reason < b.reason ? -1 : 1) : a.field < b.field ? -1 : 1,
      );
      await manager.query(
        `INSERT INTO signal_rejects AS r (source_id, hour_start, via, field, reason, count, last_at)
         SELECT $1, date_trunc('hour', now()), $2, field, reason, n, now()
         FROM unnest($3::varchar[], $4::varchar[], $5::int[]) AS u(field, reason, n)
         ON CONFLICT (source_id, hour_start, via, field, reason) DO UPDATE
           SET count = r.count + EXCLUDED.count, last_at = EXCLUDED.last_at`,
        [
          sourceId,
          via,
          columnLiteral(rows, (r) => r.field),
          columnLiteral(rows, (r) => r.reason),
          columnLiteral(rows, (r) => r.n),
        ],
      );
    }
  }

  /** A source's arrivals per hour since `since`, oldest first. */
  async sourceHours(sourceId: string, since: Date) {
    const rows: { hour_start: Date; accepted: number; duplicates: number; rejected: number }[] =
      await this.dataSource.query(
        `SELECT hour_start, accepted, duplicates, rejected FROM signal_source_hours
         WHERE source_id = $1 AND hour_start >= $2 ORDER BY hour_start`,
        [sourceId, since],
      );
    return rows.map((r) => ({
      hourStart: r.hour_start,
      accepted: r.accepted,
      duplicates: r.duplicates,
      rejected: r.rejected,
    }));
  }

  /** The topics a source's mentions matched since `since`, most matched first. */
  async sourceTopics(sourceId: string, since: Date) {
    const rows: { topic_id: string; name: string | null; mentions: string }[] = await this.dataSource.query(
      `SELECT h.topic_id, t.name, sum(h.mentions) AS mentions
       FROM signal_source_topic_hours h LEFT JOIN topics t ON t.id = h.topic_id
       WHERE h.source_id = $1 AND h.hour_start >= $2
       GROUP BY h.topic_id, t.name ORDER BY sum(h.mentions) DESC, t.name LIMIT 50`,
      [sourceId, since],
    );
    return rows.map((r) => ({ topicId: r.topic_id, name: r.name, mentions: Number(r.mentions) }));
  }

  /** A source's refused items since `since`, by path, field and reason, the most frequent first. */
  async sourceRejects(sourceId: string, since: Date) {
    const rows: { via: string; field: string; reason: string; count: string; last_at: Date }[] =
      await this.dataSource.query(
        `SELECT via, field, reason, sum(count) AS count, max(last_at) AS last_at FROM signal_rejects
         WHERE source_id = $1 AND hour_start >= $2
         GROUP BY via, field, reason ORDER BY sum(count) DESC, max(last_at) DESC LIMIT 50`,
        [sourceId, since],
      );
    return rows.map((r) => ({
      via: r.via,
      field: r.field,
      reason: r.reason,
      count: Number(r.count),
      lastAt: r.last_at,
    }));
  }
}
