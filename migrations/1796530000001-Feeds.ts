import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feed sources (src/feeds): signal sources of kind `feed`, and the RSS/Atom/JSON Feed URLs they poll with the
 * outlet's metadata and the health of the polling. Down refuses while a source of kind `feed` exists (its kind
 * has no equivalent to fall back on).
 */
export class Feeds1796530000001 implements MigrationInterface {
  name = 'Feeds1796530000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."feed_outlet_type" AS ENUM('online_news', 'print', 'radio_tv', 'magazine', 'portal')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."feed_poll_status" AS ENUM('ok', 'not_modified', 'error')`);
    await queryRunner.query(
      `CREATE TABLE "feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "outlet_name" character varying(300) NOT NULL, "outlet_type" "public"."feed_outlet_type" NOT NULL, "major_outlet" boolean NOT NULL DEFAULT false, "interval_seconds" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "etag" character varying(500), "last_modified" character varying(100), "last_status" "public"."feed_poll_status", "last_polled_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT '0', "last_items_seen" integer NOT NULL DEFAULT '0', "last_items_new" integer NOT NULL DEFAULT '0', "items_seen_total" bigint NOT NULL DEFAULT '0', "items_new_total" bigint NOT NULL DEFAULT '0', "last_rejects" jsonb NOT NULL DEFAULT '[]', "next_poll_at" TIMESTAMP WITH TIME ZONE, "poll_lease_until" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3dafbf766ecbb1eb2017732153f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ce749f408b20d967d3bb4f6288" ON "feeds" ("source_id", "url") `,
    );
    await queryRunner.query(`ALTER TYPE "public"."signal_source_kind" ADD VALUE 'feed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."signal_source_kind_old" AS ENUM('social_listening', 'commercial_platform', 'press_review', 'manual')`,
    );
    await queryRunner.query(
      `ALTER TABLE "signal_sources" ALTER COLUMN "kind" TYPE "public"."signal_source_kind_old" USING "kind"::"text"::"public"."signal_source_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."signal_source_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."signal_source_kind_old" RENAME TO "signal_source_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce749f408b20d967d3bb4f6288"`);
    await queryRunner.query(`DROP TABLE "feeds"`);
    await queryRunner.query(`DROP TYPE "public"."feed_poll_status"`);
    await queryRunner.query(`DROP TYPE "public"."feed_outlet_type"`);
  }
}
