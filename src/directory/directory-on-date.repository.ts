import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ancestorsSql } from '../access/org-tree.js';
import { In } from 'typeorm';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';

export interface UnitRow {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
}

export interface PersonRow {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  tags: string[];
}

export interface PersonContact extends PersonRow {
  email: string | null;
  phone: string | null;
}

export interface DesignationRow {
  personId: string;
  kind: 'spokesperson' | 'authorized';
  matter: string | null;
  validTo: string | null;
  decisionRef: string | null;
}

/**
 * The directory for other modules: a unit by id (incidents, signals), and the directory as it was on a date (the
 * working group's assembly and escalation). Every method takes the caller's transaction manager: assembly runs
 * inside an incident's change or a timer.
 */
@Injectable()
export class DirectoryOnDate {
  /** An org unit by id, whatever its dates (null when there is none): the caller checks it is in force. */
  unit(manager: EntityManager, id: string): Promise<OrgUnit | null> {
    return manager.findOneBy(OrgUnit, { id });
  }

  /** The org units of these ids that exist (an unknown id is left out). */
  units(manager: EntityManager, ids: string[]): Promise<OrgUnit[]> {
    return ids.length ? manager.findBy(OrgUnit, { id: In(ids) }) : Promise.resolve([]);
  }

  /** Whether an org unit of this id exists (any dates). */
  unitExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(OrgUnit, { id });
  }

  async unitsOn(manager: EntityManager, date: string): Promise<Map<string, UnitRow>> {
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
  async peopleOn(manager: EntityManager, date: string, today: string): Promise<PersonRow[]> {
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

  /** capability → ids of the units holding it on the date. */
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

  async designationsOn(manager: EntityManager, unitId: string, date: string): Promise<DesignationRow[]> {
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

  /** The leader to report to: the person tagged `head` of the unit, else of the closest unit above. */
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

  /** A person with the contact details a letter needs, or null. */
  async person(manager: EntityManager, id: string): Promise<PersonContact | null> {
    const p = await manager.findOneBy(Person, { id });
    return p
      ? {
          id: p.id,
          fullName: p.fullName,
          position: p.position,
          orgUnitId: p.orgUnitId,
          tags: p.tags,
          email: p.email,
          phone: p.phone,
        }
      : null;
  }

  async unitName(manager: EntityManager, id: string): Promise<string | null> {
    const rows: { name: string }[] = await manager.query('SELECT name FROM org_units WHERE id = $1', [id]);
    return rows[0]?.name ?? null;
  }
}
