import { MigrationInterface, QueryRunner } from 'typeorm';

const NOT_STATUTORY =
  'Giá trị mặc định, không phải thời hạn luật định: mỗi đơn vị sửa theo quy chế phát ngôn và cung cấp thông tin cho báo chí của mình (kết thúc quy định cũ, thêm quy định mới).';
const ND09_GROUNDS =
  'Nghị định 09/2017/NĐ-CP: các trường hợp người phát ngôn không phát ngôn, không cung cấp thông tin cho báo chí (theo quy định của Nghị định)';
const PRESS_LAW_GROUNDS =
  'Luật Báo chí 2025 (126/2025/QH15), hiệu lực 1/7/2026: các trường hợp được từ chối cung cấp thông tin cho báo chí (theo quy định của Luật)';

/**
 * Requests for information from the press (đề nghị cung cấp thông tin): the request, its questions, its timeline;
 * the dated grounds on which information may be refused; and the answer deadlines, seeded as the units' own rule
 * (no statutory answer time exists yet, DOMAIN.md "The press desk").
 */
export class PressInquiries1796550000002 implements MigrationInterface {
  name = 'PressInquiries1796550000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "press_inquiries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(20) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject" character varying(500) NOT NULL, "journalist_id" uuid NOT NULL, "outlet_id" uuid NOT NULL, "addressed_org_unit_id" uuid, "capability" character varying(40), "org_unit_id" uuid NOT NULL, "routing" jsonb NOT NULL, "spokesperson_person_id" uuid, "rule_key" character varying(60) NOT NULL, "rule_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "owner_user_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'received', "incident_id" uuid, "statement_id" uuid, "outcome" character varying(10), "refusal_ground_key" character varying(60), "transferred_to_org_unit_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "sent_version_number" integer, "sent_sha256" character varying(64), "warned_percent" integer NOT NULL DEFAULT '0', "last_seq" integer NOT NULL DEFAULT '0', "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_press_inquiries_last_seq" CHECK ("last_seq" >= 0), CONSTRAINT "PK_3237c23122674b8febc3cf2c34b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dff4ef61ffaefafc201fd9e2b7" ON "press_inquiries"  ("journalist_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_33976ddf2aaef97ae34c782bdc" ON "press_inquiries"  ("owner_user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8bc12d5777e62cd6ba17615c3c" ON "press_inquiries"  ("incident_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_64f1fb942d3b5475b3e332e10e" ON "press_inquiries"  ("org_unit_id", "status", "due_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_inquiry_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inquiry_id" uuid NOT NULL, "seq" integer NOT NULL, "type" character varying(60) NOT NULL, "actor_user_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_51cc311dd826381b43d1e0b5e36" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9dbc6c5544cf4db47754806a50" ON "press_inquiry_events"  ("inquiry_id", "seq")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_inquiry_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inquiry_id" uuid NOT NULL, "position" integer NOT NULL, "text" character varying(4000) NOT NULL, "answer" text, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0e0df3e0a81a08ab3b14dc190dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a26e4e2a3b9d4d496beedd4a5b" ON "press_inquiry_questions"  ("inquiry_id", "position")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_refusal_grounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(60) NOT NULL, "label" character varying(300) NOT NULL, "legal_source" text NOT NULL, "effective_from" date NOT NULL, "effective_to" date, CONSTRAINT "CHK_press_refusal_grounds_range" CHECK ("effective_to" IS NULL OR "effective_to" >= "effective_from"), CONSTRAINT "PK_783855bcd928870896b72ee715a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_47816c55e5b87e4a1f24f8e0ba" ON "press_refusal_grounds"  ("key", "effective_from")`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_inquiries" ADD CONSTRAINT "FK_dff4ef61ffaefafc201fd9e2b7e" FOREIGN KEY ("journalist_id") REFERENCES "press_journalists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_inquiries" ADD CONSTRAINT "FK_3e771f638fdff3c41d91d0a9088" FOREIGN KEY ("outlet_id") REFERENCES "press_outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_inquiry_events" ADD CONSTRAINT "FK_cf0dc4f62569ca56f0587cfb444" FOREIGN KEY ("inquiry_id") REFERENCES "press_inquiries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "press_inquiry_questions" ADD CONSTRAINT "FK_fdfb2b0192a09e9ec859f4c0a42" FOREIGN KEY ("inquiry_id") REFERENCES "press_inquiries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "deadline_rules" ("key", "label", "value", "unit", "anchor", "effective_from", "effective_to", "legal_source", "note") VALUES
       ('press_inquiry_answer', 'Trả lời đề nghị cung cấp thông tin của cơ quan báo chí', 7, 'days', 'press_inquiry_received', '2017-02-09', '2026-06-30',
        'Quy chế phát ngôn và cung cấp thông tin cho báo chí của đơn vị, theo Nghị định 09/2017/NĐ-CP (không phải thời hạn luật định)', $1),
       ('press_inquiry_answer', 'Trả lời đề nghị cung cấp thông tin của cơ quan báo chí', 5, 'days', 'press_inquiry_received', '2026-07-01', NULL,
        'Luật Báo chí 2025 (126/2025/QH15), hiệu lực 1/7/2026: cung cấp thông tin cho báo chí là nghĩa vụ của cơ quan; thời hạn trả lời theo quy chế phát ngôn của đơn vị (Chính phủ quy định trình tự, chưa có thời hạn luật định)', $1),
       ('press_briefing_answer', 'Phản hồi đề nghị của cơ quan báo chí nêu tại giao ban báo chí', 3, 'days', 'press_inquiry_received', '2017-02-09', NULL,
        'Chỉ thị 09/CT-UBND năm 2024 của UBND Thành phố Hồ Chí Minh, mục 1.b: phản hồi kịp thời các đề nghị của cơ quan báo chí nêu tại giao ban báo chí; số ngày theo quy chế của đơn vị', $1)`,
      [NOT_STATUTORY],
    );
    await queryRunner.query(
      `INSERT INTO "press_refusal_grounds" ("key", "label", "legal_source", "effective_from", "effective_to") VALUES
       ('state_secret', 'Thông tin thuộc bí mật nhà nước', $1, '2017-02-09', '2026-06-30'),
       ('personal_secret', 'Bí mật đời tư, bí mật cá nhân, bí mật gia đình', $1, '2017-02-09', '2026-06-30'),
       ('under_investigation', 'Vụ việc đang điều tra hoặc chưa xét xử', $1, '2017-02-09', '2026-06-30'),
       ('unconcluded_inspection', 'Vụ việc đang thanh tra, giải quyết khiếu nại, tố cáo chưa có kết luận', $1, '2017-02-09', '2026-06-30'),
       ('state_secret', 'Thông tin thuộc bí mật nhà nước', $2, '2026-07-01', NULL),
       ('personal_secret', 'Bí mật cá nhân, bí mật gia đình', $2, '2026-07-01', NULL),
       ('under_investigation', 'Vụ việc đang điều tra hoặc chưa xét xử', $2, '2026-07-01', NULL),
       ('unconcluded_inspection', 'Vụ việc đang thanh tra, giải quyết khiếu nại, tố cáo, tranh chấp chưa có kết luận', $2, '2026-07-01', NULL)`,
      [ND09_GROUNDS, PRESS_LAW_GROUNDS],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "deadline_rules" WHERE "key" IN ('press_inquiry_answer', 'press_briefing_answer')`,
    );
    await queryRunner.query(`DROP TABLE "press_refusal_grounds"`);
    await queryRunner.query(`DROP TABLE "press_inquiry_questions"`);
    await queryRunner.query(`DROP TABLE "press_inquiry_events"`);
    await queryRunner.query(`DROP TABLE "press_inquiries"`);
  }
}
