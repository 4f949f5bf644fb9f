import { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1795393305710 implements MigrationInterface {
  name = 'Incidents1795393305710';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."deadline_unit" AS ENUM('minutes', 'hours', 'days')`);
    await queryRunner.query(
      `CREATE TABLE "deadline_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(60) NOT NULL, "label" character varying(300) NOT NULL, "value" integer NOT NULL, "unit" "public"."deadline_unit" NOT NULL, "anchor" character varying(40) NOT NULL DEFAULT 'detected', "categories" text array NOT NULL DEFAULT '{}', "min_severity" character varying(2), "effective_from" date NOT NULL, "effective_to" date, "legal_source" text NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_deadline_rules_value" CHECK ("value" > 0), CONSTRAINT "CHK_deadline_rules_range" CHECK ("effective_to" IS NULL OR "effective_to" >= "effective_from"), CONSTRAINT "PK_4743ed955f2bc2c60bf01c28942" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1e40bc7b33e396229da3c52dbe" ON "deadline_rules"  ("key", "effective_from") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."incident_category" AS ENUM('fake_news', 'policy_backlash', 'accident_disaster', 'public_health', 'service_failure', 'misconduct_allegation', 'data_leak', 'other')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."incident_severity" AS ENUM('L1', 'L2', 'L3', 'L4')`);
    await queryRunner.query(
      `CREATE TYPE "public"."incident_status" AS ENUM('detected', 'triaged', 'active', 'monitoring', 'resolved', 'closed', 'archived', 'dismissed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(30) NOT NULL, "title" character varying(300) NOT NULL, "summary" text, "category" "public"."incident_category" NOT NULL, "severity" "public"."incident_severity" NOT NULL, "status" "public"."incident_status" NOT NULL DEFAULT 'detected', "responsible_org_unit_id" uuid NOT NULL, "responsible_unit_snapshot" jsonb NOT NULL, "origin" character varying(20) NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dismissed_reason" text, "last_seq" integer NOT NULL DEFAULT '0', "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_incidents_last_seq" CHECK ("last_seq" >= 0), CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_af1cd86c79751f7e6b17a8b7fe" ON "incidents"  ("code") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_a12e3ce26f6096e56ba2f13ae9" ON "incidents"  ("responsible_org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b28264296f859c8b49a5400663" ON "incidents"  ("status", "detected_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_events" ("id" BIGSERIAL NOT NULL, "incident_id" uuid NOT NULL, "seq" integer NOT NULL, "type" character varying(60) NOT NULL, "actor_user_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1230e0a50df3503eed115634297" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_da4e80b8e5ec6db3715483c074" ON "incident_events"  ("incident_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."incident_fact_status" AS ENUM('unverified', 'verified', 'retracted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_facts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "statement" text NOT NULL, "source" text NOT NULL, "status" "public"."incident_fact_status" NOT NULL DEFAULT 'unverified', "verified_by_user_id" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "retraction_reason" text, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_861e5ace7bc21d099bdaaf02161" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9571f111e7d0b38df25c52e283" ON "incident_facts"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."incident_task_status" AS ENUM('todo', 'in_progress', 'done', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "description" text, "assignee_user_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE, "status" "public"."incident_task_status" NOT NULL DEFAULT 'todo', "completed_at" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d07c9a8d6f44b580e4d759c975" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cfd2bb9c57b97583d3aa916dc7" ON "incident_tasks"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_units" ("incident_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "snapshot" jsonb NOT NULL, CONSTRAINT "PK_845de2da9e9417c05fd50228533" PRIMARY KEY ("incident_id", "org_unit_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_a12e3ce26f6096e56ba2f13ae97" FOREIGN KEY ("responsible_org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_events" ADD CONSTRAINT "FK_390f216bd2d62482f4a2602b5e8" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_facts" ADD CONSTRAINT "FK_9571f111e7d0b38df25c52e2833" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_tasks" ADD CONSTRAINT "FK_cfd2bb9c57b97583d3aa916dc7a" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_tasks" ADD CONSTRAINT "FK_d9b4ae8cb9e334d64bd916fffad" FOREIGN KEY ("assignee_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_units" ADD CONSTRAINT "FK_f8389a938b515d53d5225b2981b" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_units" ADD CONSTRAINT "FK_17ede6950fd73dec07c7f6fa49f" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Human references SC-<year>-<n>.
    await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS "incident_code_seq"`);
    // Legal deadlines as dated data (DOMAIN.md); administrators add or end rules through /api/deadline-rules.
    await queryRunner.query(
      `INSERT INTO "deadline_rules" ("key", "label", "value", "unit", "anchor", "effective_from", "effective_to", "legal_source", "note") VALUES
       ('initial_information', 'Cung cấp thông tin ban đầu cho báo chí', 1, 'days', 'detected', '2013-01-01', '2026-06-30',
        'QĐ 25/2013 (chế độ trước Luật Báo chí 2025): cung cấp thông tin ban đầu trong 1 ngày',
        'Ngày bắt đầu hiệu lực cần đối chiếu văn bản gốc; một số bộ quy định 6 giờ.'),
       ('initial_information', 'Cung cấp thông tin ban đầu cho báo chí', 24, 'hours', 'detected', '2026-07-01', NULL,
        'Luật Báo chí 2025 (126/2025/QH15), hiệu lực 1/7/2026; nghị định hướng dẫn năm 2026 (được đưa tin là 244/2026): thông tin ban đầu trong 24 giờ kể từ khi tiếp nhận, xử lý sự việc',
        'Số hiệu nghị định chỉ từ một nguồn thứ cấp: cần kiểm tra lại.'),
       ('platform_takedown', 'Nền tảng gỡ bỏ, ngăn chặn nội dung vi phạm sau yêu cầu', 24, 'hours', 'takedown_requested', '2024-12-25', NULL,
        'Nghị định 147/2024/NĐ-CP (hiệu lực 25/12/2024): gỡ bỏ hoặc ngăn chặn trong 24 giờ kể từ khi có yêu cầu',
        'Tính từ lúc gửi yêu cầu gỡ bỏ, không từ lúc phát hiện.')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE IF EXISTS "incident_code_seq"`);
    await queryRunner.query(`ALTER TABLE "incident_units" DROP CONSTRAINT "FK_17ede6950fd73dec07c7f6fa49f"`);
    await queryRunner.query(`ALTER TABLE "incident_units" DROP CONSTRAINT "FK_f8389a938b515d53d5225b2981b"`);
    await queryRunner.query(`ALTER TABLE "incident_tasks" DROP CONSTRAINT "FK_d9b4ae8cb9e334d64bd916fffad"`);
    await queryRunner.query(`ALTER TABLE "incident_tasks" DROP CONSTRAINT "FK_cfd2bb9c57b97583d3aa916dc7a"`);
    await queryRunner.query(`ALTER TABLE "incident_facts" DROP CONSTRAINT "FK_9571f111e7d0b38df25c52e2833"`);
    await queryRunner.query(`ALTER TABLE "incident_events" DROP CONSTRAINT "FK_390f216bd2d62482f4a2602b5e8"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_a12e3ce26f6096e56ba2f13ae97"`);
    await queryRunner.query(`DROP TABLE "incident_units"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfd2bb9c57b97583d3aa916dc7"`);
    await queryRunner.query(`DROP TABLE "incident_tasks"`);
    await queryRunner.query(`DROP TYPE "public"."incident_task_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9571f111e7d0b38df25c52e283"`);
    await queryRunner.query(`DROP TABLE "incident_facts"`);
    await queryRunner.query(`DROP TYPE "public"."incident_fact_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_da4e80b8e5ec6db3715483c074"`);
    await queryRunner.query(`DROP TABLE "incident_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b28264296f859c8b49a5400663"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a12e3ce26f6096e56ba2f13ae9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_af1cd86c79751f7e6b17a8b7fe"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP TYPE "public"."incident_status"`);
    await queryRunner.query(`DROP TYPE "public"."incident_severity"`);
    await queryRunner.query(`DROP TYPE "public"."incident_category"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1e40bc7b33e396229da3c52dbe"`);
    await queryRunner.query(`DROP TABLE "deadline_rules"`);
    await queryRunner.query(`DROP TYPE "public"."deadline_unit"`);
  }
}
