import { MigrationInterface, QueryRunner } from 'typeorm';

export class DetectionTrust1796400000001 implements MigrationInterface {
  name = 'DetectionTrust1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "detection_labels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid, "org_unit_id" uuid NOT NULL, "incident_id" uuid, "watch_signal_id" uuid, "label" character varying(30) NOT NULL, "findings" jsonb NOT NULL, "reason" text NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d1bc055ae3460d700c7896731f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_861dee261ec3553c3641f3c794" ON "detection_labels"  ("topic_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "watch_signals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "rule" character varying(40) NOT NULL, "category" "public"."incident_category" NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "title" character varying(300) NOT NULL, "summary" text NOT NULL, "evidence" jsonb NOT NULL, "mention_ids" uuid array NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "incident_id" uuid, "dismiss_reason" character varying(40), "dismiss_note" text, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8e3a1aaffec5985ac07ff84dc7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48ba886229f65a8f4288e12e09" ON "watch_signals"  ("org_unit_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0f699941e3e8292429ae9f98f0" ON "watch_signals"  ("topic_id", "rule", "window_start") `,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "negative_spike_z" double precision NOT NULL DEFAULT 6`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "negative_spike_min_count" integer NOT NULL DEFAULT 15`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "negative_spike_min_share" double precision NOT NULL DEFAULT 0.4`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_windows_hours" integer array NOT NULL DEFAULT '{1,2,3,6}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_baseline_hours" integer NOT NULL DEFAULT 24`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_min_count" integer NOT NULL DEFAULT 15`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_min_share" double precision NOT NULL DEFAULT 0.3`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_significance" double precision NOT NULL DEFAULT 4`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "authority_open_reach_threshold" bigint NOT NULL DEFAULT 5000000`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "traction_window_minutes" integer NOT NULL DEFAULT 60`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "traction_min_mentions" integer NOT NULL DEFAULT 15`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "traction_min_outlets" integer NOT NULL DEFAULT 3`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "traction_ratio" double precision NOT NULL DEFAULT 3`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "traction_min_share" double precision NOT NULL DEFAULT 0.3`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "coalesce_minutes" integer NOT NULL DEFAULT 240`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_6a7532cedd42d425a95e9c1dfb"`);
    await queryRunner.query(`ALTER TYPE "public"."detection_rule" ADD VALUE 'negative_spike'`);
    await queryRunner.query(`ALTER TYPE "public"."detection_rule" ADD VALUE 'negative_trend'`);
    await queryRunner.query(`ALTER TYPE "public"."detection_rule" ADD VALUE 'authority_traction'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a7532cedd42d425a95e9c1dfb" ON "detections"  ("topic_id", "rule", "window_start") `,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_signals" ADD CONSTRAINT "FK_bc8bd804b89b513cf0124b03a2c" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_signals" ADD CONSTRAINT "FK_736c9b638664d254b02038ade0f" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_signals" ADD CONSTRAINT "FK_da786f6d251ac0e94925695cc0f" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Existing rows (the default and every unit's own) take the new thresholds; the columns keep no default.
    for (const column of [
      'negative_spike_z',
      'negative_spike_min_count',
      'negative_spike_min_share',
      'trend_windows_hours',
      'trend_baseline_hours',
      'trend_min_count',
      'trend_min_share',
      'trend_significance',
      'authority_open_reach_threshold',
      'traction_window_minutes',
      'traction_min_mentions',
      'traction_min_outlets',
      'traction_ratio',
      'traction_min_share',
      'coalesce_minutes',
    ]) {
      await queryRunner.query(`ALTER TABLE "detection_settings" ALTER COLUMN "${column}" DROP DEFAULT`);
    }
    // The new rules are on wherever detection was: a raw volume spike no longer opens a room on its own, so a
    // unit keeping its old list would lose spike detection.
    await queryRunner.query(
      `UPDATE "detection_settings" SET "enabled_rules" = "enabled_rules" || ARRAY(
         SELECT r FROM unnest('{negative_spike,negative_trend,authority_traction}'::text[]) r WHERE r <> ALL("enabled_rules"))`,
    );
    // The defaults the benchmark supports (bench/detection.ts, src/detection/README.md); written out here, not
    // imported, so that this migration keeps meaning what it meant when it ran.
    await queryRunner.query(
      `UPDATE "detection_settings" SET "enabled_rules" = '{volume_spike,negative_spike,negative_trend,negative_share,high_authority_negative,authority_traction,fake_news_named,manual}'
       WHERE "is_default"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watch_signals" DROP CONSTRAINT "FK_da786f6d251ac0e94925695cc0f"`);
    await queryRunner.query(`ALTER TABLE "watch_signals" DROP CONSTRAINT "FK_736c9b638664d254b02038ade0f"`);
    await queryRunner.query(`ALTER TABLE "watch_signals" DROP CONSTRAINT "FK_bc8bd804b89b513cf0124b03a2c"`);
    await queryRunner.query(
      `DELETE FROM "detections" WHERE "rule"::text IN ('negative_spike', 'negative_trend', 'authority_traction')`,
    );
    await queryRunner.query(
      `UPDATE "detection_settings" SET "enabled_rules" = array_remove(array_remove(array_remove("enabled_rules", 'negative_spike'), 'negative_trend'), 'authority_traction')`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_6a7532cedd42d425a95e9c1dfb"`);
    await queryRunner.query(
      `CREATE TYPE "public"."detection_rule_old" AS ENUM('volume_spike', 'negative_share', 'high_authority_negative', 'fake_news_named', 'manual')`,
    );
    await queryRunner.query(
      `ALTER TABLE "detections" ALTER COLUMN "rule" TYPE "public"."detection_rule_old" USING "rule"::"text"::"public"."detection_rule_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."detection_rule"`);
    await queryRunner.query(`ALTER TYPE "public"."detection_rule_old" RENAME TO "detection_rule"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a7532cedd42d425a95e9c1dfb" ON "detections" USING btree ("topic_id", "rule", "window_start") `,
    );
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "coalesce_minutes"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "traction_min_share"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "traction_ratio"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "traction_min_outlets"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "traction_min_mentions"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "traction_window_minutes"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "authority_open_reach_threshold"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_significance"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_min_share"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_min_count"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_baseline_hours"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_windows_hours"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "negative_spike_min_share"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "negative_spike_min_count"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "negative_spike_z"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0f699941e3e8292429ae9f98f0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48ba886229f65a8f4288e12e09"`);
    await queryRunner.query(`DROP TABLE "watch_signals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_861dee261ec3553c3641f3c794"`);
    await queryRunner.query(`DROP TABLE "detection_labels"`);
  }
}
