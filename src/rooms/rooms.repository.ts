import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentChatMessage } from './entities/incident-chat-message.entity.js';
import type { RoomEvent } from './rooms.events.js';

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

  /** The active accounts of a directory person. */
  async usersOfPerson(personId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE person_id = $1 AND active`,
      [personId],
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
