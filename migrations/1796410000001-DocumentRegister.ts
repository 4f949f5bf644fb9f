import { MigrationInterface, QueryRunner } from 'typeorm';

const HEDGED_SOURCE =
  'Luật Báo chí 2025 (126/2025/QH15), hiệu lực 1/7/2026; nghị định hướng dẫn năm 2026 (được đưa tin là 244/2026): thông tin ban đầu trong 24 giờ kể từ khi tiếp nhận, xử lý sự việc';
const PLAIN_SOURCE =
  'Luật Báo chí 2025 (126/2025/QH15), hiệu lực 1/7/2026, và nghị định hướng dẫn: thông tin ban đầu trong 24 giờ kể từ khi tiếp nhận, xử lý sự việc';

/**
 * The document register (sổ đăng ký văn bản đi) of each issuing unit: one counter per unit, year and document
 * type, and the documents issued with their number. Numbers restart at 1 every year (Nghị định 30/2020/NĐ-CP,
 * art. 15) and are never reused; a subject (a statement version, a review report) is numbered once.
 * Also: the seeded legal basis of the 24-hour rule, printed in reports, states the law without the source-checking
 * hedge (which stays in the rule's note, for administrators).
 */
export class DocumentRegister1796410000001 implements MigrationInterface {
  name = 'DocumentRegister1796410000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_registers" ("org_unit_id" uuid NOT NULL, "year" integer NOT NULL, "doc_type" character varying(10) NOT NULL, "next_number" integer NOT NULL DEFAULT 1, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_document_registers" PRIMARY KEY ("org_unit_id", "year", "doc_type"), CONSTRAINT "CHK_document_registers_next" CHECK ("next_number" > 0), CONSTRAINT "FK_document_registers_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE TABLE "issued_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_id" uuid NOT NULL, "year" integer NOT NULL, "doc_type" character varying(10) NOT NULL, "number" integer NOT NULL, "issuer_code" character varying(30) NOT NULL, "subject_kind" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_issued_documents" PRIMARY KEY ("id"), CONSTRAINT "UQ_issued_documents_number" UNIQUE ("org_unit_id", "year", "doc_type", "number"), CONSTRAINT "UQ_issued_documents_subject" UNIQUE ("subject_kind", "subject_id"), CONSTRAINT "FK_issued_documents_register" FOREIGN KEY ("org_unit_id", "year", "doc_type") REFERENCES "document_registers"("org_unit_id", "year", "doc_type") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `UPDATE "deadline_rules" SET "legal_source" = $1 WHERE "key" = 'initial_information' AND "legal_source" = $2`,
      [PLAIN_SOURCE, HEDGED_SOURCE],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "deadline_rules" SET "legal_source" = $1 WHERE "key" = 'initial_information' AND "legal_source" = $2`,
      [HEDGED_SOURCE, PLAIN_SOURCE],
    );
    await queryRunner.query(`DROP TABLE "issued_documents"`);
    await queryRunner.query(`DROP TABLE "document_registers"`);
  }
}
