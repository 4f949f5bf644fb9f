import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Socket } from 'socket.io';
import type { AuthUser } from '../auth/decorators.js';
import {
  AppError,
  DATABASE_UNAVAILABLE_MESSAGE,
  ErrorCode,
  isDatabaseUnavailable,
} from '../common/app-error.js';
import { assertCleanInput } from '../common/input-guard.js';
import { requestContext } from '../common/request-context.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { InvitationsService } from '../working-groups/invitations.service.js';
import { assertCommandSize, validateCommand } from './command-validation.js';
import {
  ChatSendDto,
  FactCreateDto,
  FactUpdateDto,
  IncidentRefDto,
  InvitationAcceptDto,
  InvitationDeclineDto,
  JoinDto,
  ResyncDto,
  TaskCreateDto,
  TaskUpdateDto,
  TypingDto,
} from './dto/room-commands.dto.js';
import { RoomAccess } from './room-access.js';
import { RoomsNotifier } from './rooms.notifier.js';
import { RoomsServer } from './rooms.server.js';
import type { RoomSocket } from './rooms.server.js';
import { RoomsService } from './rooms.service.js';
import { incidentRoom, userRoom } from './rooms.events.js';
import type { AckResponse, CommandName, ConnectErrorData, RoomError } from './rooms.events.js';

/** Commands a socket may have waiting; past that it is sending faster than it can be answered. */
const MAX_PENDING_COMMANDS = 100;

interface CommandQueue {
  tail: Promise<void>;
  /** The last answer sent or awaited: answers leave in the order the commands came. */
  replies: Promise<void>;
  pending: number;
}

/**
 * A handler's result whose answer waits for `done` while the socket's next command already runs (co-drafting:
 * an update is relayed at once and acknowledged once stored). Answers still leave in the order of the commands.
 */
export class AnswerLater<R> {
  constructor(readonly done: Promise<R>) {}
}

/**
 * What is checked before a command runs (always: size, token expiry, validation):
 * - `room` (default): the account re-read and the access rule of the incident named by `incidentId`;
 * - `account`: the account re-read only (leaving needs no right);
 * - `socket`: nothing more (typing: volatile, high rate; the socket must already be in the room).
 */
type CommandCheck = 'room' | 'account' | 'socket';

type CommandContext<C extends CommandCheck> = C extends 'room'
  ? { user: AuthUser; incident: Incident }
  : { user: AuthUser };

/** How a command's payload is checked: a class-validator DTO, or a function (binary payloads: Yjs). */
export type CommandParser<D> = (new () => D) | ((payload: unknown) => D);

/** A command another module adds to the `/rooms` protocol (statements: co-drafting). */
export interface RoomCommand<D extends object, R> {
  name: CommandName;
  parse: CommandParser<D>;
  /** Only `account` or `socket`: such commands check their own subject's access. */
  check: 'account' | 'socket';
  /** Replaces the JSON size check (binary payloads). */
  assertSize?: (payload: unknown) => void;
  handler: (ctx: { user: AuthUser }, dto: D, socket: RoomSocket) => Promise<R | AnswerLater<R>>;
}

/**
 * The `/rooms` socket.io gateway, written on socket.io directly: authenticates the handshake, then for each
 * command checks size, validates, re-reads the account, runs it (in the socket's order) and answers the ack.
 */
