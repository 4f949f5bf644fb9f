import { Injectable } from '@nestjs/common';
import { RoomsServer } from './rooms.server.js';
import { incidentRoom, userRoom } from './rooms.events.js';
import type { PresenceMember, SocketData } from './rooms.events.js';

interface SocketLike {
  data: Partial<SocketData>;
  rooms: Set<string>;
}

/**
 * Who is in a room right now, derived from the sockets themselves (fetchSockets spans every node through the
 * adapter), so there is no registry to go stale when a node dies. Several tabs of one user count once.
 * Changes go to the room as deltas (`presence:update`); the full list comes with `room:join`.
 */
@Injectable()
export class RoomPresence {
  constructor(private readonly server: RoomsServer) {}

  /** Present users, and how many connections each has in the room. */
  async list(incidentId: string): Promise<{ present: PresenceMember[]; connections: Map<string, number> }> {
    const sockets = await this.fetch(incidentRoom(incidentId));
    const connections = new Map<string, number>();
    const present: PresenceMember[] = [];
    for (const s of sockets) {
      const user = s.data.user;
      if (!user) continue;
      const n = connections.get(user.userId) ?? 0;
      if (n === 0) present.push(user);
      connections.set(user.userId, n + 1);
    }
    present.sort(
      (a, b) => a.displayName.localeCompare(b.displayName, 'vi') || a.userId.localeCompare(b.userId),
    );
    return { present, connections };
  }

  /** Tells the others in the room that this user arrived (the joiner has the list in its join answer). */
  announceJoin(incidentId: string, member: PresenceMember, exceptSocketId: string): void {
    this.server.nsp
      ?.to(incidentRoom(incidentId))
      .except(exceptSocketId)
      .emit('presence:update', { incidentId, member, present: true });
  }

  /** Tells the room that this user left, unless another of their connections is still in it. */
  async announceLeave(incidentId: string, member: PresenceMember): Promise<void> {
    const room = incidentRoom(incidentId);
    // Read after the socket left: of two tabs leaving at once, at least one sees the other gone.
    const stillThere = (await this.fetch(userRoom(member.userId))).some((s) => s.rooms.has(room));
    if (!stillThere) this.announceGone(incidentId, member);
  }

  announceGone(incidentId: string, member: PresenceMember): void {
    this.server.nsp
      ?.to(incidentRoom(incidentId))
      .emit('presence:update', { incidentId, member, present: false });
  }

  private fetch(room: string): Promise<SocketLike[]> {
    return this.server.fetchSockets(room);
  }
}
