import { MigrationInterface, QueryRunner } from 'typeorm';

const SEVERITY_RULES = [
  { severity: 'L4', categories: ['public_health', 'accident_disaster'], minReach: 5000000, minUnits: 3 },
  { severity: 'L4', minReach: 20000000 },
  { severity: 'L3', minReach: 1000000, minVelocityPerHour: 2000, minUnits: 2 },
  { severity: 'L2', minReach: 100000, minVelocityPerHour: 300, minNegativeShare: 0.7 },
];

export class Detection1795393937949 implements MigrationInterface {
  name = 'Detection1795393937949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "detection_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "is_default" boolean NOT NULL DEFAULT false, "org_unit_id" uuid, "enabled_rules" text array NOT NULL, "baseline_window_hours" integer NOT NULL, "baseline_half_life_hours" double precision NOT NULL, "evaluation_horizon_hours" integer NOT NULL, "spike_z" double precision NOT NULL, "spike_min_count" integer NOT NULL, "negative_share_threshold" double precision NOT NULL, "negative_min_count" integer NOT NULL, "negative_window_minutes" integer NOT NULL, "authority_reach_threshold" bigint NOT NULL, "authority_followers_threshold" bigint NOT NULL, "major_outlets" text array NOT NULL, "dismissal_suppression_hours" integer NOT NULL, "severity_rules" jsonb NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c365bd13232a276ba5334903cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d762d9c3a8190c8ec2109a2983" ON "detection_settings"  ("is_default") WHERE "is_default"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_91e6250269403e75f6f25d6107" ON "detection_settings"  ("org_unit_id") WHERE "org_unit_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."detection_rule" AS ENUM('volume_spike', 'negative_share', 'high_authority_negative', 'fake_news_named', 'manual')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."detection_outcome" AS ENUM('opened', 'attached', 'suppressed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "detections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid, "org_unit_id" uuid NOT NULL, "rule" "public"."detection_rule" NOT NULL, "category" "public"."incident_category" NOT NULL, "severity" "public"."incident_severity" NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "evidence" jsonb NOT NULL, "outcome" "public"."detection_outcome" NOT NULL, "incident_id" uuid, "declared_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4da30bad53c898b6d767852594e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_19f92ca539e4525bc0a7e4c7a0" ON "detections"  ("incident_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9d225ebc8915defe5239929eeb" ON "detections"  ("created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6a7532cedd42d425a95e9c1dfb" ON "detections"  ("topic_id", "rule", "window_start") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_mentions" ("incident_id" uuid NOT NULL, "mention_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f4b665a023722de0b16769b2de" PRIMARY KEY ("incident_id", "mention_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a457f9410a9b8fdfea1c7ec445" ON "incident_mentions"  ("mention_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_topics" ("incident_id" uuid NOT NULL, "topic_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa169e428b99b23d2d8b7bef22f" PRIMARY KEY ("incident_id", "topic_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7730ec30b619023884e1895066" ON "incident_topics"  ("topic_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD CONSTRAINT "FK_c7e634d3845ce7b8bda9898debb" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "detections" ADD CONSTRAINT "FK_bfaf2130fde740be2fd1ea53783" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "detections" ADD CONSTRAINT "FK_94eff6f594094829cceeb63a2a8" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "detections" ADD CONSTRAINT "FK_19f92ca539e4525bc0a7e4c7a0a" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_mentions" ADD CONSTRAINT "FK_eb5bc44ed485784d99e618e0610" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_mentions" ADD CONSTRAINT "FK_a457f9410a9b8fdfea1c7ec4456" FOREIGN KEY ("mention_id") REFERENCES "mentions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_topics" ADD CONSTRAINT "FK_232c01396ec6d63ab92516a8404" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_topics" ADD CONSTRAINT "FK_7730ec30b619023884e1895066c" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Defaults for every unit (units override them through /api/detection-settings). Written out here, not
    // imported, so that this migration keeps meaning what it meant when it ran.
    await queryRunner.query(
      `INSERT INTO "detection_settings" ("is_default", "org_unit_id", "enabled_rules", "baseline_window_hours",
        "baseline_half_life_hours", "evaluation_horizon_hours", "spike_z", "spike_min_count", "negative_share_threshold",
        "negative_min_count", "negative_window_minutes", "authority_reach_threshold", "authority_followers_threshold",
        "major_outlets", "dismissal_suppression_hours", "severity_rules")
       VALUES (true, NULL, '{volume_spike,negative_share,high_authority_negative,fake_news_named,manual}', 12, 3, 24, 4, 30,
        0.6, 40, 60, 500000, 1000000,
        '{"VnExpress","Tuổi Trẻ","Thanh Niên","Dân trí","VietNamNet","VTV","Nhân Dân","Tiền Phong","Lao Động","Người Lao Động"}',
        24, $1::jsonb)`,
      [JSON.stringify(SEVERITY_RULES)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_topics" DROP CONSTRAINT "FK_7730ec30b619023884e1895066c"`);
    await queryRunner.query(`ALTER TABLE "incident_topics" DROP CONSTRAINT "FK_232c01396ec6d63ab92516a8404"`);
    await queryRunner.query(
      `ALTER TABLE "incident_mentions" DROP CONSTRAINT "FK_a457f9410a9b8fdfea1c7ec4456"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_mentions" DROP CONSTRAINT "FK_eb5bc44ed485784d99e618e0610"`,
    );
    await queryRunner.query(`ALTER TABLE "detections" DROP CONSTRAINT "FK_19f92ca539e4525bc0a7e4c7a0a"`);
    await queryRunner.query(`ALTER TABLE "detections" DROP CONSTRAINT "FK_94eff6f594094829cceeb63a2a8"`);
    await queryRunner.query(`ALTER TABLE "detections" DROP CONSTRAINT "FK_bfaf2130fde740be2fd1ea53783"`);
    await queryRunner.query(
      `ALTER TABLE "detection_settings" DROP CONSTRAINT "FK_c7e634d3845ce7b8bda9898debb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_7730ec30b619023884e1895066"`);
    await queryRunner.query(`DROP TABLE "incident_topics"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a457f9410a9b8fdfea1c7ec445"`);
    await queryRunner.query(`DROP TABLE "incident_mentions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a7532cedd42d425a95e9c1dfb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d225ebc8915defe5239929eeb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19f92ca539e4525bc0a7e4c7a0"`);
    await queryRunner.query(`DROP TABLE "detections"`);
    await queryRunner.query(`DROP TYPE "public"."detection_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."detection_rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91e6250269403e75f6f25d6107"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d762d9c3a8190c8ec2109a2983"`);
    await queryRunner.query(`DROP TABLE "detection_settings"`);
  }
}
