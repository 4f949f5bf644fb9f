import { MigrationInterface, QueryRunner } from 'typeorm';

export class Signals1795393782508 implements MigrationInterface {
  name = 'Signals1795393782508';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."signal_source_kind" AS ENUM('social_listening', 'commercial_platform', 'press_review', 'manual')`,
    );
    await queryRunner.query(
      `CREATE TABLE "signal_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" "public"."signal_source_kind" NOT NULL, "description" text, "org_unit_id" uuid, "active" boolean NOT NULL DEFAULT true, "secret" character varying(100) NOT NULL, "previous_secret" character varying(100), "previous_secret_valid_until" TIMESTAMP WITH TIME ZONE, "secret_rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_595dfe5f24b567febebc960662d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6b85ae253388e599182a89d2a1" ON "signal_sources"  ("name") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."mention_source_type" AS ENUM('print', 'online_news', 'radio_tv', 'social', 'forum', 'video')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sentiment_label" AS ENUM('positive', 'neutral', 'negative')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."fake_news_label" AS ENUM('tin_gia', 'tin_sai_su_that', 'tin_xac_thuc')`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "external_id" character varying(200), "source_type" "public"."mention_source_type" NOT NULL, "platform" character varying(100), "outlet" character varying(300), "followers" bigint, "verified" boolean, "url" character varying(2000), "title" text, "text" text, "content_hash" character(64) NOT NULL, "url_key" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "collected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reach" bigint, "reactions" bigint, "comments" bigint, "shares" bigint, "sentiment" "public"."sentiment_label" NOT NULL, "sentiment_score" real, "sentiment_origin" character varying(10) NOT NULL, "geo_code" character varying(20), "language" character varying(20), "fake_news_label" "public"."fake_news_label", "evidence_url" character varying(2000), CONSTRAINT "PK_2c728c4685beaa7be19e11eae42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_454dbdf52bac1a837b900c84d9" ON "mentions"  ("url_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_be85e372d23119669439af4b30" ON "mentions"  ("source_id", "external_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."topic_category" AS ENUM('fake_news', 'policy_backlash', 'accident_disaster', 'public_health', 'service_failure', 'misconduct_allegation', 'data_leak', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "topics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text, "category" "public"."topic_category" NOT NULL DEFAULT 'other', "any_terms" text array NOT NULL DEFAULT '{}', "all_terms" text array NOT NULL DEFAULT '{}', "none_terms" text array NOT NULL DEFAULT '{}', "unit_names" text array NOT NULL DEFAULT '{}', "leader_names" text array NOT NULL DEFAULT '{}', "geo_codes" text array NOT NULL DEFAULT '{}', "bucket_minutes" smallint NOT NULL DEFAULT '5', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4aa99a3fa60ec3a37d1fc4e853" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fa2ba95b3d05b74dca1ed2ead2" ON "topics"  ("org_unit_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."mention_matched_on" AS ENUM('keywords', 'unit_name', 'leader_name')`,
    );
    await queryRunner.query(
      `CREATE TABLE "mention_topics" ("mention_id" uuid NOT NULL, "topic_id" uuid NOT NULL, "matched_on" "public"."mention_matched_on" NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6aaf2ae4bf6d312f922c301e7de" PRIMARY KEY ("topic_id", "occurred_at", "mention_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "signal_webhook_receipts" ("source_id" uuid NOT NULL, "signature" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_116b3dd31685b30c37376670d7d" PRIMARY KEY ("source_id", "signature"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0f5c29f00f6f87396a575aabba" ON "signal_webhook_receipts"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "topic_buckets" ("topic_id" uuid NOT NULL, "bucket_start" TIMESTAMP WITH TIME ZONE NOT NULL, "bucket_seconds" integer NOT NULL, "volume" integer NOT NULL DEFAULT '0', "negative_count" integer NOT NULL DEFAULT '0', "positive_count" integer NOT NULL DEFAULT '0', "fake_news_count" integer NOT NULL DEFAULT '0', "named_count" integer NOT NULL DEFAULT '0', "reach_sum" bigint NOT NULL DEFAULT '0', "negative_reach_sum" bigint NOT NULL DEFAULT '0', "weighted_reach" double precision NOT NULL DEFAULT '0', "max_negative_reach" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d19c21df93b686c684969d17633" PRIMARY KEY ("topic_id", "bucket_start"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "signal_sources" ADD CONSTRAINT "FK_0995152dcfc47095f5952ce1187" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topics" ADD CONSTRAINT "FK_e6000eeb54599eca562f05b497f" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signal_webhook_receipts" ADD CONSTRAINT "FK_5a6099e475147eb2acd6215665f" FOREIGN KEY ("source_id") REFERENCES "signal_sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_buckets" ADD CONSTRAINT "FK_66a80258d9bb0d380987ecc60ef" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "topic_buckets" DROP CONSTRAINT "FK_66a80258d9bb0d380987ecc60ef"`);
    await queryRunner.query(
      `ALTER TABLE "signal_webhook_receipts" DROP CONSTRAINT "FK_5a6099e475147eb2acd6215665f"`,
    );
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "FK_e6000eeb54599eca562f05b497f"`);
    await queryRunner.query(`ALTER TABLE "signal_sources" DROP CONSTRAINT "FK_0995152dcfc47095f5952ce1187"`);
    await queryRunner.query(`DROP TABLE "topic_buckets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0f5c29f00f6f87396a575aabba"`);
    await queryRunner.query(`DROP TABLE "signal_webhook_receipts"`);
    await queryRunner.query(`DROP TABLE "mention_topics"`);
    await queryRunner.query(`DROP TYPE "public"."mention_matched_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fa2ba95b3d05b74dca1ed2ead2"`);
    await queryRunner.query(`DROP TABLE "topics"`);
    await queryRunner.query(`DROP TYPE "public"."topic_category"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be85e372d23119669439af4b30"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_454dbdf52bac1a837b900c84d9"`);
    await queryRunner.query(`DROP TABLE "mentions"`);
    await queryRunner.query(`DROP TYPE "public"."fake_news_label"`);
    await queryRunner.query(`DROP TYPE "public"."sentiment_label"`);
    await queryRunner.query(`DROP TYPE "public"."mention_source_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6b85ae253388e599182a89d2a1"`);
    await queryRunner.query(`DROP TABLE "signal_sources"`);
    await queryRunner.query(`DROP TYPE "public"."signal_source_kind"`);
  }
}
