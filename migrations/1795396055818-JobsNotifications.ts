import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsNotifications1795396055818 implements MigrationInterface {
  name = 'JobsNotifications1795396055818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."scheduled_job_state" AS ENUM('pending', 'done', 'failed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "scheduled_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(100) NOT NULL, "key" character varying(200), "payload" jsonb NOT NULL DEFAULT '{}', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" "public"."scheduled_job_state" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "fired_at" TIMESTAMP WITH TIME ZONE, "fired_by" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_119312a5470a95ee9c733a5246d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b15747a2c056f9f043246a29a0" ON "scheduled_jobs"  ("due_at") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bbc1a8e2bcb88243e35a96ffd8" ON "scheduled_jobs"  ("key") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(100) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba012fe74afdff0b196ef98622" ON "notifications"  ("kind") `);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_channel" AS ENUM('in_app', 'email', 'webhook')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_delivery_state" AS ENUM('pending', 'sent', 'failed', 'skipped')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "channel" "public"."notification_channel" NOT NULL, "recipient_user_id" uuid, "address" character varying(320), "recipient_name" character varying(200), "state" "public"."notification_delivery_state" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_435486b970fffc3e33a7450ee9" ON "notification_deliveries"  ("notification_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d10e43a2ab04f04f2eb78e02a" ON "notification_deliveries"  ("state", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ec26c0c688f0ad53485a86ecc9" ON "notification_deliveries"  ("recipient_user_id", "channel", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2f2bf1d435999f05a552cb7884" ON "notification_deliveries"  ("next_attempt_at") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_435486b970fffc3e33a7450ee97" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_754b483843ff095c71800e6997a" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_754b483843ff095c71800e6997a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_435486b970fffc3e33a7450ee97"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_2f2bf1d435999f05a552cb7884"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ec26c0c688f0ad53485a86ecc9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d10e43a2ab04f04f2eb78e02a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_435486b970fffc3e33a7450ee9"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TYPE "public"."notification_delivery_state"`);
    await queryRunner.query(`DROP TYPE "public"."notification_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba012fe74afdff0b196ef98622"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bbc1a8e2bcb88243e35a96ffd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b15747a2c056f9f043246a29a0"`);
    await queryRunner.query(`DROP TABLE "scheduled_jobs"`);
    await queryRunner.query(`DROP TYPE "public"."scheduled_job_state"`);
  }
}
