import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Accounts } from '../access/accounts.js';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { RoomsServer } from './rooms.server.js';
import { userRoom } from './rooms.events.js';

/** Timeline events that change a row of an incident list (or who sees that row). */
export const LIST_EVENT_TYPES = new Set([
  'incident.opened',
  'incident.status_changed',
  'incident.severity_changed',
  'incident.updated',
  'legal_clock.stopped',
  'working_group.member_invited',
  ...[
    'member_removed',
    'member_replaced',
    'role_handed_over',
    'invitation_declined',
    'invitation_expired',
  ].map((t) => `working_group.${t}`),
]);

/** Events that end someone's role: that person's lists must drop the row now (they no longer see it). */
const ROLE_ENDED = new Set([
  'working_group.member_removed',
  'working_group.member_replaced',
  'working_group.role_handed_over',
  'working_group.invitation_declined',
  'working_group.invitation_expired',
]);

/**
 * Keeps incident lists live: after commit, each list-changing event is announced as `incident:changed` to the
 * own room of every user who may see the incident (on every node, through the adapter). Each node announces what
 * its own process committed, like the room broadcasts.
 */
@Injectable()
export class IncidentFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IncidentFeed.name);
  private unsubscribe?: () => void;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly server: RoomsServer,
    private readonly accounts: Accounts,
    private readonly visibility: IncidentVisibility,
    private readonly events: IncidentEventsPublisher,
  ) {}

  onModuleInit() {
    this.unsubscribe = this.events.subscribe((events) => this.onCommitted(events));
  }

  async onModuleDestroy() {
    this.unsubscribe?.();
    await Promise.allSettled([...this.pending]);
  }

  /** Does not hold up the writer: the recipients are looked up after it returned. */
  onCommitted(events: CommittedIncidentEvent[]): void {
    const last = new Map<string, { event: CommittedIncidentEvent; formerUnitId: string | null }>();
    for (const e of events) {
      if (!LIST_EVENT_TYPES.has(e.type)) continue;
      const former = last.get(e.incidentId)?.formerUnitId ?? formerUnitOf(e);
      last.set(e.incidentId, { event: e, formerUnitId: former });
    }
    for (const { event, formerUnitId } of last.values()) {
      const task = this.announce(event, formerUnitId)
        .catch((e: Error) => this.logger.warn(`incident list push failed: ${e.message}`))
        .finally(() => this.pending.delete(task));
      this.pending.add(task);
    }
  }

  private async announce(e: CommittedIncidentEvent, formerUnitId: string | null): Promise<void> {
    if (!this.server.nsp) return;
    const users = await this.visibility.watchers(e.incidentId, formerUnitId);
    if (ROLE_ENDED.has(e.type)) {
      const p = e.payload;
      if (typeof p.userId === 'string') users.push(p.userId);
      else if (typeof p.personId === 'string') users.push(...(await this.accounts.ofPerson(p.personId)));
    }
    const nsp = this.server.nsp; // re-read: the node may have stopped meanwhile
    if (!users.length || !nsp) return;
    nsp
      .to(users.map(userRoom))
      .emit('incident:changed', { incidentId: e.incidentId, seq: e.seq, type: e.type });
  }
}

/** The responsible unit an `incident.updated` moved the incident away from. */
function formerUnitOf(e: CommittedIncidentEvent): string | null {
  if (e.type !== 'incident.updated') return null;
  const changes = e.payload.changes as { responsibleUnit?: { from?: { id?: unknown } } } | undefined;
  const id = changes?.responsibleUnit?.from?.id;
  return typeof id === 'string' ? id : null;
}
