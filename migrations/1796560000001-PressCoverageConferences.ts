import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The press desk's press reports to answer (báo nêu) and press conferences (họp báo): the reports with their
 * verification, response and outcome; the conferences with their questions asked and commitments made; the dated
 * per-unit cadence of press conferences; the deadline rule of an answer to a press report.
 */
export class PressCoverageConferences1796560000001 implements MigrationInterface {
  name = 'PressCoverageConferences1796560000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "press_coverage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_id" uuid NOT NULL, "outlet_id" uuid, "outlet_name" character varying(300) NOT NULL, "medium" character varying(20) NOT NULL, "title" character varying(500) NOT NULL, "url" character varying(2000), "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "summary" text NOT NULL, "evidence" jsonb NOT NULL DEFAULT '[]', "due_at" TIMESTAMP WITH TIME ZONE, "deadline_rule_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'received', "verification_status" character varying(20) NOT NULL DEFAULT 'pending', "verification_notes" text, "verified_by_user_id" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "response_kind" character varying(30), "response_text" text, "responded_by_user_id" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "incident_id" uuid, "outcome_kind" character varying(30), "outcome_url" character varying(2000), "outcome_notes" text, "outcome_at" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_coverage" PRIMARY KEY ("id"), CONSTRAINT "CHK_press_coverage_medium" CHECK ("medium" IN ('print', 'online', 'radio_tv')), CONSTRAINT "CHK_press_coverage_status" CHECK ("status" IN ('received', 'verified', 'responded', 'closed')), CONSTRAINT "CHK_press_coverage_verification" CHECK ("verification_status" IN ('pending', 'accurate', 'partly_accurate', 'inaccurate')), CONSTRAINT "CHK_press_coverage_response" CHECK ("response_kind" IS NULL OR "response_kind" IN ('answer', 'correction_request', 'reply_request', 'incident')), CONSTRAINT "CHK_press_coverage_outcome" CHECK ("outcome_kind" IS NULL OR "outcome_kind" IN ('correction_published', 'follow_up_article', 'no_change')), CONSTRAINT "FK_press_coverage_outlet" FOREIGN KEY ("outlet_id") REFERENCES "press_outlets"("id") ON DELETE RESTRICT, CONSTRAINT "FK_press_coverage_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT, CONSTRAINT "FK_press_coverage_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL, CONSTRAINT "FK_press_coverage_rule" FOREIGN KEY ("deadline_rule_id") REFERENCES "deadline_rules"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_press_coverage_unit" ON "press_coverage" ("org_unit_id", "received_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_conferences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "title" character varying(300) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "place" character varying(300) NOT NULL, "chair_name" character varying(200) NOT NULL, "chair_position" character varying(300), "spokesperson_designation_id" uuid, "spokesperson_name" character varying(200), "spokesperson_position" character varying(300), "incident_id" uuid, "agenda" jsonb NOT NULL DEFAULT '[]', "invited_outlet_ids" uuid array NOT NULL DEFAULT '{}', "anticipated_questions" jsonb NOT NULL DEFAULT '[]', "statements_issued" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL DEFAULT 'planned', "held_at" TIMESTAMP WITH TIME ZONE, "attendance" jsonb NOT NULL DEFAULT '[]', "conclusion" text, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_conferences" PRIMARY KEY ("id"), CONSTRAINT "CHK_press_conferences_kind" CHECK ("kind" IN ('regular', 'thematic', 'emergency')), CONSTRAINT "CHK_press_conferences_status" CHECK ("status" IN ('planned', 'held', 'cancelled')), CONSTRAINT "FK_press_conferences_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT, CONSTRAINT "FK_press_conferences_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL, CONSTRAINT "FK_press_conferences_designation" FOREIGN KEY ("spokesperson_designation_id") REFERENCES "spokesperson_designations"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_press_conferences_unit" ON "press_conferences" ("org_unit_id", "starts_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_conference_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conference_id" uuid NOT NULL, "position" integer NOT NULL, "journalist_id" uuid, "asked_by" character varying(200) NOT NULL, "outlet_id" uuid, "outlet_name" character varying(300), "question" text NOT NULL, "answer" text, "answered_by" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_conference_questions" PRIMARY KEY ("id"), CONSTRAINT "UQ_press_conference_questions_position" UNIQUE ("conference_id", "position"), CONSTRAINT "FK_press_conference_questions_conference" FOREIGN KEY ("conference_id") REFERENCES "press_conferences"("id") ON DELETE CASCADE, CONSTRAINT "FK_press_conference_questions_journalist" FOREIGN KEY ("journalist_id") REFERENCES "press_journalists"("id") ON DELETE RESTRICT, CONSTRAINT "FK_press_conference_questions_outlet" FOREIGN KEY ("outlet_id") REFERENCES "press_outlets"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_conference_commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conference_id" uuid NOT NULL, "question_id" uuid, "description" text NOT NULL, "owner_org_unit_id" uuid NOT NULL, "owner_name" character varying(200), "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_conference_commitments" PRIMARY KEY ("id"), CONSTRAINT "FK_press_conference_commitments_conference" FOREIGN KEY ("conference_id") REFERENCES "press_conferences"("id") ON DELETE CASCADE, CONSTRAINT "FK_press_conference_commitments_question" FOREIGN KEY ("question_id") REFERENCES "press_conference_questions"("id") ON DELETE SET NULL, CONSTRAINT "FK_press_conference_commitments_unit" FOREIGN KEY ("owner_org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_press_conference_commitments_conference" ON "press_conference_commitments" ("conference_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_conference_cadence_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_id" uuid, "interval_months" integer NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "legal_source" text NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_conference_cadence_rules" PRIMARY KEY ("id"), CONSTRAINT "CHK_press_cadence_interval" CHECK ("interval_months" BETWEEN 1 AND 12), CONSTRAINT "CHK_press_cadence_range" CHECK ("effective_to" IS NULL OR "effective_to" >= "effective_from"), CONSTRAINT "FK_press_cadence_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_press_cadence_unit_from" ON "press_conference_cadence_rules" (coalesce("org_unit_id", '00000000-0000-0000-0000-000000000000'::uuid), "effective_from")`,
    );
    // Nghị định 09/2017/NĐ-CP art. 5: a press conference at least every three months (the default for every unit);
    // a province that asks for more (e.g. monthly) adds a rule for its units through /api/press/conferences/cadence-rules.
    await queryRunner.query(
      `INSERT INTO "press_conference_cadence_rules" ("org_unit_id", "interval_months", "effective_from", "legal_source", "note") VALUES
       (NULL, 3, '2017-02-09', 'Nghị định 09/2017/NĐ-CP, Điều 5: tổ chức họp báo định kỳ ít nhất 3 tháng một lần',
        'Mặc định cho mọi đơn vị; tỉnh yêu cầu họp báo hằng tháng thì thêm quy định riêng cho đơn vị. Ngày bắt đầu là ngày ký nghị định, cần đối chiếu ngày hiệu lực trong văn bản gốc.')`,
    );
    // No statute sets the time to answer a press report: the Press Law 2025 leaves the procedure to the Government.
    // The default is the unit's own rule (quy chế phát ngôn), marked as such, for an administrator to edit.
    await queryRunner.query(
      `INSERT INTO "deadline_rules" ("key", "label", "value", "unit", "anchor", "effective_from", "effective_to", "legal_source", "note") VALUES
       ('press_coverage_response', 'Xử lý, trả lời thông tin báo chí phản ánh (báo nêu)', 2, 'days', 'press_report_received', '2017-01-01', NULL,
        'Quy chế phát ngôn và cung cấp thông tin cho báo chí của đơn vị (không phải thời hạn luật định)',
        'Giá trị mặc định của hệ thống: chưa có văn bản luật quy định thời hạn; đơn vị sửa theo quy chế của mình.')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "deadline_rules" WHERE "key" = 'press_coverage_response'`);
    await queryRunner.query(`DROP TABLE "press_conference_cadence_rules"`);
    await queryRunner.query(`DROP TABLE "press_conference_commitments"`);
    await queryRunner.query(`DROP TABLE "press_conference_questions"`);
    await queryRunner.query(`DROP TABLE "press_conferences"`);
    await queryRunner.query(`DROP TABLE "press_coverage"`);
  }
}
