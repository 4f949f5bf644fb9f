import { MigrationInterface, QueryRunner } from 'typeorm';

export class Statements1796157872307 implements MigrationInterface {
  name = 'Statements1796157872307';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "statement_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "version_id" uuid NOT NULL, "version_number" integer NOT NULL, "stage_id" uuid NOT NULL, "decision" character varying(20) NOT NULL, "sha256" character(64) NOT NULL, "reason" text, "decided_by_user_id" uuid NOT NULL, "counted_for_user_id" uuid NOT NULL, "delegation_id" uuid, "stepped_up" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62eb5cb58bdc8592067137ea42c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d4058cfd1360ef3257ea4ac307" ON "statement_decisions"  ("version_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6c77afefd120f086efff34a6af" ON "statement_decisions"  ("stage_id", "counted_for_user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "approval_delegations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delegator_user_id" uuid NOT NULL, "delegate_user_id" uuid NOT NULL, "incident_id" uuid NOT NULL, "matter" text NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_to" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_approval_delegations_self" CHECK ("delegate_user_id" <> "delegator_user_id"), CONSTRAINT "CHK_approval_delegations_range" CHECK ("valid_to" > "valid_from"), CONSTRAINT "PK_b10f71fc536216c2aa883f0421a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c6759cd5f6fadeaa3ba7d1e124" ON "approval_delegations"  ("delegate_user_id", "incident_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "approval_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(60) NOT NULL, "version" integer NOT NULL, "name" character varying(300) NOT NULL, "priority" integer NOT NULL DEFAULT '0', "statement_types" text array NOT NULL DEFAULT '{}', "min_severity" character varying(2), "max_severity" character varying(2), "org_unit_id" uuid, "fast_path" boolean NOT NULL DEFAULT false, "stages" jsonb NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "legal_basis" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_approval_policies_range" CHECK ("effective_to" IS NULL OR "effective_to" >= "effective_from"), CONSTRAINT "PK_09d33ba3a56c2f804ef511eb680" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ede418c367352456cfe9382bd6" ON "approval_policies"  ("key", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_approval_stages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "version_id" uuid NOT NULL, "key" character varying(60) NOT NULL, "name" character varying(300) NOT NULL, "step" integer NOT NULL, "quorum" integer NOT NULL, "approvers" jsonb NOT NULL, "status" character varying(20) NOT NULL, "sla_minutes" integer NOT NULL, "activated_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_601cd59f98712c462effc081e2b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_449d9c83c59f2076ed312afa77" ON "statement_approval_stages"  ("status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7141593247649e67447796a9a4" ON "statement_approval_stages"  ("version_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pre_approved_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "text" text NOT NULL, "statement_types" text array NOT NULL DEFAULT '{}', "source" text NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c88de45ac68c32f4face4a79922" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "field" character varying(10) NOT NULL, "anchor_start" bytea NOT NULL, "anchor_end" bytea NOT NULL, "quote" text NOT NULL, "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'open', "author_user_id" uuid NOT NULL, "resolved_by_user_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_78b31b9d04064171f8f49d8cc71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ce2c872c40cf5e77fa7db2a690" ON "statement_comments"  ("statement_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_doc_snapshots" ("statement_id" uuid NOT NULL, "state" bytea NOT NULL, "last_update_id" bigint NOT NULL, "update_count" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f318159a1ad43efd9de221953ec" PRIMARY KEY ("statement_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_doc_updates" ("id" BIGSERIAL NOT NULL, "statement_id" uuid NOT NULL, "data" bytea NOT NULL, "update_count" integer NOT NULL, "user_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c2d3cd0878255646564d90e70e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0d40112fc3364f8995e3fad4b9" ON "statement_doc_updates"  ("statement_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "version_id" uuid NOT NULL, "version_number" integer NOT NULL, "sha256" character(64) NOT NULL, "channel" character varying(30) NOT NULL, "url" text, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "spokesperson_person_id" uuid, "note" text, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5b1bae5d91f213e6329e413f839" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d1f3c5eef06a59ccffc92270b7" ON "statement_publications"  ("statement_id", "published_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "rendered" text NOT NULL, "sha256" character(64) NOT NULL, "cited_fact_ids" uuid array NOT NULL DEFAULT '{}', "policy" jsonb NOT NULL, "submitted_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_460cefe2add0398c1d39fd682d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d462565e54e120a63b32749460" ON "statement_versions"  ("statement_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_version_reviews" ("version_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f81240705afaf795f57d1ce68c3" PRIMARY KEY ("version_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."statement_type" AS ENUM('holding_statement', 'press_release', 'spokesperson_statement', 'press_answer', 'correction_request', 'takedown_request', 'social_post', 'qa_sheet')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."statement_status" AS ENUM('draft', 'in_review', 'approved', 'published', 'corrected', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "statements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "type" "public"."statement_type" NOT NULL, "status" "public"."statement_status" NOT NULL DEFAULT 'draft', "channels" text array NOT NULL DEFAULT '{}', "cited_fact_ids" uuid array NOT NULL DEFAULT '{}', "current_version" integer NOT NULL DEFAULT '0', "relates_to_statement_id" uuid, "relation" character varying(20), "created_by_user_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7f53bcddeb706df7ea7eec10b8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d06e4a7317f806b67805311855" ON "statements"  ("incident_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "deadline_rules" ADD "stopped_by_statement_types" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_4f71da8cf08efc2875513ce14e9" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Submitted versions, decisions and publications are the record of what was approved and said: the database
    // itself refuses to change or delete them.
    await queryRunner.query(`CREATE FUNCTION statement_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const table of ['statement_versions', 'statement_decisions', 'statement_publications']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION statement_record_immutable()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION statement_record_immutable()`,
      );
    }
    // Seed: approval policies, the playbook's pre-approved holding lines, and which statements stop the clock of
    // initial information; all edited later through the API.
    await queryRunner.query(`INSERT INTO approval_policies (key, version, name, priority, statement_types, min_severity, max_severity, fast_path, stages, effective_from, legal_basis) VALUES
        ('standard', 1, 'Quy trình duyệt chuẩn: pháp chế và Tổ trưởng song song, sau đó lãnh đạo phê duyệt', 0, '{}', NULL, NULL, false, '[{"key": "legal_review", "name": "Pháp chế rà soát (căn cứ pháp lý, bí mật nhà nước, bí mật cá nhân)", "step": 1, "quorum": 1, "approvers": [{"kind": "group_role", "role": "legal_reviewer"}], "slaMinutes": {"L1": 240, "L2": 120, "L3": 60, "L4": 30}}, {"key": "team_leader", "name": "Tổ trưởng Tổ công tác thống nhất nội dung", "step": 1, "quorum": 1, "approvers": [{"kind": "group_role", "role": "team_leader"}], "slaMinutes": {"L1": 240, "L2": 120, "L3": 60, "L4": 30}}, {"key": "leader_approval", "name": "Lãnh đạo phê duyệt", "step": 2, "quorum": 1, "approvers": [{"kind": "group_role", "role": "approving_leader"}], "slaMinutes": {"L1": 240, "L2": 120, "L3": 60, "L4": 30}}]'::jsonb, '2017-02-09', 'Nghị định 09/2017/NĐ-CP, Điều 4, 5; Chỉ thị 07/CT-TTg (21/3/2023)'),
        ('holding_fast_path', 1, 'Thông tin ban đầu soạn từ câu đã duyệt trước: một lãnh đạo phê duyệt', 10, '{holding_statement}', NULL, NULL, true, '[{"key": "leader_approval", "name": "Lãnh đạo phê duyệt (thông tin ban đầu từ câu đã duyệt trước)", "step": 1, "quorum": 1, "approvers": [{"kind": "group_role", "role": "approving_leader"}], "slaMinutes": {"L1": 60, "L2": 30, "L3": 20, "L4": 15}}]'::jsonb, '2017-02-09', 'Nghị định 09/2017/NĐ-CP; cẩm nang xử lý sự cố truyền thông')`);
    await queryRunner.query(`INSERT INTO pre_approved_lines (text, statement_types, source, effective_from) VALUES
        ('{don_vi} đã nắm được thông tin về {su_viec} và đang khẩn trương kiểm tra, xác minh.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21'),
        ('Ngay khi có kết quả xác minh, {don_vi} sẽ thông tin chính thức, đầy đủ tới các cơ quan báo chí và người dân.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21'),
        ('Đề nghị người dân bình tĩnh, chỉ tiếp nhận thông tin từ các nguồn chính thống, không chia sẻ thông tin chưa được kiểm chứng.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21'),
        ('Thông tin liên hệ người phát ngôn: {nguoi_phat_ngon}, {chuc_vu}; điện thoại {dien_thoai}; thư điện tử {email}.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21'),
        ('Thông tin tiếp theo sẽ được cập nhật vào {thoi_gian_cap_nhat}.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21'),
        ('{don_vi} khẳng định thông tin {noi_dung_sai} là không đúng sự thật.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21'),
        ('Hành vi bịa đặt, đưa tin giả, tin sai sự thật sẽ bị xử lý nghiêm theo quy định của pháp luật.', '{holding_statement}', 'Cẩm nang xử lý sự cố, khủng hoảng truyền thông (mẫu): câu thông tin ban đầu được duyệt trước', '2023-03-21')`);
    await queryRunner.query(
      `UPDATE deadline_rules SET stopped_by_statement_types = '{holding_statement,press_release,spokesperson_statement,press_answer}' WHERE key = 'initial_information'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['statement_versions', 'statement_decisions', 'statement_publications']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_immutable ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS statement_record_immutable()`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "FK_4f71da8cf08efc2875513ce14e9"`);
    await queryRunner.query(`ALTER TABLE "deadline_rules" DROP COLUMN "stopped_by_statement_types"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d06e4a7317f806b67805311855"`);
    await queryRunner.query(`DROP TABLE "statements"`);
    await queryRunner.query(`DROP TYPE "public"."statement_status"`);
    await queryRunner.query(`DROP TYPE "public"."statement_type"`);
    await queryRunner.query(`DROP TABLE "statement_version_reviews"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d462565e54e120a63b32749460"`);
    await queryRunner.query(`DROP TABLE "statement_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1f3c5eef06a59ccffc92270b7"`);
    await queryRunner.query(`DROP TABLE "statement_publications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d40112fc3364f8995e3fad4b9"`);
    await queryRunner.query(`DROP TABLE "statement_doc_updates"`);
    await queryRunner.query(`DROP TABLE "statement_doc_snapshots"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce2c872c40cf5e77fa7db2a690"`);
    await queryRunner.query(`DROP TABLE "statement_comments"`);
    await queryRunner.query(`DROP TABLE "pre_approved_lines"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7141593247649e67447796a9a4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_449d9c83c59f2076ed312afa77"`);
    await queryRunner.query(`DROP TABLE "statement_approval_stages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ede418c367352456cfe9382bd6"`);
    await queryRunner.query(`DROP TABLE "approval_policies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6759cd5f6fadeaa3ba7d1e124"`);
    await queryRunner.query(`DROP TABLE "approval_delegations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c77afefd120f086efff34a6af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d4058cfd1360ef3257ea4ac307"`);
    await queryRunner.query(`DROP TABLE "statement_decisions"`);
  }
}
