import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `mention_keys`: the compact deduplication key table (src/signals/README.md, "Partitions and retention"). One row
 * per key of a stored mention (the (source, external id) key, and the url key), with the UTC day it was first
 * seen and the mention's partition month, kept `MENTION_DEDUP_DAYS` days (default 30): a re-delivery in that time
 * is a duplicate even when its publication moved to another month. Partitioned by week of `seen_on` (Monday to
 * Monday, `mention_keys_w20261130`) so that the signals job drops whole expired weeks instead of deleting rows;
 * the DEFAULT partition `mention_keys_default` takes any day no week covers (the job was behind). Created here:
 * the weeks of the last 35 days to two weeks ahead, filled with the keys of the mentions received in the last 30
 * days (the SQL hash is the one of `externalKey` in src/signals/mention-keys.ts).
 */
export class MentionKeys1796670000001 implements MigrationInterface {
  name = 'MentionKeys1796670000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mention_keys" ("key" uuid NOT NULL, "seen_on" date NOT NULL, "month" date NOT NULL,
         CONSTRAINT "PK_mention_keys_key_seen_on" PRIMARY KEY ("key", "seen_on"))
       PARTITION BY RANGE ("seen_on")`,
    );
    await queryRunner.query(`CREATE TABLE "mention_keys_default" PARTITION OF "mention_keys" DEFAULT`);
    await queryRunner.query(
      `DO $$
       DECLARE
         w date := date_trunc('week', (now() AT TIME ZONE 'UTC') - interval '35 days')::date;
         last date := date_trunc('week', (now() AT TIME ZONE 'UTC') + interval '14 days')::date;
       BEGIN
         WHILE w <= last LOOP
           EXECUTE format('CREATE TABLE %I PARTITION OF mention_keys FOR VALUES FROM (%L) TO (%L)',
             'mention_keys_w' || to_char(w, 'YYYYMMDD'), w, w + 7);
           w := w + 7;
         END LOOP;
       END $$`,
    );
    await queryRunner.query(
      `INSERT INTO "mention_keys" (key, seen_on, month)
       SELECT k.key, min(k.seen_on), min(k.month) FROM (
         SELECT encode(substring(sha256(convert_to(source_id::text || E'\\n' || external_id, 'UTF8')) FROM 1 FOR 16),
                  'hex')::uuid AS key, (received_at AT TIME ZONE 'UTC')::date AS seen_on, occurred_month AS month
           FROM "mentions" WHERE external_id IS NOT NULL AND received_at >= now() - interval '30 days'
         UNION ALL
         SELECT url_key, (received_at AT TIME ZONE 'UTC')::date, occurred_month
           FROM "mentions" WHERE url_key IS NOT NULL AND received_at >= now() - interval '30 days'
       ) k GROUP BY k.key`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mention_keys"`);
  }
}
