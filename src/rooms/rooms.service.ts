import { toTimelineEvent } from '../incidents/timeline-event.js';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { KeyedTokenBuckets } from '../common/rate-limit.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { IncidentFact } from '../incidents/entities/incident-fact.entity.js';
import type { IncidentTask } from '../incidents/entities/incident-task.entity.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { IncidentFactsService } from '../incidents/incident-facts.service.js';
import { IncidentTasksService } from '../incidents/incident-tasks.service.js';
import { IncidentReads } from '../incidents/incident-reads.repository.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import {
  ChatSendDto,
  FactCreateDto,
  FactUpdateDto,
  IncidentRefDto,
  JoinDto,
  ResyncDto,
  TaskCreateDto,
  TaskUpdateDto,
  TypingDto,
} from './dto/room-commands.dto.js';
import { IncidentChatMessage } from './entities/incident-chat-message.entity.js';
import { RoomAccess } from './room-access.js';
import { RoomPresence } from './room-presence.js';
import { RoomsRepository } from './rooms.repository.js';
import type { RoomSocket } from './rooms.server.js';
import { incidentRoom, REPLAY_PAGE_SIZE } from './rooms.events.js';
import type {
  ChatSendResult,
  FactView,
  JoinResult,
  PresenceMember,
  Replay,
  RoomEvent,
  TaskView,
} from './rooms.events.js';

