import { Injectable, Logger } from '@nestjs/common';

/** A timeline event as the rest of the app sees it: only ever after its transaction committed. */
export interface CommittedIncidentEvent {
  incidentId: string;
  seq: number;
  type: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export type IncidentEventListener = (events: CommittedIncidentEvent[]) => void | Promise<void>;

/**
 * In-process fan-out of committed timeline events (live rooms, detection follow-ups, notifications subscribe).
 * Listeners run after commit; one that throws is logged and does not affect the others or the writer.
 */
@Injectable()
export class IncidentEventsPublisher {
  private readonly logger = new Logger(IncidentEventsPublisher.name);
  private readonly listeners = new Set<IncidentEventListener>();

  subscribe(listener: IncidentEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(events: CommittedIncidentEvent[]): Promise<void> {
    if (!events.length) return;
    for (const listener of this.listeners) {
      try {
        await listener(events);
      } catch (e) {
        this.logger.error(`incident event listener failed: ${(e as Error).message}`, (e as Error).stack);
      }
    }
  }
}
