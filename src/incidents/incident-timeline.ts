import { IncidentsRepository } from './incidents.repository.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { requestContext } from '../common/request-context.js';
import { IncidentEvent } from './entities/incident-event.entity.js';
import { Incident } from './entities/incident.entity.js';
import { CommittedIncidentEvent, IncidentEventsPublisher } from './incident-events.publisher.js';

/** What a change inside an incident can do: touch rows through `manager`, and emit timeline events. */
export interface IncidentChange {
  manager: EntityManager;
  /** The incident, locked (SELECT … FOR UPDATE) for the whole transaction. */
  incident: Incident;
  /**
   * Appends a timeline event (and its audit row) to this transaction. `entity` names what the audit row is
   * about when it is not the incident itself (a task, a fact).
   */
  emit(type: string, payload?: Record<string, unknown>, entity?: { type: string; id: string }): void;
}

/** A transaction's result and the events to publish once it has committed. */
export interface Committable<T> {
  value: T;
  events: CommittedIncidentEvent[];
}

interface PendingEvent {
  type: string;
  payload: Record<string, unknown>;
  entity?: { type: string; id: string };
}

/**
 * The one write path (ARCHITECTURE.md): every change to an incident or anything inside it happens in one
 * transaction that applies the change, appends `incident_events` rows with the next per-incident seq, and
 * writes the audit record. Only after commit are the events handed to the publisher.
 */
@Injectable()
export class IncidentTimeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publisher: IncidentEventsPublisher,
    private readonly repository: IncidentsRepository,
  ) {}

  /** Changes an existing incident in its own transaction; publishes after commit. */
  async change<T>(incidentId: string, work: (change: IncidentChange) => Promise<T>): Promise<T> {
    return this.own((manager) => this.changeWithin(manager, incidentId, work));
  }

  /** Creates an incident and its first events in one transaction; publishes after commit. */
  async create<T>(
    build: (manager: EntityManager) => Promise<Incident>,
    work: (change: IncidentChange) => Promise<T>,
  ): Promise<T> {
    return this.own((manager) => this.createWithin(manager, build, work));
  }

  /**
   * For flows that must decide and change atomically in a transaction of their own (detection: lock the
   * topic, find or open the incident): the caller commits, then hands the events to `publish`.
   */
  async changeWithin<T>(
    manager: EntityManager,
    incidentId: string,
    work: (change: IncidentChange) => Promise<T>,
  ): Promise<Committable<T>> {
    const incident = await manager.findOne(Incident, {
      where: { id: incidentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!incident) throw AppError.notFound('sự cố', incidentId);
    return this.apply(manager, incident, work);
  }

  async createWithin<T>(
    manager: EntityManager,
    build: (manager: EntityManager) => Promise<Incident>,
    work: (change: IncidentChange) => Promise<T>,
  ): Promise<Committable<T>> {
    return this.apply(manager, await build(manager), work);
  }

  /** Hands committed events to the rest of the app. Call only after the transaction committed. */
  publish(events: CommittedIncidentEvent[]): Promise<void> {
    return this.publisher.publish(events);
  }

  private async own<T>(inTx: (manager: EntityManager) => Promise<Committable<T>>): Promise<T> {
    const { value, events } = await this.dataSource.transaction(inTx);
    await this.publisher.publish(events);
    return value;
  }

  private async apply<T>(
    manager: EntityManager,
    incident: Incident,
    work: (change: IncidentChange) => Promise<T>,
  ): Promise<Committable<T>> {
    const pending: PendingEvent[] = [];
    const value = await work({
      manager,
      incident,
      emit: (type, payload = {}, entity) => pending.push({ type, payload, entity }),
    });
    const events = await this.append(manager, incident.id, pending);
    if (events.length) incident.lastSeq = events[events.length - 1].seq;
    return { value, events };
  }

  private async append(
    manager: EntityManager,
    incidentId: string,
    pending: PendingEvent[],
  ): Promise<CommittedIncidentEvent[]> {
    if (!pending.length) return [];
    const actorUserId = requestContext.get()?.userId ?? null;
    const lastSeq = await this.repository.bumpSeq(manager, incidentId, pending.length);
    const firstSeq = lastSeq - pending.length + 1;
    const occurredAt = new Date();
    const rows = pending.map((p, i) => ({
      incidentId,
      seq: firstSeq + i,
      type: p.type,
      actorUserId,
      payload: JSON.parse(JSON.stringify(p.payload)) as Record<string, unknown>,
      occurredAt,
    }));
    await manager.insert(IncidentEvent, rows as QueryDeepPartialEntity<IncidentEvent>[]);
    for (const [i, row] of rows.entries()) {
      const entity = pending[i].entity;
      await this.audit.record(manager, {
        action: row.type,
        entityType: entity?.type ?? 'incident',
        entityId: entity?.id ?? incidentId,
        data: { incidentId, seq: row.seq, ...row.payload },
      });
    }
    return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
  }
}