/** What the live-room commands do; the gateway only authenticates, validates, orders and answers. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly access: RoomAccess,
    private readonly presence: RoomPresence,
    private readonly repository: RoomsRepository,
    private readonly incidentReads: IncidentReads,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly tasks: IncidentTasksService,
    private readonly facts: IncidentFactsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.chatBudget = new KeyedTokenBuckets(config.chat.maxMessagesPerMinute);
  }

  /** Chat messages per user (on this node), against floods from a script or a stuck client. */
  private readonly chatBudget: KeyedTokenBuckets;

  /**
   * Enters the room, then reads what was missed: the socket is in the room before the read, so an event
   * committed meanwhile is either in the read or broadcast to it (or both; clients drop seqs they have).
   */
  async join(socket: RoomSocket, user: AuthUser, incident: Incident, dto: JoinDto): Promise<JoinResult> {
    const room = incidentRoom(incident.id);
    const rejoining = socket.rooms.has(room);
    if (!socket.connected) throw new AppError(ErrorCode.CONFLICT, 'Kết nối đã đóng');
    socket.join(room);
    const [replay, members, { present, connections }] = await Promise.all([
      this.replay(incident, dto.afterSeq ?? 0),
      this.access.members(incident),
      this.presence.list(incident.id),
    ]);
    if (!socket.connected) {
      // Closed while we were reading: do not leave a dead id in the room.
      socket.leave(room);
      throw new AppError(ErrorCode.CONFLICT, 'Kết nối đã đóng');
    }
    if (!rejoining && (connections.get(user.id) ?? 0) <= 1) {
      this.presence.announceJoin(incident.id, socket.data.user, socket.id);
    }
    return { ...replay, members, present };
  }

  async resync(socket: RoomSocket, incident: Incident, dto: ResyncDto): Promise<Replay> {
    this.assertInRoom(socket, incident.id);
    return this.replay(incident, dto.afterSeq);
  }

  async leave(socket: RoomSocket, dto: IncidentRefDto): Promise<{ incidentId: string }> {
    const room = incidentRoom(dto.incidentId);
    if (socket.rooms.has(room)) {
      socket.leave(room);
      await this.presence.announceLeave(dto.incidentId, socket.data.user);
    }
    return { incidentId: dto.incidentId };
  }

  /** After a disconnect: the rooms the socket was in learn that its user left (if no other tab remains). */
  async disconnected(member: PresenceMember, incidentIds: string[]): Promise<void> {
    await Promise.all(incidentIds.map((id) => this.presence.announceLeave(id, member)));
  }

  /** Volatile: relayed to the others in the room, never stored. */
  typing(socket: RoomSocket, dto: TypingDto): { incidentId: string } {
    this.assertInRoom(socket, dto.incidentId);
    const { userId, displayName } = socket.data.user;
    socket.to(incidentRoom(dto.incidentId)).volatile.emit('typing:update', {
      incidentId: dto.incidentId,
      userId,
      displayName,
      typing: dto.typing,
    });
    return { incidentId: dto.incidentId };
  }

  /**
   * Posts a chat message through the one write path. A resend with the same clientId (after a lost ack or a
   * reconnect) returns the original message and writes nothing.
   */
  async postChat(user: AuthUser, incident: Incident, dto: ChatSendDto): Promise<ChatSendResult> {
    if (!this.chatBudget.take(user.id)) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Gửi tin nhắn quá nhanh (tối đa ${this.config.chat.maxMessagesPerMinute} tin mỗi phút); hãy chờ một lát`,
      );
    }
    // The gateway checked that the user sees the incident; posting takes the writer roles of tasks and facts
    // (observers and analysts read the room, they do not post).
    this.incidents.assertWriter(user);
    const mentions = await this.visibleMentions(dto.mentions ?? [], incident, user);
    return this.timeline.change(incident.id, async (change) => {
      // Checked under the incident's row lock: a concurrent resend of the same clientId waits here.
      const earlier = await this.repository.findChatMessage(incident.id, dto.clientId, change.manager);
      if (earlier) return this.duplicate(earlier, user);
      this.incidents.assertWritable(change.incident);
      // The row is locked and this change emits exactly one event: it gets the next seq.
      const seq = change.incident.lastSeq + 1;
      const message = await change.manager.save(
        change.manager.create(IncidentChatMessage, {
          incidentId: incident.id,
          clientId: dto.clientId,
          seq,
          authorUserId: user.id,
          text: dto.text,
          mentions,
        }),
      );
      change.emit(
        'chat.posted',
        { messageId: message.id, clientId: dto.clientId, text: dto.text, mentions },
        { type: 'incident_chat_message', id: message.id },
      );
      return { messageId: message.id, seq, duplicate: false };
    });
  }

  // Tasks and facts: the gateway checked the room; the services check again (visibility, writer roles).
  async createTask(user: AuthUser, dto: TaskCreateDto): Promise<TaskView> {
    return taskView(await this.tasks.create(user, dto.incidentId, dto));
  }

  async updateTask(user: AuthUser, dto: TaskUpdateDto): Promise<TaskView> {
    return taskView(await this.tasks.update(user, dto.incidentId, dto.taskId, dto));
  }

  async createFact(user: AuthUser, dto: FactCreateDto): Promise<FactView> {
    return factView(await this.facts.create(user, dto.incidentId, dto));
  }

  async updateFact(user: AuthUser, dto: FactUpdateDto): Promise<FactView> {
    return factView(await this.facts.update(user, dto.incidentId, dto.factId, dto));
  }

  private async replay(incident: Incident, afterSeq: number): Promise<Replay> {
    const events: RoomEvent[] = (
      await this.incidentReads.eventsAfter(incident.id, afterSeq, REPLAY_PAGE_SIZE)
    ).map((e) => toTimelineEvent({ ...e, incidentId: incident.id }));
    const last = events.length ? events[events.length - 1].seq : afterSeq;
    const lastSeq = Math.max(incident.lastSeq, last);
    return {
      incidentId: incident.id,
      events,
      lastSeq,
      hasMore: events.length === REPLAY_PAGE_SIZE && last < lastSeq,
    };
  }

  private assertInRoom(socket: RoomSocket, incidentId: string): void {
    if (!socket.rooms.has(incidentRoom(incidentId))) {
      throw new AppError(ErrorCode.ROOM_NOT_JOINED, 'Chưa vào phòng của sự cố này; hãy gửi room:join trước');
    }
  }

  private duplicate(message: IncidentChatMessage, user: AuthUser): ChatSendResult {
    if (message.authorUserId !== user.id) {
      throw new AppError(ErrorCode.CONFLICT, 'Mã tin nhắn (clientId) đã được dùng cho một tin nhắn khác', [
        { field: 'clientId', messages: ['clientId: đã được dùng'], constraints: ['unique'] },
      ]);
    }
    return { messageId: message.id, seq: message.seq, duplicate: true };
  }

  /** Mentioned users who may see the incident (others are dropped: a mention must not leak the incident). */
  private async visibleMentions(userIds: string[], incident: Incident, author: AuthUser): Promise<string[]> {
    const checks = await Promise.all(
      userIds
        .filter((id) => id !== author.id)
        .map(async (id) => {
          const user = await this.access.activeUser(id);
          return user && (await this.access.canJoin(user, incident.id)) ? id : null;
        }),
    );
    return checks.filter((id): id is string => id !== null);
  }
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function taskView(t: IncidentTask): TaskView {
  return {
    id: t.id,
    incidentId: t.incidentId,
    title: t.title,
    description: t.description,
    assigneeUserId: t.assigneeUserId,
    dueAt: iso(t.dueAt),
    status: t.status,
    completedAt: iso(t.completedAt),
    createdByUserId: t.createdByUserId,
    createdAt: iso(t.createdAt)!,
    updatedAt: iso(t.updatedAt)!,
  };
}

function factView(f: IncidentFact): FactView {
  return {
    id: f.id,
    incidentId: f.incidentId,
    statement: f.statement,
    source: f.source,
    status: f.status,
    verifiedByUserId: f.verifiedByUserId,
    verifiedAt: iso(f.verifiedAt),
    retractionReason: f.retractionReason,
    createdByUserId: f.createdByUserId,
    createdAt: iso(f.createdAt)!,
    updatedAt: iso(f.updatedAt)!,
  };
}
