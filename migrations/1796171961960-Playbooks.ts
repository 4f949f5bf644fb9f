import { MigrationInterface, QueryRunner } from 'typeorm';

export class Playbooks1796171961960 implements MigrationInterface {
  name = 'Playbooks1796171961960';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "playbooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(100) NOT NULL, "title" character varying(300) NOT NULL, "current_version" integer NOT NULL, "org_unit_id" uuid, "shipped" boolean NOT NULL DEFAULT false, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_700979398c237ee843f513f51ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_55c1f43f2ee228b23649dd38bb" ON "playbooks"  ("key") `);
    await queryRunner.query(
      `CREATE TABLE "playbook_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "playbook_id" uuid NOT NULL, "version" integer NOT NULL, "title" character varying(300) NOT NULL, "content" jsonb NOT NULL, "categories" text array NOT NULL, "severity_min" character varying(2) NOT NULL, "severity_max" character varying(2) NOT NULL, "search_text" text NOT NULL, "search_vector" tsvector, "origin" character varying(20) NOT NULL, "proposal_id" uuid, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_371eb82dd51f03fe849a6cf9fe6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_playbook_versions_search" ON "playbook_versions" USING gin ("search_vector") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dc7d4cef34bdbf775dbb3376a8" ON "playbook_versions"  ("playbook_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_playbooks" ("incident_id" uuid NOT NULL, "playbook_id" uuid NOT NULL, "playbook_version_id" uuid NOT NULL, "version" integer NOT NULL, "created" jsonb NOT NULL, "applied_by_user_id" uuid, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4ff496dcdd1f3012fdd70fb10a" PRIMARY KEY ("incident_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "library_cases" ("incident_id" uuid NOT NULL, "code" character varying(30) NOT NULL, "title" character varying(300) NOT NULL, "category" character varying(40) NOT NULL, "severity" character varying(2) NOT NULL, "responsible_org_unit_id" uuid NOT NULL, "responsible_unit_name" character varying(300) NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "search_text" text NOT NULL, "search_vector" tsvector, "archived_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_275aa710af3f534b54c4d611be6" PRIMARY KEY ("incident_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a80ac47ce7136e033ee39c4467" ON "library_cases"  ("responsible_org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_library_cases_search" ON "library_cases" USING gin ("search_vector") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."playbook_proposal_status" AS ENUM('pending', 'approved', 'rejected')`,
    );
    await queryRunner.query(
      `CREATE TABLE "playbook_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "playbook_id" uuid, "base_version" integer, "new_key" character varying(100), "title" character varying(300) NOT NULL, "content" jsonb NOT NULL, "rationale" text NOT NULL, "source_incident_id" uuid, "status" "public"."playbook_proposal_status" NOT NULL DEFAULT 'pending', "proposed_by_user_id" uuid NOT NULL, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "resulting_version" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb861e164e4768d420ce2b7ed21" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b5529f1d61102085525b6f6715" ON "playbook_proposals"  ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_reviews" ("incident_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "went_well" text NOT NULL DEFAULT '', "went_poorly" text NOT NULL DEFAULT '', "causes" text NOT NULL DEFAULT '', "lessons" text NOT NULL DEFAULT '', "proposals" text NOT NULL DEFAULT '', "action_items" jsonb NOT NULL DEFAULT '[]', "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by_user_id" uuid, "updated_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f8c1007b520ec96399fddd613d" PRIMARY KEY ("incident_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_role_requirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "role" character varying(50) NOT NULL, "count" integer NOT NULL, "required" boolean NOT NULL, "sources" jsonb NOT NULL DEFAULT '[]', "reason" text NOT NULL, "origin" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd9c3540db594eda8fd819351b8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0c2a576c6864849803931d858e" ON "incident_role_requirements"  ("incident_id", "role", "origin") `,
    );
    await queryRunner.query(
      `ALTER TABLE "playbooks" ADD CONSTRAINT "FK_e38013c3a768629e21edccf0701" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "playbook_versions" ADD CONSTRAINT "FK_589e5e3bd9f1023d9d750405be8" FOREIGN KEY ("playbook_id") REFERENCES "playbooks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_playbooks" ADD CONSTRAINT "FK_d4ff496dcdd1f3012fdd70fb10a" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_playbooks" ADD CONSTRAINT "FK_1ba6cb7db3f4ea83590426be898" FOREIGN KEY ("playbook_id") REFERENCES "playbooks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_playbooks" ADD CONSTRAINT "FK_afb527d7430507a474ef7f6e3e9" FOREIGN KEY ("playbook_version_id") REFERENCES "playbook_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "library_cases" ADD CONSTRAINT "FK_275aa710af3f534b54c4d611be6" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "playbook_proposals" ADD CONSTRAINT "FK_f51711ed9ace6211b366ff6fb41" FOREIGN KEY ("playbook_id") REFERENCES "playbooks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "playbook_proposals" ADD CONSTRAINT "FK_43b8ceef8fa62b406f858f028dc" FOREIGN KEY ("source_incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_reviews" ADD CONSTRAINT "FK_8f8c1007b520ec96399fddd613d" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_role_requirements" ADD CONSTRAINT "FK_ddb9d7031b09c8ccbadf4af93c0" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Search: Vietnamese words are syllables between spaces, so the `simple` parser fits; `unaccent` folds the
    // diacritics (and đ → d) before lower-casing, so `tin gia` finds `tin giả`, and ts_headline marks the words of
    // the original text. Numbers and codes (`147/2024/NĐ-CP`, `QH15`) are words too; slashes split them (the
    // parser would keep `147/2024/nd-cp` as one "file" token), in the stored vector and in queries.
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION vi_unaccent (COPY = simple)`);
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION vi_unaccent ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart, numword, numhword, hword_numpart, file WITH unaccent, simple`,
    );
    await queryRunner.query(`CREATE FUNCTION search_vector_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := setweight(to_tsvector('vi_unaccent', replace(coalesce(NEW.title, ''), '/', ' ')), 'A')
          || setweight(to_tsvector('vi_unaccent', replace(coalesce(NEW.search_text, ''), '/', ' ')), 'B');
        RETURN NEW;
      END $$`);
    for (const table of ['playbook_versions', 'library_cases']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_search_vector BEFORE INSERT OR UPDATE OF title, search_text ON "${table}" FOR EACH ROW EXECUTE FUNCTION search_vector_fill()`,
      );
    }
    // A playbook version is what was applied to incidents: frozen like statement versions.
    await queryRunner.query(
      `CREATE TRIGGER playbook_versions_immutable BEFORE UPDATE OR DELETE ON "playbook_versions" FOR EACH ROW EXECUTE FUNCTION statement_record_immutable()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER playbook_versions_no_truncate BEFORE TRUNCATE ON "playbook_versions" FOR EACH STATEMENT EXECUTE FUNCTION statement_record_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS playbook_versions_no_truncate ON "playbook_versions"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS playbook_versions_immutable ON "playbook_versions"`);
    for (const table of ['playbook_versions', 'library_cases']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_search_vector ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_vector_fill()`);
    await queryRunner.query(
      `ALTER TABLE "incident_role_requirements" DROP CONSTRAINT "FK_ddb9d7031b09c8ccbadf4af93c0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_reviews" DROP CONSTRAINT "FK_8f8c1007b520ec96399fddd613d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "playbook_proposals" DROP CONSTRAINT "FK_43b8ceef8fa62b406f858f028dc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "playbook_proposals" DROP CONSTRAINT "FK_f51711ed9ace6211b366ff6fb41"`,
    );
    await queryRunner.query(`ALTER TABLE "library_cases" DROP CONSTRAINT "FK_275aa710af3f534b54c4d611be6"`);
    await queryRunner.query(
      `ALTER TABLE "incident_playbooks" DROP CONSTRAINT "FK_afb527d7430507a474ef7f6e3e9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_playbooks" DROP CONSTRAINT "FK_1ba6cb7db3f4ea83590426be898"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_playbooks" DROP CONSTRAINT "FK_d4ff496dcdd1f3012fdd70fb10a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "playbook_versions" DROP CONSTRAINT "FK_589e5e3bd9f1023d9d750405be8"`,
    );
    await queryRunner.query(`ALTER TABLE "playbooks" DROP CONSTRAINT "FK_e38013c3a768629e21edccf0701"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0c2a576c6864849803931d858e"`);
    await queryRunner.query(`DROP TABLE "incident_role_requirements"`);
    await queryRunner.query(`DROP TABLE "incident_reviews"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5529f1d61102085525b6f6715"`);
    await queryRunner.query(`DROP TABLE "playbook_proposals"`);
    await queryRunner.query(`DROP TYPE "public"."playbook_proposal_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_library_cases_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a80ac47ce7136e033ee39c4467"`);
    await queryRunner.query(`DROP TABLE "library_cases"`);
    await queryRunner.query(`DROP TABLE "incident_playbooks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc7d4cef34bdbf775dbb3376a8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_playbook_versions_search"`);
    await queryRunner.query(`DROP TABLE "playbook_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55c1f43f2ee228b23649dd38bb"`);
    await queryRunner.query(`DROP TABLE "playbooks"`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS vi_unaccent`);
  }
}
