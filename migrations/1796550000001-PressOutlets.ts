import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The press desk's address book: press outlets (cơ quan báo chí) and their journalists. An outlet may belong to
 * one unit's own list (`org_unit_id`) or to the province's (null).
 */
export class PressOutlets1796550000001 implements MigrationInterface {
  name = 'PressOutlets1796550000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "press_outlets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(300) NOT NULL, "type" character varying(20) NOT NULL, "licence_number" character varying(100), "governing_body" character varying(300), "address" character varying(500), "phone" character varying(50), "email" character varying(255), "website" character varying(500), "org_unit_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_outlets" PRIMARY KEY ("id"), CONSTRAINT "CHK_press_outlets_type" CHECK ("type" IN ('newspaper', 'magazine', 'radio_tv', 'online')), CONSTRAINT "FK_33ef0d814cb7f2f8defd74ea5db" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_press_outlets_name" ON "press_outlets" (lower("name"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_33ef0d814cb7f2f8defd74ea5d" ON "press_outlets" ("org_unit_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "press_journalists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" character varying(200) NOT NULL, "outlet_id" uuid NOT NULL, "press_card_number" character varying(50), "press_card_expires_on" date, "email" character varying(255), "phone" character varying(50), "beat" character varying(200), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_press_journalists" PRIMARY KEY ("id"), CONSTRAINT "FK_ec81a6a65814c61287b2aa8c0e1" FOREIGN KEY ("outlet_id") REFERENCES "press_outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ec81a6a65814c61287b2aa8c0e" ON "press_journalists" ("outlet_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_press_journalists_email" ON "press_journalists" (lower("email")) WHERE "email" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_press_journalists_card" ON "press_journalists" ("press_card_number") WHERE "press_card_number" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "press_journalists"`);
    await queryRunner.query(`DROP TABLE "press_outlets"`);
  }
}
