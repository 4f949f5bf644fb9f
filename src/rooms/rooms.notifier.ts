import { toTimelineEvent } from '../incidents/timeline-event.js';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../auth/decorators.js';
import { UserAccessChanges } from '../auth/user-access-changes.js';
import type { UserAccessChange } from '../auth/user-access-changes.js';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import type { InAppDelivery, InAppNotification } from '../notifications/channels/in-app-delivery.js';
import { RoomAccess } from './room-access.js';
import { RoomPresence } from './room-presence.js';
import { RoomsServer } from './rooms.server.js';
import { incidentRoom, userRoom } from './rooms.events.js';
import type { PresenceMember, RoomEvent, RoomRevoked } from './rooms.events.js';

/**
 * Safety net for access changes that announce nothing (a person moved to another unit, a re-parented unit):
 * every node re-checks its own sockets' rooms this often.
 */
const ACCESS_SWEEP_MS = 60_000;

const REVOKED_MESSAGE: Record<RoomRevoked['reason'], string> = {
  access_changed: 'Bạn không còn quyền theo dõi sự cố này; đã rời phòng',
  account_disabled: 'Tài khoản đã bị khóa; đã ngắt kết nối',
  session_ended: 'Phiên đăng nhập đã kết thúc (đăng xuất hoặc đổi mật khẩu); đã ngắt kết nối',
};

/** Working-group events after which someone may have lost access (RoomAccess counts holding members). */
const GROUP_ACCESS_EVENTS = new Set([
  'working_group.member_removed',
  'working_group.member_replaced',
  'working_group.role_handed_over',
  'working_group.invitation_declined',
  'working_group.invitation_expired',
]);

/** Events that may change who can see an incident: its room is re-checked before they are broadcast. */
function changesAccess(event: CommittedIncidentEvent): boolean {
  if (GROUP_ACCESS_EVENTS.has(event.type)) return true;
  if (event.type !== 'incident.updated') return false;
  const changes = event.payload.changes as Record<string, unknown> | undefined;
  return Boolean(changes && 'responsibleUnit' in changes);
}

/**
 * The one place that emits to rooms. Broadcasts committed timeline events (each node those its own process
 * committed; the adapter carries them to the other nodes), mention notifications, and takes sockets out of
 * rooms their user may no longer see (a socketsLeave travels through the adapter's stream, so it reaches
 * every node before any later broadcast from this node).
 */
@Injectable()
export class RoomsNotifier implements OnModuleInit, OnModuleDestroy, InAppDelivery {
  private readonly logger = new Logger(RoomsNotifier.name);
  private readonly unsubscribe: (() => void)[] = [];
  /** Per incident, the broadcasts waiting behind an access re-check: they keep their seq order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly server: RoomsServer,
    private readonly access: RoomAccess,
    private readonly presence: RoomPresence,
    private readonly events: IncidentEventsPublisher,
    private readonly accessChanges: UserAccessChanges,
  ) {}

  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;

  onModuleInit() {
    this.unsubscribe.push(
      this.events.subscribe((events) => this.onCommitted(events)),
      this.accessChanges.subscribe((change) => this.onUserChanged(change)),
    );
    this.sweepTimer = setInterval(() => {
      this.sweepAccess().catch((e: Error) => this.logger.warn(`access sweep failed: ${e.message}`));
    }, ACCESS_SWEEP_MS).unref();
  }

  onModuleDestroy() {
    clearInterval(this.sweepTimer);
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Re-checks every room this node's sockets are in; returns how many (user, room) pairs were revoked. */
  async sweepAccess(): Promise<number> {
    const nsp = this.server.nsp;
    if (!nsp || this.sweeping) return 0;
    this.sweeping = true;
    try {
      const pairs = new Map<string, { member: PresenceMember; incidentId: string }>();
      for (const socket of await nsp.local.fetchSockets()) {
        for (const room of socket.rooms) {
          if (room.startsWith('incident:') && socket.data.user) {
            pairs.set(`${socket.data.user.userId} ${room}`, {
              member: socket.data.user,
              incidentId: room.slice(9),
            });
          }
        }
      }
      const users = new Map<string, AuthUser | null>();
      let revoked = 0;
      for (const { member, incidentId } of pairs.values()) {
        if (!users.has(member.userId)) users.set(member.userId, await this.access.activeUser(member.userId));
        const user = users.get(member.userId)!;
        if (!user || !(await this.access.canJoin(user, incidentId))) {
          this.revoke(incidentId, member, user ? 'access_changed' : 'account_disabled');
          revoked++;
        }
      }
      return revoked;
    } finally {
      this.sweeping = false;
    }
  }

