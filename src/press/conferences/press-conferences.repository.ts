import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The press desk's tables a conference reads: the outlets and journalists, and the last conference per unit. */
@Injectable()
export class PressConferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async outletNames(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      'SELECT id, name FROM press_outlets WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async journalist(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ fullName: string; outletId: string; outletName: string } | null> {
    const [row]: { fullName: string; outletId: string; outletName: string }[] = await manager.query(
      `SELECT j.full_name AS "fullName", j.outlet_id AS "outletId", o.name AS "outletName"
         FROM press_journalists j JOIN press_outlets o ON o.id = j.outlet_id WHERE j.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The number of the next question asked (the conference row is locked by the caller). */
  async nextQuestionPosition(conferenceId: string, manager: EntityManager): Promise<number> {
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT coalesce(max(position), 0)::int + 1 AS next FROM press_conference_questions WHERE conference_id = $1',
      [conferenceId],
    );
    return next;
  }

  /** The Vietnam date of each unit's last regular conference held on or before `on`. */
  async lastRegularHeld(unitIds: string[], on: string): Promise<Map<string, string>> {
    if (!unitIds.length) return new Map();
    const rows: { unit: string; day: string }[] = await this.dataSource.query(
      `SELECT org_unit_id AS unit, to_char(max(held_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS day
         FROM press_conferences
        WHERE org_unit_id = ANY($1::uuid[]) AND status = 'held' AND kind = 'regular'
          AND (held_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2::date
        GROUP BY org_unit_id`,
      [unitIds, on],
    );
    return new Map(rows.map((r) => [r.unit, r.day]));
  }
}
