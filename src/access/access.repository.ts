import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { GroupRoleHeld } from './group-roles.js';
import { ancestorsSql, HOLDING_STATUSES, subtreeSql } from './sql-fragments.js';

export interface RoomMember {
  userId: string;
  displayName: string;
  roles: string[];
}

const HOLDING = `(${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The SQL of the permission rules: the one place that reads across modules' tables (org_units, people, users,
 * working_group_members, working_group_roles) to decide who may do what.
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
}

/** node-postgres returns arrays of enum values as their text literal ("{admin,leader}"). */
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
