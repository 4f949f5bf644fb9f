import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '../incidents/incident-types.js';
import { HOLDING_STATUSES } from './entities/working-group-member.entity.js';

/**
 * The working groups' own SQL: rule versions, availability and group load for the assembly, and the catch-up. Every query runs through the
 * caller's transaction manager (assembly happens inside the incident's change or a timer's transaction).
 */
@Injectable()
export class WorkingGroupsRepository {
  /** The next version number of a rule key, under a lock held until the transaction ends. */
  async nextRuleVersion(manager: EntityManager, key: string): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`wg-rule:${key}`]);
    const [{ max }]: { max: number | null }[] = await manager.query(
      'SELECT max(version) AS max FROM working_group_rules WHERE key = $1',
      [key],
    );
    return Number(max ?? 0) + 1;
  }

  async awayOn(manager: EntityManager, day: string): Promise<Set<string>> {
    const rows: { person_id: string }[] = await manager.query(
      `SELECT DISTINCT person_id FROM person_availability
        WHERE status = 'away' AND valid_from <= $1::date AND valid_to >= $1::date`,
      [day],
    );
    return new Set(rows.map((r) => r.person_id));
  }

  /** How many other open incidents each person serves in (invited or accepted). */
  async loadExcept(manager: EntityManager, incidentId: string): Promise<Map<string, number>> {
    const rows: { person_id: string; n: number }[] = await manager.query(
      `SELECT m.person_id, count(DISTINCT m.incident_id)::int AS n
         FROM working_group_members m JOIN incidents i ON i.id = m.incident_id
        WHERE m.status = ANY($1) AND i.status::text = ANY($2) AND m.incident_id <> $3
        GROUP BY m.person_id`,
      [HOLDING_STATUSES, OPEN_STATUSES, incidentId],
    );
    return new Map(rows.map((r) => [r.person_id, r.n]));
  }

  /**
   * Incidents that call for a group but have none and no pending assembly: the activation committed but the node
   * died before scheduling the assembly. Oldest first.
   */
  async missingGroups(manager: EntityManager, limit: number): Promise<{ id: string; since: Date }[]> {
    const rows: { id: string; since: Date }[] = await manager.query(
      `SELECT i.id, i.status_changed_at AS since FROM incidents i
        WHERE (i.status = 'active' OR (i.severity IN ('L3', 'L4') AND i.status::text = ANY($1)))
          AND NOT EXISTS (SELECT 1 FROM working_groups g WHERE g.incident_id = i.id)
          AND NOT EXISTS (SELECT 1 FROM scheduled_jobs j WHERE j.key = 'wg-assemble:' || i.id::text)
        ORDER BY i.detected_at
        LIMIT $2`,
      [OPEN_STATUSES, limit],
    );
    return rows;
  }
}
