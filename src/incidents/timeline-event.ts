import type { TimelineEvent } from '../contracts/incidents.js';

/** A stored or committed event (`actorUserId`, a Date or an ISO string) as HTTP and the socket send it. */
export function toTimelineEvent(e: {
  incidentId: string;
  seq: number;
  type: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date | string;
}): TimelineEvent {
  return {
    incidentId: e.incidentId,
    seq: e.seq,
    type: e.type,
    actor: e.actorUserId,
    payload: e.payload,
    occurredAt: typeof e.occurredAt === 'string' ? e.occurredAt : e.occurredAt.toISOString(),
  };
}
