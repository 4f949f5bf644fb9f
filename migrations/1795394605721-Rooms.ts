import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rooms1795394605721 implements MigrationInterface {
  name = 'Rooms1795394605721';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incident_chat_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "client_id" character varying(100) NOT NULL, "seq" integer NOT NULL, "author_user_id" uuid NOT NULL, "text" text NOT NULL, "mentions" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e275cb028cbeb778c38902af6e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3dcd6b74610ef83ba97fc1e857" ON "incident_chat_messages"  ("incident_id", "client_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_chat_messages" ADD CONSTRAINT "FK_8539f77705cba87999cfd22e38a" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_chat_messages" ADD CONSTRAINT "FK_0c08edde55a3c22b25c18ac7aeb" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_chat_messages" DROP CONSTRAINT "FK_0c08edde55a3c22b25c18ac7aeb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_chat_messages" DROP CONSTRAINT "FK_8539f77705cba87999cfd22e38a"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_3dcd6b74610ef83ba97fc1e857"`);
    await queryRunner.query(`DROP TABLE "incident_chat_messages"`);
  }
}
