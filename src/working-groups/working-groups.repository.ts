import { ancestorsSql } from '../access/org-tree.js';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '../incidents/incident-types.js';
import type { DesignationOnDate, PersonOnDate, UnitOnDate } from './assembly.js';
import { HOLDING_STATUSES } from './entities/working-group-member.entity.js';

/**
 * Reads of the directory as it was on a date, and of group load, for the assembly. Every query runs through the
 * caller's transaction manager (assembly happens inside the incident's change or a timer's transaction).
 */
@Injectable()
export class WorkingGroupsRepository {
  async unitsOn(manager: EntityManager, date: string): Promise<Map<string, UnitOnDate>> {
    const rows: { id: string; parent_id: string | null; code: string; name: string }[] = await manager.query(
      `SELECT id, parent_id, code, name FROM org_units
        WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)`,
      [date],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, parentId: r.parent_id, code: r.code, name: r.name }]));
  }

  /**
   * People of the units that existed on the date. As in the directory's rules, a unit still operating counts
   * its active people; a unit that has ended keeps its people as the record of who served there.
   */
  async peopleOn(manager: EntityManager, date: string, today: string): Promise<PersonOnDate[]> {
    const rows: {
      id: string;
      full_name: string;
      position: string;
      org_unit_id: string;
      tags: string[];
    }[] = await manager.query(
      `SELECT p.id, p.full_name, p.position, p.org_unit_id, p.tags
         FROM people p JOIN org_units u ON u.id = p.org_unit_id
        WHERE u.valid_from <= $1::date AND (u.valid_to IS NULL OR u.valid_to >= $1::date)
          AND (p.active OR (u.valid_to IS NOT NULL AND u.valid_to < $2::date))`,
      [date, today],
    );
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      position: r.position,
      orgUnitId: r.org_unit_id,
      tags: r.tags,
    }));
  }

  async capabilityUnitsOn(manager: EntityManager, date: string): Promise<Map<string, string[]>> {
    const rows: { capability: string; org_unit_id: string }[] = await manager.query(
      `SELECT capability::text AS capability, org_unit_id FROM org_unit_capabilities
        WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)`,
      [date],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.capability, [...(out.get(r.capability) ?? []), r.org_unit_id]);
    return out;
  }

  async designationsOn(manager: EntityManager, unitId: string, date: string): Promise<DesignationOnDate[]> {
    const rows: {
      person_id: string;
      kind: 'spokesperson' | 'authorized';
      matter: string | null;
      valid_to: string | null;
      decision_ref: string | null;
    }[] = await manager.query(
      `SELECT person_id, kind::text AS kind, matter, valid_to::text AS valid_to, decision_ref
         FROM spokesperson_designations
        WHERE org_unit_id = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)
        ORDER BY valid_from, created_at`,
      [unitId, date],
    );
    return rows.map((r) => ({
      personId: r.person_id,
      kind: r.kind,
      matter: r.matter,
      validTo: r.valid_to,
      decisionRef: r.decision_ref,
    }));
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

  /** The leader to escalate to: the person tagged `head` of the unit, else of the closest unit above. */
  async headOf(
    manager: EntityManager,
    unitId: string,
    today: string,
  ): Promise<{ id: string; fullName: string; email: string | null; orgUnitName: string } | null> {
    const rows: { id: string; full_name: string; email: string | null; unit_name: string }[] =
      await manager.query(
        `SELECT p.id, p.full_name, p.email, u.name AS unit_name
           FROM (${ancestorsSql('ARRAY[$1]::uuid[]')}) up JOIN people p ON p.org_unit_id = up.id JOIN org_units u ON u.id = up.id
          WHERE 'head' = ANY(p.tags) AND (p.active OR (u.valid_to IS NOT NULL AND u.valid_to < $2::date))
          ORDER BY up.depth, p.full_name
          LIMIT 1`,
        [unitId, today],
      );
    const r = rows[0];
    return r ? { id: r.id, fullName: r.full_name, email: r.email, orgUnitName: r.unit_name } : null;
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

  /** The active account linked to a person, if any. */
  async userOfPerson(manager: EntityManager, personId: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE person_id = $1 AND active ORDER BY created_at LIMIT 1`,
      [personId],
    );
    return rows[0]?.id ?? null;
  }
}
