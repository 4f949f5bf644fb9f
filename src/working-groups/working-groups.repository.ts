import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentReads } from '../incidents/incident-reads.repository.js';
import { JobsService } from '../jobs/jobs.service.js';
import { IncidentRoleRequirement } from './entities/incident-role-requirement.entity.js';
import { HOLDING_STATUSES } from './entities/working-group-member.entity.js';

/** The key of the pending assembly timer of an incident's group (one per incident). */
export const assemblyKey = (incidentId: string) => `wg-assemble:${incidentId}`;

/**
 * The working groups' own SQL: rule versions, availability and group load for the assembly, and the catch-up (open incidents through incidents' IncidentReads,
 * timers through JobsService). Every query runs through the
 * caller's transaction manager (assembly happens inside the incident's change or a timer's transaction).
 */
@Injectable()
export class WorkingGroupsRepository {
  constructor(
    private readonly incidents: IncidentReads,
    private readonly jobs: JobsService,
  ) {}

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
    const open = await this.incidents.openIds(manager);
    const rows: { person_id: string; n: number }[] = await manager.query(
      `SELECT m.person_id, count(DISTINCT m.incident_id)::int AS n
         FROM working_group_members m
        WHERE m.status = ANY($1) AND m.incident_id = ANY($2::uuid[]) AND m.incident_id <> $3
        GROUP BY m.person_id`,
      [HOLDING_STATUSES, open, incidentId],
    );
    return new Map(rows.map((r) => [r.person_id, r.n]));
  }

  /**
   * Incidents that call for a group but have none and no pending assembly: the activation committed but the node
   * died before scheduling the assembly. Oldest first.
   */
  async missingGroups(manager: EntityManager, limit: number): Promise<{ id: string; since: Date }[]> {
    const calling = await this.incidents.callingForGroup(manager);
    if (!calling.length) return [];
    const grouped: { incident_id: string }[] = await manager.query(
      `SELECT incident_id FROM working_groups WHERE incident_id = ANY($1::uuid[])`,
      [calling.map((i) => i.id)],
    );
    const withGroup = new Set(grouped.map((g) => g.incident_id));
    const scheduled = await this.jobs.knownKeys(
      manager,
      calling.map((i) => assemblyKey(i.id)),
    );
    return calling.filter((i) => !withGroup.has(i.id) && !scheduled.has(assemblyKey(i.id))).slice(0, limit);
  }

  /** Roles an incident needs beyond its rule; a role already recorded for the incident is left as it is. */
  async insertRoleRequirements(
    manager: EntityManager,
    rows: Pick<
      IncidentRoleRequirement,
      'incidentId' | 'role' | 'count' | 'required' | 'sources' | 'reason' | 'origin'
    >[],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IncidentRoleRequirement)
      .values(rows)
      .orIgnore()
      .execute();
  }
}
