import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The slow-burn rule counts new voices against the same hours of earlier days (trend_baseline_days,
 * trend_min_authors replace trend_baseline_hours), and a topic without history only feeds the watch list
 * (cold_start_hours, cold_start_open_count). The statistic behind trend_min_count, trend_min_share and
 * trend_significance changed with it: every row takes the values the benchmark supports, dated today.
 */
export class SlowBurnColdStart1796500000001 implements MigrationInterface {
  name = 'SlowBurnColdStart1796500000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_baseline_hours"`);
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_baseline_days" integer NOT NULL DEFAULT 7`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_min_authors" integer NOT NULL DEFAULT 6`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "cold_start_hours" integer NOT NULL DEFAULT 24`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "cold_start_open_count" integer NOT NULL DEFAULT 100`,
    );
    for (const column of [
      'trend_baseline_days',
      'trend_min_authors',
      'cold_start_hours',
      'cold_start_open_count',
    ])
      await queryRunner.query(`ALTER TABLE "detection_settings" ALTER COLUMN "${column}" DROP DEFAULT`);
    // Written out here, not imported, so that this migration keeps meaning what it meant when it ran.
    await queryRunner.query(
      `UPDATE "detection_settings" SET "trend_min_count" = 8, "trend_min_share" = 0.15, "trend_significance" = 3,
         "updated_at" = now()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "detection_settings" SET "trend_min_count" = 15, "trend_min_share" = 0.3, "trend_significance" = 4,
         "updated_at" = now()`,
    );
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "cold_start_open_count"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "cold_start_hours"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_min_authors"`);
    await queryRunner.query(`ALTER TABLE "detection_settings" DROP COLUMN "trend_baseline_days"`);
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ADD "trend_baseline_hours" integer NOT NULL DEFAULT 24`,
    );
    await queryRunner.query(
      `ALTER TABLE "detection_settings" ALTER COLUMN "trend_baseline_hours" DROP DEFAULT`,
    );
  }
}
