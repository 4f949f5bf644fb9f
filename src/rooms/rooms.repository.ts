import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentChatMessage } from './entities/incident-chat-message.entity.js';

/**
 * SQL of the live rooms (covered by test/rooms.e2e.spec.ts against PostgreSQL). The timeline's replay reads
 * through incidents' IncidentReads, a person's accounts through access/Accounts.
 */
@Injectable()
export class RoomsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findChatMessage(
    incidentId: string,
    clientId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IncidentChatMessage | null> {
    return manager.findOneBy(IncidentChatMessage, { incidentId, clientId });
  }
}
