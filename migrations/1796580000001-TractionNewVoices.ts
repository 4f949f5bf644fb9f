import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authority with traction counts its pick-up in new voices, as the slow burn does: traction_min_new_voices
 * outlets, pages and accounts that had posted nothing on the topic in the trend_baseline_days before. Every
 * row takes the value the benchmark supports, dated today.
 */
export class TractionNewVoices1796580000001 implements MigrationInterface {
  name = 'TractionNewVoices1796580000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written out here, not imported, so that this migration keeps meaning what it meant when it ran.
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "traction_min_new_voices" integer NOT NULL DEFAULT 5`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ALTER COLUMN "traction_min_new_voices" DROP DEFAULT`,
    );
    await queryRunner.query(`UPDATE "detection_settings" SET "updated_at" = now()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "traction_min_new_voices"`);
  }
}
