import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.session_version: carried by every access token (`sv`); raised when every session of the account ends
 * (logout on all devices, password reset, account locked), so access tokens issued before stop working at once,
 * on HTTP and on the live-room sockets.
 */
export class SessionVersion1796430000001 implements MigrationInterface {
  name = 'SessionVersion1796430000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "session_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_version"`);
  }
}
