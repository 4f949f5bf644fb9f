import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A month partition of `mentions` (and its twin of `mention_topics`). */
export interface MonthPartition {
  /** First day of the month, `YYYY-MM-01`. */
  month: string;
  mentions: string;
  links: string;
}

export interface RetentionOutcome {
  /** Months whose partitions were detached and dropped. */
  dropped: string[];
  /** Linked mentions (incident evidence) moved into `mentions_kept` before their month was dropped. */
  keptMentions: number;
  keptLinks: number;
}

const PARTITION = /^mentions_y(\d{4})m(\d{2})$/;

export function partitionOf(month: string): MonthPartition {
  const [y, m] = month.split('-');
  return { month, mentions: `mentions_y${y}m${m}`, links: `mention_topics_y${y}m${m}` };
}

/** `YYYY-MM-01` of the month `offset` months from the one holding `at` (UTC). */
export function monthStart(at: Date, offset = 0): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The DDL of the month partitions of `mentions` and `mention_topics` (migration MentionPartitions): created ahead,
 * and dropped by retention after moving the month's incident evidence into the DEFAULT partitions
 * (`mentions_kept`, `mention_topics_kept`), which hold every month no partition covers.
 */
@Injectable()
export class MentionPartitionsRepository {
  /** The months that have a partition, oldest first. */
  async months(manager: EntityManager): Promise<string[]> {
    const rows: { name: string }[] = await manager.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'mentions'::regclass`,
    );
    return rows
      .map((r) => PARTITION.exec(r.name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]}-${m[2]}-01`)
      .sort();
  }

  /**
   * Creates the month's partitions if missing. Rows of that month already in the DEFAULT partitions (the job
   * was behind) are moved into them first, as PostgreSQL requires before attaching.
   */
  async create(manager: EntityManager, month: string): Promise<boolean> {
    const p = partitionOf(month);
    const [exists] = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [p.mentions]);
    if (exists.e) return false;
    const next = monthStart(new Date(`${month}T00:00:00Z`), 1);
    await manager.query(
      `CREATE TABLE "${p.mentions}" (LIKE mentions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    await manager.query(
      `WITH moved AS (DELETE FROM mentions_kept WHERE occurred_month = $1 RETURNING *)
       INSERT INTO "${p.mentions}" SELECT * FROM moved`,
      [month],
    );
    await manager.query(
      `ALTER TABLE mentions ATTACH PARTITION "${p.mentions}" FOR VALUES FROM ('${month}') TO ('${next}')`,
    );
    await manager.query(
      `CREATE TABLE "${p.links}" (LIKE mention_topics INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    const from = `${month} 00:00:00+00`;
    const to = `${next} 00:00:00+00`;
    await manager.query(
      `WITH moved AS (DELETE FROM mention_topics_kept WHERE occurred_at >= $1 AND occurred_at < $2 RETURNING *)
       INSERT INTO "${p.links}" SELECT * FROM moved`,
      [from, to],
    );
    await manager.query(
      `ALTER TABLE mention_topics ATTACH PARTITION "${p.links}" FOR VALUES FROM ('${from}') TO ('${to}')`,
    );
    return true;
  }

  /** Months of unlinked mentions to keep, as in force on `on` (mention_retention_policies). */
  async keepMonths(manager: EntityManager, on: Date): Promise<number> {
    const [row] = await manager.query(
      `SELECT keep_months FROM mention_retention_policies WHERE valid_from <= $1::date
        ORDER BY valid_from DESC LIMIT 1`,
      [on.toISOString().slice(0, 10)],
    );
    return row ? Number(row.keep_months) : Number.POSITIVE_INFINITY;
  }

  /**
   * Drops one month: its incident evidence (the mentions among `evidenceIds` that lie in the month, and their
   * topic links) is copied aside, both partitions are detached, the evidence goes back in (it lands in the
   * DEFAULT partitions, no month partition covering it any more) and the detached tables are dropped. No row of
   * the month is deleted one by one; the evidence is found by index probes of the given ids, not a scan of the
   * month. `evidenceIds` comes from incidents (which own the links), read in the same transaction.
   */
  async drop(
    manager: EntityManager,
    month: string,
    evidenceIds: readonly string[],
  ): Promise<{ mentions: number; links: number }> {
    const p = partitionOf(month);
    await manager.query(
      `CREATE TEMPORARY TABLE kept_mentions ON COMMIT DROP AS
       SELECT m.* FROM "${p.mentions}" m WHERE m.id = ANY($2::uuid[]) AND m.occurred_month = $1`,
      [month, evidenceIds],
    );
    await manager.query(
      `CREATE TEMPORARY TABLE kept_links ON COMMIT DROP AS
       SELECT l.* FROM "${p.links}" l WHERE l.mention_id IN (SELECT id FROM kept_mentions)`,
    );
    await manager.query(`ALTER TABLE mentions DETACH PARTITION "${p.mentions}"`);
    await manager.query(`ALTER TABLE mention_topics DETACH PARTITION "${p.links}"`);
    const [{ n: mentions }] = await manager.query(
      `WITH ins AS (INSERT INTO mentions SELECT * FROM kept_mentions RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    const [{ n: links }] = await manager.query(
      `WITH ins AS (INSERT INTO mention_topics SELECT * FROM kept_links RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    await manager.query(`DROP TABLE "${p.mentions}"`);
    await manager.query(`DROP TABLE "${p.links}"`);
    await manager.query(`DROP TABLE kept_mentions`);
    await manager.query(`DROP TABLE kept_links`);
    return { mentions: Number(mentions), links: Number(links) };
  }
}
