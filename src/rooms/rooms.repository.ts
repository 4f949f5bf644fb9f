import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentChatMessage } from './entities/incident-chat-message.entity.js';
import type { RoomEvent, RoomMember } from './rooms.events.js';

interface EventRow {
  seq: number;
  type: string;
  actor_user_id: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** SQL of the live rooms (covered by test/rooms.e2e.spec.ts against PostgreSQL). */
@Injectable()
export class RoomsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Timeline events after `afterSeq`, in seq order (keyset page on the unique (incident_id, seq) index). */
  async eventsAfter(incidentId: string, afterSeq: number, limit: number): Promise<RoomEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT seq, type, actor_user_id, payload, occurred_at
         FROM incident_events WHERE incident_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [incidentId, afterSeq, limit],
    );
    return rows.map((r) => ({
      incidentId,
      seq: Number(r.seq),
      type: r.type,
      actor: r.actor_user_id,
      payload: r.payload,
      occurredAt: new Date(r.occurred_at).toISOString(),
    }));
  }

  /**
   * Active users who may open an incident whose responsible unit is `unitId`: administrators, and leaders or
   * officers of that unit or one of its ancestors. Mirrors IncidentsService.visibilityRoots/canSee, the rule
   * RoomAccess.canJoin applies; working groups will replace it with the group's members.
   */
  /**
   * Who may open an incident's room: admins, leaders and officers of the responsible unit or a unit above it,
   * and the accounts of working-group members holding a role (as IncidentsService.canSee).
   */
  async membersOf(incidentId: string, unitId: string): Promise<RoomMember[]> {
    const rows: { id: string; display_name: string; roles: string[] | string }[] =
      await this.dataSource.query(
        `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM org_units WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
       )
       SELECT u.id, u.display_name, u.roles::text[] AS roles
         FROM users u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active
          AND ('admin' = ANY(u.roles)
               OR (u.roles && ARRAY['leader', 'officer']::user_role[] AND p.org_unit_id IN (SELECT id FROM up))
               OR EXISTS (SELECT 1 FROM working_group_members m
                           WHERE m.incident_id = $2 AND m.person_id = u.person_id
                             AND m.status IN ('invited', 'accepted')))
        ORDER BY u.display_name, u.id`,
        [unitId, incidentId],
      );
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, roles: parseArray(r.roles) }));
  }

  /**
   * Active users who may see an incident now (the rule of `membersOf`, from the incident's current responsible
   * unit), plus those who could see it under `formerUnitId` (its unit before a change: their lists must drop it).
   */
  /** The active accounts of a directory person. */
  async usersOfPerson(personId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE person_id = $1 AND active`,
      [personId],
    );
    return rows.map((r) => r.id);
  }

  async watchersOf(incidentId: string, formerUnitId: string | null = null): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT o.id, o.parent_id, 0 AS depth FROM org_units o
          WHERE o.id = (SELECT responsible_org_unit_id FROM incidents WHERE id = $1) OR o.id = $2::uuid
         UNION ALL
         SELECT o.id, o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id WHERE up.depth < 20
       )
       SELECT u.id FROM users u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active
          AND ('admin' = ANY(u.roles)
               OR (u.roles && ARRAY['leader', 'officer']::user_role[] AND p.org_unit_id IN (SELECT id FROM up))
               OR EXISTS (SELECT 1 FROM working_group_members m
                           WHERE m.incident_id = $1 AND m.person_id = u.person_id
                             AND m.status IN ('invited', 'accepted')))`,
      [incidentId, formerUnitId],
    );
    return rows.map((r) => r.id);
  }

  findChatMessage(
    incidentId: string,
    clientId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IncidentChatMessage | null> {
    return manager.findOneBy(IncidentChatMessage, { incidentId, clientId });
  }
}

/** node-postgres returns arrays of enum values as their text literal ("{admin,leader}"). */
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
