import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { GroupRoleHeld } from './group-roles.js';
import { ancestorsSql, HOLDING_STATUSES, subtreeSql } from './sql-fragments.js';

/** An account as a recipient of a message: e-mail from the account, phone from the linked person. */
export interface AccountContact {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  phone: string | null;
}

/** An active account with its person. */
export interface PersonAccount {
  userId: string;
  personId: string | null;
  displayName: string;
}

/** Who approves or signs, as a document names them: the person, their position and their unit. */
export interface SignerProfile {
  fullName: string;
  position: string;
  unitName: string;
  unitShortName: string | null;
  unitType: string;
}

/** Who may decide an approval stage: holders of group roles, unit people by tag or position, named people. */
export interface ApproverQuery {
  groupRoles: string[];
  unitTags: string[];
  unitPositions: string[];
  personIds: string[];
}

export interface RoomMember {
  userId: string;
  displayName: string;
  roles: string[];
}

const HOLDING = `(${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The SQL of the permission rules: the one place that reads across modules' tables (org_units, people, users,
 * working_group_members, working_group_roles) to decide who may do what, and who an account is (contacts,
 * names, signers) for the modules that may not read users and people themselves.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The unit of the directory person, when the person is active. */
  async activePersonUnit(personId: string, manager = this.dataSource.manager): Promise<string | null> {
    const rows: { org_unit_id: string }[] = await manager.query(
      `SELECT org_unit_id FROM people WHERE id = $1 AND active`,
      [personId],
    );
    return rows[0]?.org_unit_id ?? null;
  }

  async ancestors(unitId: string, manager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM (${ancestorsSql('ARRAY[$1]::uuid[]')}) up GROUP BY id ORDER BY min(depth)`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  async subtree(rootIds: string[], manager = this.dataSource.manager): Promise<string[]> {
    if (!rootIds.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT id FROM (${subtreeSql('$1::uuid[]')}) down`,
      [rootIds],
    );
    return rows.map((r) => r.id);
  }

  async isWithin(unitId: string, ancestorId: string, manager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM (${ancestorsSql('ARRAY[$1]::uuid[]')}) up WHERE id = $2 LIMIT 1`,
      [unitId, ancestorId],
    );
    return rows.length > 0;
  }

  async isGroupMember(incidentId: string, personId: string, manager = this.dataSource.manager) {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM working_group_members
        WHERE incident_id = $1 AND person_id = $2 AND status IN ${HOLDING} LIMIT 1`,
      [incidentId, personId],
    );
    return rows.length > 0;
  }

  async groupRolesHeld(
    incidentId: string,
    personId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupRoleHeld[]> {
    const rows: { role: string; can_edit_statements: boolean; can_approve: boolean; observer: boolean }[] =
      await manager.query(
        `SELECT m.role, r.can_edit_statements, r.can_approve, r.observer
           FROM working_group_members m JOIN working_group_roles r ON r.key = m.role
          WHERE m.incident_id = $1 AND m.person_id = $2 AND m.status = 'accepted'`,
        [incidentId, personId],
      );
    return rows.map((r) => ({
      role: r.role,
      canEditStatements: r.can_edit_statements,
      canApprove: r.can_approve,
      observer: r.observer,
    }));
  }

  /**
   * Who may open an incident's room: admins, leaders and officers (active person) of the responsible unit or a
   * unit above it, and the accounts of working-group members holding a role.
   */
  async roomMembers(incidentId: string, unitId: string): Promise<RoomMember[]> {
    const rows: { id: string; display_name: string; roles: string[] | string }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, u.roles::text[] AS roles
         FROM users u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active
          AND ('admin' = ANY(u.roles)
               OR (u.roles && ARRAY['leader', 'officer']::user_role[] AND p.active
                   AND p.org_unit_id IN (SELECT id FROM (${ancestorsSql('ARRAY[$1]::uuid[]')}) up))
               OR EXISTS (SELECT 1 FROM working_group_members m
                           WHERE m.incident_id = $2 AND m.person_id = u.person_id AND m.status IN ${HOLDING}))
        ORDER BY u.display_name, u.id`,
        [unitId, incidentId],
      );
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, roles: parseArray(r.roles) }));
  }

  /** Who reads a unit's monitoring data: admins, and leaders, officers and analysts (active person) of the unit or a unit above. */
  async unitDataReaders(unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active
          AND ('admin' = ANY(u.roles)
               OR (u.roles && ARRAY['leader', 'officer', 'analyst']::user_role[] AND p.active
                   AND p.org_unit_id IN (SELECT id FROM (${ancestorsSql('ARRAY[$1]::uuid[]')}) up)))`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  /** Active leaders acting for the unit or a unit above it (escalations go up the tree). */
  async unitLeaders(unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u JOIN people p ON p.id = u.person_id
        WHERE u.active AND 'leader' = ANY(u.roles) AND p.active
          AND p.org_unit_id IN (SELECT id FROM (${ancestorsSql('ARRAY[$1]::uuid[]')}) up)`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  async watchers(incidentId: string, formerUnitId: string | null): Promise<string[]> {
    const starts = `ARRAY[(SELECT responsible_org_unit_id FROM incidents WHERE id = $1), $2::uuid]`;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active
          AND ('admin' = ANY(u.roles)
               OR (u.roles && ARRAY['leader', 'officer']::user_role[] AND p.active
                   AND p.org_unit_id IN (SELECT id FROM (${ancestorsSql(starts)}) up))
               OR EXISTS (SELECT 1 FROM working_group_members m
                           WHERE m.incident_id = $1 AND m.person_id = u.person_id AND m.status IN ${HOLDING}))`,
      [incidentId, formerUnitId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The active accounts (active person) that may decide a stage: holders (accepted) of a group role, people of
   * the responsible unit with a directory tag or position, or a named person.
   */
  async approvers(
    manager: EntityManager,
    incident: { id: string; responsibleOrgUnitId: string },
    q: ApproverQuery,
  ): Promise<PersonAccount[]> {
    const rows: { user_id: string; person_id: string | null; display_name: string }[] = await manager.query(
      `SELECT DISTINCT u.id AS user_id, u.person_id, u.display_name
         FROM users u JOIN people p ON p.id = u.person_id
        WHERE u.active AND p.active
          AND (
            EXISTS (SELECT 1 FROM working_group_members m
                     WHERE m.incident_id = $1 AND m.person_id = p.id AND m.status = 'accepted'
                       AND m.role = ANY($3::text[]))
            OR (p.org_unit_id = $2 AND p.tags && $4::text[])
            OR (p.org_unit_id = $2 AND lower(btrim(p.position)) = ANY(
                  SELECT lower(btrim(pos)) FROM unnest($5::text[]) pos))
            OR p.id = ANY($6::uuid[])
          )
        ORDER BY u.display_name`,
      [incident.id, incident.responsibleOrgUnitId, q.groupRoles, q.unitTags, q.unitPositions, q.personIds],
    );
    return rows.map((r) => ({ userId: r.user_id, personId: r.person_id, displayName: r.display_name }));
  }

  /** Active accounts holding (accepted) one of `roles` in the incident's group, or leaders of its unit. */
  async groupOrUnitLeaders(
    manager: EntityManager,
    incident: { id: string; responsibleOrgUnitId: string },
    roles: readonly string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT u.id FROM users u
         LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active AND (
          EXISTS (SELECT 1 FROM working_group_members m
                   WHERE m.incident_id = $1 AND m.person_id = u.person_id AND m.status = 'accepted'
                     AND m.role = ANY($3::text[]))
          OR (p.org_unit_id = $2 AND 'leader' = ANY(u.roles::text[]))
        )`,
      [incident.id, incident.responsibleOrgUnitId, roles],
    );
    return rows.map((r) => r.id);
  }

  /** The person holding (accepted) the role in the incident's group longest, if any. */
  async firstHolder(manager: EntityManager, incidentId: string, role: string): Promise<string | null> {
    const rows: { person_id: string }[] = await manager.query(
      `SELECT person_id FROM working_group_members
        WHERE incident_id = $1 AND role = $2 AND status = 'accepted'
        ORDER BY assumed_at ASC LIMIT 1`,
      [incidentId, role],
    );
    return rows[0]?.person_id ?? null;
  }

  /** Active accounts of people tagged `head` of the unit. */
  async unitHeads(manager: EntityManager, orgUnitId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u JOIN people p ON p.id = u.person_id
        WHERE u.active AND p.org_unit_id = $1 AND 'head' = ANY(p.tags)`,
      [orgUnitId],
    );
    return rows.map((r) => r.id);
  }

  /** The active accounts of a directory person. */
  async accountsOfPerson(personId: string, manager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE person_id = $1 AND active`,
      [personId],
    );
    return rows.map((r) => r.id);
  }

  /** Accounts as recipients (active or not: the caller decides). */
  async contacts(manager: EntityManager, ids: string[]): Promise<AccountContact[]> {
    if (!ids.length) return [];
    return manager.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.active, p.phone
         FROM users u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The person of an account (`userId`) or a person (`personId`) with their unit, as a document names them. */
  async signer(
    manager: EntityManager,
    who: { userId: string } | { personId: string },
  ): Promise<SignerProfile | null> {
    const rows: SignerProfile[] = await manager.query(
      `SELECT p.full_name AS "fullName", p.position, o.name AS "unitName", o.short_name AS "unitShortName",
              o.unit_type AS "unitType"
         FROM people p JOIN org_units o ON o.id = p.org_unit_id
        WHERE p.id = ${'userId' in who ? '(SELECT person_id FROM users WHERE id = $1)' : '$1'}`,
      ['userId' in who ? who.userId : who.personId],
    );
    return rows[0] ?? null;
  }
}

/** node-postgres returns arrays of enum values as their text literal ("{admin,leader}"). */
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