@Injectable()
export class RoomsGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RoomsGateway.name);
  private readonly queues = new WeakMap<RoomSocket, CommandQueue>();
  private commandCount = 0;
  private readonly extraCommands: RoomCommand<object, unknown>[] = [];
  private readonly disconnectListeners: ((socket: RoomSocket) => void)[] = [];

  constructor(
    private readonly server: RoomsServer,
    private readonly adapterHost: HttpAdapterHost,
    private readonly access: RoomAccess,
    private readonly rooms: RoomsService,
    private readonly notifier: RoomsNotifier,
    private readonly invitations: InvitationsService,
  ) {}

  async onApplicationBootstrap() {
    const nsp = await this.server.start(this.adapterHost.httpAdapter.getHttpServer());
    nsp.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (e: unknown) => {
          const data = this.toRoomError(e, 'handshake') as ConnectErrorData;
          next(Object.assign(new Error(data.message), { data: { code: data.code, message: data.message } }));
        },
      );
    });
    nsp.on('connection', (socket) => this.onConnection(socket));
  }

  /** Adds a command to every socket (register before the app starts listening: in onModuleInit). */
  registerCommand<D extends object, R>(command: RoomCommand<D, R>): void {
    this.extraCommands.push(command as unknown as RoomCommand<object, unknown>);
  }

  /** Called when a socket disconnects (after it left its rooms). */
  onDisconnect(listener: (socket: RoomSocket) => void): void {
    this.disconnectListeners.push(listener);
  }

  // Before Nest closes the HTTP server: open websockets would keep it from closing.
  async beforeApplicationShutdown() {
    await this.server.stop();
  }

  private async authenticate(socket: RoomSocket) {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const { user, tokenExp } = await this.access.authenticate(auth?.token);
    socket.data.user = { userId: user.id, displayName: user.displayName, roles: user.roles };
    socket.data.tokenExp = tokenExp;
  }

  private onConnection(socket: RoomSocket) {
    socket.join(userRoom(socket.data.user.userId));
    // The socket lives no longer than its access token: at expiry it is cut (it stops receiving room events,
    // drafts and notifications); the client reconnects with a fresh token, and rejoins from its last seq.
    const expiry = setTimeout(
      () => socket.disconnect(true),
      Math.min(Math.max(0, socket.data.tokenExp * 1000 - Date.now()), 2 ** 31 - 1),
    );
    expiry.unref();
    socket.once('disconnect', () => clearTimeout(expiry));
    this.command(socket, 'room:join', JoinDto, ({ user, incident }, dto) =>
      this.rooms.join(socket, user, incident, dto),
    );
    this.command(socket, 'room:resync', ResyncDto, ({ incident }, dto) =>
      this.rooms.resync(socket, incident, dto),
    );
    this.command(
      socket,
      'room:leave',
      IncidentRefDto,
      (_ctx, dto) => this.rooms.leave(socket, dto),
      'account',
    );
    this.command(socket, 'chat:send', ChatSendDto, ({ user, incident }, dto) =>
      this.rooms.postChat(user, incident, dto),
    );
    this.command(
      socket,
      'typing:update',
      TypingDto,
      async (_ctx, dto) => this.rooms.typing(socket, dto),
      'socket',
    );
    this.command(socket, 'task:create', TaskCreateDto, ({ user }, dto) => this.rooms.createTask(user, dto));
    this.command(socket, 'task:update', TaskUpdateDto, ({ user }, dto) => this.rooms.updateTask(user, dto));
    this.command(socket, 'fact:create', FactCreateDto, ({ user }, dto) => this.rooms.createFact(user, dto));
    this.command(socket, 'fact:update', FactUpdateDto, ({ user }, dto) => this.rooms.updateFact(user, dto));
    this.command(
      socket,
      'invitation:accept',
      InvitationAcceptDto,
      ({ user }, dto) => this.invitations.accept(user, dto.invitationId),
      'account',
    );
    this.command(
      socket,
      'invitation:decline',
      InvitationDeclineDto,
      ({ user }, dto) => this.invitations.decline(user, dto.invitationId, dto.reason),
      'account',
    );
    for (const c of this.extraCommands) {
      this.command(socket, c.name, c.parse, (ctx, dto) => c.handler(ctx, dto, socket), c.check, c.assertSize);
    }
    socket.on('disconnect', () => {
      for (const listener of this.disconnectListeners) listener(socket);
    });
    socket.on('disconnecting', () => {
      const incidentIds = [...socket.rooms].filter((r) => r.startsWith('incident:')).map((r) => r.slice(9));
      if (!incidentIds.length) return;
      // On 'disconnect' the socket has left its rooms, so the presence check no longer counts it.
      socket.once('disconnect', () => {
        this.rooms.disconnected(socket.data.user, incidentIds).catch((e: Error) => {
          this.logger.warn(`presence after disconnect: ${e.message}`);
        });
      });
    });
  }

  /** Registers a command: answered through its ack, run strictly after the socket's previous commands. */
  private command<D extends object, R, C extends CommandCheck = 'room'>(
    socket: RoomSocket,
    name: CommandName,
    dtoClass: CommandParser<D>,
    handler: (ctx: CommandContext<C>, dto: D) => Promise<R | AnswerLater<R>>,
    check: C = 'room' as C,
    assertSize?: (payload: unknown) => void,
  ) {
    (socket as unknown as Socket).on(name, (payload: unknown, ack?: unknown) => {
      const reply = (typeof ack === 'function' ? ack : () => undefined) as (r: AckResponse<R>) => void;
      const queue = this.queueOf(socket);
      if (queue.pending >= MAX_PENDING_COMMANDS) {
        reply({
          ok: false,
          error: {
            code: ErrorCode.TOO_MANY_PENDING_COMMANDS,
            message: `Quá nhiều lệnh đang chờ xử lý (tối đa ${MAX_PENDING_COMMANDS}); hãy chờ phản hồi rồi gửi tiếp`,
          },
        });
        return;
      }
      queue.pending++;
      const executed = queue.tail.then(() =>
        this.execute(socket, name, payload, dtoClass, handler, check, assertSize),
      );
      // The next command starts once this one ran; an answer given later still leaves after the previous ones.
      queue.tail = executed.then(() => undefined);
      const previous = queue.replies;
      queue.replies = executed.then(async (response) => {
        const answer = 'later' in response ? await response.later : response;
        await previous;
        queue.pending--;
        reply(answer);
      });
    });
  }

  private async execute<D extends object, R, C extends CommandCheck>(
    socket: RoomSocket,
    name: CommandName,
    payload: unknown,
    dtoClass: CommandParser<D>,
    handler: (ctx: CommandContext<C>, dto: D) => Promise<R | AnswerLater<R>>,
    check: C,
    assertSize?: (payload: unknown) => void,
  ): Promise<AckResponse<R> | { later: Promise<AckResponse<R>> }> {
    try {
      if (assertSize) assertSize(payload);
      else assertCommandSize(name, payload);
      assertCleanInput(payload);
      if (socket.data.tokenExp * 1000 <= Date.now()) {
        throw new AppError(ErrorCode.TOKEN_INVALID, 'Mã truy cập đã hết hạn; hãy kết nối lại với mã mới');
      }
      const dto = isDtoClass(dtoClass)
        ? await validateCommand(dtoClass, payload)
        : (dtoClass as (p: unknown) => D)(payload);
      const userId = socket.data.user.userId;
      const ctx: CommandContext<CommandCheck> =
        check === 'room'
          ? await this.roomAccess(socket, (dto as { incidentId: string }).incidentId)
          : { user: check === 'account' ? await this.access.currentUser(userId) : this.fromSocket(socket) };
      const context = { requestId: `ws-${socket.id}-${++this.commandCount}`, userId };
      const data = await requestContext.run(context, () => handler(ctx as CommandContext<C>, dto));
      if (data instanceof AnswerLater) {
        // Wrapped so that the command queue does not wait for it (a returned promise would be adopted).
        return {
          later: (data as AnswerLater<R>).done.then(
            (later): AckResponse<R> => ({ ok: true, data: later }),
            (e: unknown): AckResponse<R> => ({ ok: false, error: this.toRoomError(e, name) }),
          ),
        };
      }
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: this.toRoomError(e, name) };
    }
  }

  /** The room check of a command; a socket found in a room it may no longer see is taken out of it. */
  private async roomAccess(socket: RoomSocket, incidentId: string): Promise<CommandContext<'room'>> {
    try {
      return await this.access.assertInRoomAccess(socket.data.user.userId, incidentId);
    } catch (e) {
      if (
        e instanceof AppError &&
        e.code === ErrorCode.NOT_FOUND &&
        socket.rooms.has(incidentRoom(incidentId))
      ) {
        this.notifier.revoke(incidentId, socket.data.user, 'access_changed');
      }
      throw e;
    }
  }

  private fromSocket(socket: RoomSocket): AuthUser {
    const { userId, displayName, roles } = socket.data.user;
    return { id: userId, displayName, roles: roles as AuthUser['roles'], email: '', personId: null };
  }

  private queueOf(socket: RoomSocket): CommandQueue {
    let queue = this.queues.get(socket);
    if (!queue) {
      queue = { tail: Promise.resolve(), replies: Promise.resolve(), pending: 0 };
      this.queues.set(socket, queue);
    }
    return queue;
  }

  private toRoomError(e: unknown, command: string): RoomError {
    if (e instanceof AppError) {
      return e.details === undefined
        ? { code: e.code, message: e.message }
        : { code: e.code, message: e.message, details: e.details };
    }
    if (isDatabaseUnavailable(e)) {
      this.logger.warn(`${command}: database unavailable (${(e as Error).message})`);
      return { code: ErrorCode.DATABASE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE };
    }
    this.logger.error(`${command} failed: ${(e as Error)?.message}`, (e as Error)?.stack);
    return { code: ErrorCode.INTERNAL, message: 'Lỗi hệ thống, vui lòng thử lại' };
  }
}

function isDtoClass<D>(parser: CommandParser<D>): parser is new () => D {
  return /^class[\s{]/.test(Function.prototype.toString.call(parser));
}