  /** Resolves once the events are handed to the adapter (after any re-check they wait for). */
  onCommitted(events: CommittedIncidentEvent[]): Promise<void> | void {
    const byIncident = new Map<string, CommittedIncidentEvent[]>();
    for (const e of events) byIncident.set(e.incidentId, [...(byIncident.get(e.incidentId) ?? []), e]);
    const waits: Promise<void>[] = [];
    for (const [incidentId, list] of byIncident) {
      const before = this.chains.get(incidentId);
      if (!before && !list.some(changesAccess)) {
        // The common case: emit synchronously, in commit order.
        list.forEach((e) => this.broadcast(e));
        continue;
      }
      const next = (before ?? Promise.resolve())
        .then(async () => {
          for (const e of list) {
            if (changesAccess(e)) await this.recheckIncident(incidentId);
            this.broadcast(e);
          }
        })
        .catch((e: Error) => this.logger.error(`room broadcast failed: ${e.message}`, e.stack))
        .finally(() => {
          if (this.chains.get(incidentId) === next) this.chains.delete(incidentId);
        });
      this.chains.set(incidentId, next);
      waits.push(next);
    }
    if (waits.length) return Promise.all(waits).then(() => undefined);
  }

  /** A user's account changed: every room their sockets are in is re-checked, on every node. */
  async onUserChanged(change: UserAccessChange): Promise<void> {
    const nsp = this.server.nsp;
    if (!nsp) return;
    const sockets = await this.server.fetchSockets(userRoom(change.userId));
    if (!sockets.length) return;
    const member = sockets[0].data.user;
    const incidentIds = new Set<string>();
    for (const s of sockets)
      for (const r of s.rooms) if (r.startsWith('incident:')) incidentIds.add(r.slice(9));
    const user = await this.access.activeUser(change.userId);
    if (!user || change.sessionsEnded) {
      for (const id of incidentIds) this.revoke(id, member, user ? 'session_ended' : 'account_disabled');
      nsp.in(userRoom(change.userId)).disconnectSockets(true);
      return;
    }
    for (const id of incidentIds) {
      if (!(await this.access.canJoin(user, id))) this.revoke(id, member, 'access_changed');
    }
  }

  /** Who is in the room and may no longer see the incident leaves it. */
  private async recheckIncident(incidentId: string): Promise<void> {
    const nsp = this.server.nsp;
    if (!nsp) return;
    const sockets = await this.server.fetchSockets(incidentRoom(incidentId));
    const members = new Map<string, PresenceMember>();
    for (const s of sockets) if (s.data.user) members.set(s.data.user.userId, s.data.user);
    for (const member of members.values()) {
      const user = await this.access.activeUser(member.userId);
      if (!user || !(await this.access.canJoin(user, incidentId))) {
        this.revoke(incidentId, member, user ? 'access_changed' : 'account_disabled');
      }
    }
  }

  /** Takes the user's sockets (every tab, every node) out of the room and tells them and the room. */
  revoke(incidentId: string, member: PresenceMember, reason: RoomRevoked['reason']): void {
    const nsp = this.server.nsp;
    if (!nsp) return;
    nsp.in(userRoom(member.userId)).socketsLeave(incidentRoom(incidentId));
    nsp
      .to(userRoom(member.userId))
      .emit('room:revoked', { incidentId, reason, message: REVOKED_MESSAGE[reason] });
    this.presence.announceGone(incidentId, member);
    this.logger.log(`user ${member.userId} removed from room ${incidentId} (${reason})`);
  }

  private broadcast(e: CommittedIncidentEvent): void {
    const nsp = this.server.nsp;
    if (!nsp) return;
    const event: RoomEvent = toTimelineEvent(e);
    nsp.to(incidentRoom(e.incidentId)).emit('room:event', event);
    if (e.type === 'chat.posted') this.notifyMentions(event);
  }

  /** The in-app channel of the notifications outbox: pushes to every open tab of the user, on any node. */
  async deliver(userId: string, n: InAppNotification): Promise<void> {
    this.server.nsp?.to(userRoom(userId)).emit('notification', {
      type: n.kind,
      id: n.id,
      notificationId: n.notificationId,
      subject: n.subject,
      text: n.text,
      data: n.data,
      createdAt: n.createdAt,
    });
  }

  private notifyMentions(event: RoomEvent): void {
    const mentions = Array.isArray(event.payload.mentions) ? (event.payload.mentions as string[]) : [];
    const nsp = this.server.nsp;
    if (!mentions.length || !nsp) return; // no namespace: the node is stopping
    const text = String(event.payload.text ?? '');
    nsp.to(mentions.map(userRoom)).emit('notification', {
      type: 'chat.mention',
      incidentId: event.incidentId,
      seq: event.seq,
      messageId: String(event.payload.messageId),
      from: event.actor,
      text: text.length > 280 ? `${text.slice(0, 279)}…` : text,
      occurredAt: event.occurredAt,
    });
  }
}
