import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A dated retention policy (mention_retention_policies). */
export interface RetentionPolicy {
  validFrom: string;
  keepMonths: number;
  note: string | null;
  createdAt: Date;
}

/** A partition of `mentions` as the console shows it: `month` null for the DEFAULT one (`mentions_kept`). */
export interface PartitionStats {
  month: string | null;
  /** PostgreSQL's estimate (null: not estimated yet, before the first analyze). */
  rowsApprox: number | null;
  /** Its mentions linked to an incident: the evidence kept when the month is dropped. */
  evidence: number;
}

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
const KEY_PARTITION = /^mention_keys_w(\d{4})(\d{2})(\d{2})$/;

/** The partition of the key table `mention_keys` holding the week (Monday, `YYYY-MM-DD`) `week` starts. */
export function keyPartitionOf(week: string): string {
  return `mention_keys_w${week.replaceAll('-', '')}`;
}

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

  /** The weeks (Monday, `YYYY-MM-DD`) that have a partition of the key table, oldest first. */
  async keyWeeks(manager: EntityManager): Promise<string[]> {
    const rows: { name: string }[] = await manager.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'mention_keys'::regclass`,
    );
    return rows
      .map((r) => KEY_PARTITION.exec(r.name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]}-${m[2]}-${m[3]}`)
      .sort();
  }

  /** Creates the key table's partition of a week if missing (moving in its days' rows from the DEFAULT one). */
  async createKeyWeek(manager: EntityManager, week: string): Promise<boolean> {
    const name = keyPartitionOf(week);
    const [exists] = await manager.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [name]);
    if (exists.e) return false;
    const end = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await manager.query(
      `CREATE TABLE "${name}" (LIKE mention_keys INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    await manager.query(
      `WITH moved AS (DELETE FROM mention_keys_default WHERE seen_on >= $1 AND seen_on < $2 RETURNING *)
       INSERT INTO "${name}" SELECT * FROM moved`,
      [week, end],
    );
    await manager.query(
      `ALTER TABLE mention_keys ATTACH PARTITION "${name}" FOR VALUES FROM ('${week}') TO ('${end}')`,
    );
    return true;
  }

  /**
   * Forgets the keys seen before `from` (`YYYY-MM-DD`): drops every week partition that ends by then (catalogue
   * work, whatever its size), and deletes by range the DEFAULT partition's rows before it (there are some only
   * when the job was behind). Returns the weeks dropped.
   */
  async dropKeysBefore(manager: EntityManager, from: string): Promise<string[]> {
    const dropped: string[] = [];
    for (const week of await this.keyWeeks(manager)) {
      const end = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      if (end > from) break;
      await manager.query(`ALTER TABLE mention_keys DETACH PARTITION "${keyPartitionOf(week)}"`);
      await manager.query(`DROP TABLE "${keyPartitionOf(week)}"`);
      dropped.push(week);
    }
    await manager.query(`DELETE FROM mention_keys_default WHERE seen_on < $1`, [from]);
    return dropped;
  }

  /** Every retention policy, newest first. */
  async policies(manager: EntityManager): Promise<RetentionPolicy[]> {
    const rows: { valid_from: string; keep_months: number; note: string | null; created_at: Date }[] =
      await manager.query(
        `SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from, keep_months, note, created_at
           FROM mention_retention_policies ORDER BY valid_from DESC`,
      );
    return rows.map((r) => ({
      validFrom: r.valid_from,
      keepMonths: Number(r.keep_months),
      note: r.note,
      createdAt: r.created_at,
    }));
  }

  /** Adds a policy; false when one already starts on that day. */
  async insertPolicy(
    manager: EntityManager,
    policy: { validFrom: string; keepMonths: number; note: string | null },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO mention_retention_policies (valid_from, keep_months, note) VALUES ($1, $2, $3)
       ON CONFLICT (valid_from) DO NOTHING RETURNING valid_from`,
      [policy.validFrom, policy.keepMonths, policy.note],
    );
    return rows.length === 1;
  }

  /**
   * Every partition of `mentions` (months oldest first, then the DEFAULT one): the estimated rows (catalogue, no
   * scan) and the incident evidence in it (`evidenceIds`, given by incidents as to retention; found by index probes).
   */
  async partitionStats(manager: EntityManager, evidenceIds: readonly string[]): Promise<PartitionStats[]> {
    const parts: { name: string; rows: number; is_default: boolean }[] = await manager.query(
      `SELECT c.relname AS name, c.reltuples::float8 AS rows,
              pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' AS is_default
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'mentions'::regclass`,
    );
    const evidence: { name: string; n: number }[] = await manager.query(
      `SELECT m.tableoid::regclass::text AS name, count(DISTINCT m.id)::int AS n
         FROM unnest($1::uuid[]) AS e(id) JOIN mentions m ON m.id = e.id
        GROUP BY 1`,
      [evidenceIds],
    );
    const byName = new Map(evidence.map((e) => [e.name.replaceAll('"', ''), Number(e.n)]));
    const stats = parts.map((p) => {
      const m = PARTITION.exec(p.name);
      return {
        month: p.is_default || !m ? null : `${m[1]}-${m[2]}-01`,
        rowsApprox: Number(p.rows) < 0 ? null : Math.round(Number(p.rows)),
        evidence: byName.get(p.name) ?? 0,
      };
    });
    return stats.sort((a, b) =>
      a.month === b.month ? 0 : a.month === null ? 1 : b.month === null ? -1 : a.month < b.month ? -1 : 1,
    );
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
