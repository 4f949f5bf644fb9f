import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every column of `mentions` before partitioning, in table order. */
const MENTION_COLUMNS =
  'id, source_id, external_id, source_type, platform, outlet, followers, verified, url, title, text, content_hash, ' +
  'url_key, published_at, collected_at, received_at, reach, reactions, comments, shares, sentiment, ' +
  'sentiment_score, sentiment_origin, geo_code, language, fake_news_label, evidence_url';

/**
 * `mentions` and `mention_topics` partitioned by month of publication (publication time, else collection time;
 * UTC months), converting the rows already stored: `mentions` by `occurred_month` (a new column), `mention_topics`
 * by `occurred_at`. One partition per month from the oldest stored month (at least three months back) to three months ahead (the signals
 * job keeps creating them ahead); the DEFAULT partitions (`mentions_kept`, `mention_topics_kept`) hold what no
 * month partition covers: the incident evidence kept when retention drops its month, and anything older than
 * the oldest month. Unique keys include the month (PostgreSQL requires the partition key in them): a mention is
 * recognised as a duplicate within the month it was published in (src/signals/README.md). `incident_mentions`
 * loses its foreign key to `mentions` (it cannot reference a partitioned table by id alone); retention keeps
 * every linked mention. `mention_retention_policies`: how many months unlinked mentions are kept, dated.
 */
export class MentionPartitions1796570000001 implements MigrationInterface {
  name = 'MentionPartitions1796570000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_mentions" DROP CONSTRAINT "FK_a457f9410a9b8fdfea1c7ec4456"`,
    );
    await queryRunner.query(`ALTER TABLE "mentions" RENAME TO "mentions_unpartitioned"`);
    await queryRunner.query(`ALTER TABLE "mention_topics" RENAME TO "mention_topics_unpartitioned"`);
    await queryRunner.query(
      `CREATE TABLE "mentions" (LIKE "mentions_unpartitioned" INCLUDING DEFAULTS, "occurred_month" date NOT NULL,
         CONSTRAINT "CHK_mentions_occurred_month"
           CHECK ("occurred_month" = date_trunc('month', coalesce("published_at", "collected_at") AT TIME ZONE 'UTC')::date),
         CONSTRAINT "PK_mentions_id_month" PRIMARY KEY ("id", "occurred_month"))
       PARTITION BY RANGE ("occurred_month")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_mentions_source_external_month" ON "mentions" ("source_id", "external_id", "occurred_month")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_mentions_url_key_month" ON "mentions" ("url_key", "occurred_month")`,
    );
    await queryRunner.query(`CREATE TABLE "mentions_kept" PARTITION OF "mentions" DEFAULT`);
    await queryRunner.query(
      `CREATE TABLE "mention_topics" (LIKE "mention_topics_unpartitioned" INCLUDING DEFAULTS,
         CONSTRAINT "PK_mention_topics_topic_time_mention" PRIMARY KEY ("topic_id", "occurred_at", "mention_id"))
       PARTITION BY RANGE ("occurred_at")`,
    );
    await queryRunner.query(`CREATE TABLE "mention_topics_kept" PARTITION OF "mention_topics" DEFAULT`);
    // One partition per month, from the oldest stored one (at least three months back) to three months ahead.
    await queryRunner.query(
      `DO $$
       DECLARE
         m date;
         last date := (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months')::date;
       BEGIN
         m := least(
           (SELECT min(date_trunc('month', coalesce(published_at, collected_at) AT TIME ZONE 'UTC'))::date
              FROM mentions_unpartitioned),
           (SELECT min(date_trunc('month', occurred_at AT TIME ZONE 'UTC'))::date FROM mention_topics_unpartitioned),
           (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '3 months')::date);
         WHILE m <= last LOOP
           EXECUTE format('CREATE TABLE %I PARTITION OF mentions FOR VALUES FROM (%L) TO (%L)',
             'mentions_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'), m, (m + interval '1 month')::date);
           EXECUTE format('CREATE TABLE %I PARTITION OF mention_topics FOR VALUES FROM (%L) TO (%L)',
             'mention_topics_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
             (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
           m := (m + interval '1 month')::date;
         END LOOP;
       END $$`,
    );
    await queryRunner.query(
      `INSERT INTO "mentions" (${MENTION_COLUMNS}, occurred_month)
       SELECT ${MENTION_COLUMNS},
              date_trunc('month', coalesce(published_at, collected_at) AT TIME ZONE 'UTC')::date
         FROM "mentions_unpartitioned"`,
    );
    await queryRunner.query(
      `INSERT INTO "mention_topics" (mention_id, topic_id, matched_on, occurred_at)
       SELECT mention_id, topic_id, matched_on, occurred_at FROM "mention_topics_unpartitioned"`,
    );
    await queryRunner.query(`DROP TABLE "mentions_unpartitioned"`);
    await queryRunner.query(`DROP TABLE "mention_topics_unpartitioned"`);
    await queryRunner.query(
      `CREATE TABLE "mention_retention_policies" ("valid_from" date NOT NULL, "keep_months" integer NOT NULL,
         "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_89c33805280d1a68d1b514893c3" PRIMARY KEY ("valid_from"))`,
    );
    await queryRunner.query(
      `INSERT INTO "mention_retention_policies" (valid_from, keep_months, note)
       VALUES ('2020-01-01', 24, 'Giữ tin không gắn với sự cố 24 tháng; tin là chứng cứ của sự cố được giữ mãi')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mention_retention_policies"`);
    await queryRunner.query(`ALTER TABLE "mentions" RENAME TO "mentions_partitioned"`);
    await queryRunner.query(`ALTER TABLE "mention_topics" RENAME TO "mention_topics_partitioned"`);
    await queryRunner.query(`CREATE TABLE "mentions" (LIKE "mentions_partitioned" INCLUDING DEFAULTS)`);
    await queryRunner.query(`ALTER TABLE "mentions" DROP COLUMN "occurred_month"`);
    await queryRunner.query(
      `INSERT INTO "mentions" (${MENTION_COLUMNS}) SELECT ${MENTION_COLUMNS} FROM "mentions_partitioned"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentions" ADD CONSTRAINT "PK_2c728c4685beaa7be19e11eae42" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_454dbdf52bac1a837b900c84d9" ON "mentions" ("url_key")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_be85e372d23119669439af4b30" ON "mentions" ("source_id", "external_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "mention_topics" (LIKE "mention_topics_partitioned" INCLUDING DEFAULTS,
         CONSTRAINT "PK_6aaf2ae4bf6d312f922c301e7de" PRIMARY KEY ("topic_id", "occurred_at", "mention_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "mention_topics" (mention_id, topic_id, matched_on, occurred_at)
       SELECT mention_id, topic_id, matched_on, occurred_at FROM "mention_topics_partitioned"`,
    );
    await queryRunner.query(`DROP TABLE "mentions_partitioned"`);
    await queryRunner.query(`DROP TABLE "mention_topics_partitioned"`);
    // Evidence of mentions dropped meanwhile (none: retention keeps every linked one) would fail the key.
    await queryRunner.query(
      `DELETE FROM "incident_mentions" im WHERE NOT EXISTS (SELECT 1 FROM "mentions" m WHERE m.id = im.mention_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_mentions" ADD CONSTRAINT "FK_a457f9410a9b8fdfea1c7ec4456" FOREIGN KEY ("mention_id") REFERENCES "mentions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
