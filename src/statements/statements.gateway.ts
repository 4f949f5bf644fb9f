import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { UserAccessChanges } from '../auth/user-access-changes.js';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentStatus } from '../incidents/incident-types.js';
import { RoomAccess } from '../rooms/room-access.js';
import { AnswerLater, RoomsGateway } from '../rooms/rooms.gateway.js';
import type { RoomSocket } from '../rooms/rooms.server.js';
import { RoomsServer } from '../rooms/rooms.server.js';
import { MAX_AWARENESS_BYTES, MAX_YJS_MESSAGE_BYTES, statementRoom } from '../rooms/rooms.events.js';
import type { StatementOpened, YjsSyncResult } from '../rooms/rooms.events.js';
import { StatementAccess } from './statement-access.js';
import { StatementDocs } from './statement-docs.js';
import { StatementStatus } from './statement-types.js';

const FINISHED_INCIDENT = new Set<string>([
  IncidentStatus.Closed,
  IncidentStatus.Archived,
  IncidentStatus.Dismissed,
]);

/**
 * An editor's right, once checked, is re-checked in the background when an update comes more than this long
 * after the last check (the update does not wait); past three times this long (or once a change of roles,
 * membership, account or incident state was committed on this node) the update waits for the re-check.
 */
const RIGHTS_TTL_MS = 2_000;
/** Every node re-checks that the sockets with a draft open may still see it. */
const ACCESS_SWEEP_MS = 30_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OpenedStatement {
  userId: string;
  incidentId: string;
  canEdit: boolean;
  /** A committed change may have changed the right: the next update waits for a re-check. */
  stale: boolean;
  refreshing: Promise<void> | null;
  /** The incident was closed, archived or dismissed when the draft was opened: it is read-only. */
  incidentReadOnly: boolean;
  checkedAt: number;
}

interface SocketDrafts {
  opened: Map<string, OpenedStatement>;
  /** Token bucket of Yjs messages (sync + awareness). */
  tokens: number;
  refilledAt: number;
}

interface StatementRef {
  statementId: string;
}

interface BinaryCommand extends StatementRef {
  bytes: Uint8Array;
}

/**
 * Co-drafting over the `/rooms` socket (ARCHITECTURE.md "Real-time co-drafting"): `statement:open` checks
 * access and starts the sync; `yjs:sync` carries y-protocols sync messages (only editors may change the draft,
 * only while it is a draft); `yjs:awareness` relays cursors and names. Sizes and rates are capped per socket.
 */
@Injectable()
export class StatementsGateway implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatementsGateway.name);
  private readonly sockets = new WeakMap<RoomSocket, SocketDrafts>();
  /** Every draft opened by a socket of this node (for the invalidations). */
  private readonly openedHere = new Set<OpenedStatement>();
  private sweepTimer?: NodeJS.Timeout;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly gateway: RoomsGateway,
    private readonly server: RoomsServer,
    private readonly roomAccess: RoomAccess,
    private readonly access: StatementAccess,
    private readonly docs: StatementDocs,
    private readonly incidentEvents: IncidentEventsPublisher,
    private readonly accessChanges: UserAccessChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.gateway.registerCommand<StatementRef, StatementOpened>({
      name: 'statement:open',
      parse: parseRef,
      check: 'account',
      handler: ({ user }, dto, socket) => this.open(user, dto.statementId, socket),
    });
    this.gateway.registerCommand<StatementRef, { statementId: string }>({
      name: 'statement:close',
      parse: parseRef,
      check: 'socket',
      handler: async (_ctx, dto, socket) => this.close(dto.statementId, socket),
    });
    this.gateway.registerCommand<BinaryCommand, YjsSyncResult>({
      name: 'yjs:sync',
      parse: (p) => parseBinary(p, 'message', MAX_YJS_MESSAGE_BYTES),
      assertSize: () => undefined,
      check: 'socket',
      handler: (ctx, dto, socket) => this.sync(ctx.user, dto, socket),
    });
    this.gateway.registerCommand<BinaryCommand, { statementId: string }>({
      name: 'yjs:awareness',
      parse: (p) => parseBinary(p, 'update', MAX_AWARENESS_BYTES),
      assertSize: () => undefined,
      check: 'socket',
      handler: async (ctx, dto, socket) => {
        this.take(socket);
        this.opened(socket, dto.statementId);
        this.docs.awarenessUpdate(
          dto.statementId,
          socket.id,
          { userId: ctx.user.id, displayName: ctx.user.displayName },
          dto.bytes,
        );
        return { statementId: dto.statementId };
      },
    });
    this.gateway.onDisconnect((socket) => {
      for (const [id, opened] of this.sockets.get(socket)?.opened ?? []) {
        this.openedHere.delete(opened);
        this.docs.close(id, socket.id);
      }
    });
    this.unsubscribe.push(
      this.incidentEvents.subscribe((events) => this.onCommitted(events)),
      this.accessChanges.subscribe((change) => {
        for (const o of this.openedHere) if (o.userId === change.userId) o.stale = true;
      }),
    );
    this.sweepTimer = setInterval(() => {
      this.sweep().catch((e: Error) => this.logger.warn(`draft access sweep failed: ${e.message}`));
    }, ACCESS_SWEEP_MS).unref();
  }

  onModuleDestroy() {
    clearInterval(this.sweepTimer);
    this.unsubscribe.forEach((u) => u());
  }

  /** Committed changes of roles, membership or incident state: the cached rights of that incident go stale. */
  private onCommitted(events: CommittedIncidentEvent[]) {
    for (const e of events) {
      const finished =
        e.type === 'incident.status_changed' && FINISHED_INCIDENT.has(String(e.payload.to ?? ''));
      if (finished) this.docs.incidentReadOnly(e.incidentId);
      if (!finished && !e.type.startsWith('working_group.') && !e.type.startsWith('incident.')) continue;
      for (const o of this.openedHere) {
        if (o.incidentId !== e.incidentId) continue;
        o.stale = true;
        if (finished) o.incidentReadOnly = true;
      }
    }
  }

  private async open(user: AuthUser, statementId: string, socket: RoomSocket): Promise<StatementOpened> {
    const { statement, incident } = await this.access.load(user, statementId);
    const incidentReadOnly = FINISHED_INCIDENT.has(incident.status);
    const rights = await this.access.rights(user, statement.incidentId);
    const state = this.stateOf(socket);
    const { sync, awareness } = await this.docs.open(statementId, socket.id);
    if (!socket.connected) {
      // Gone while we were loading: its disconnect handler has run already.
      this.docs.close(statementId, socket.id);
      throw new AppError(ErrorCode.CONFLICT, 'Kết nối đã đóng');
    }
    socket.join(statementRoom(statementId));
    const canEdit = rights.canEdit && statement.status === StatementStatus.Draft && !incidentReadOnly;
    const previous = state.opened.get(statementId);
    if (previous) this.openedHere.delete(previous);
    const opened: OpenedStatement = {
      userId: user.id,
      incidentId: statement.incidentId,
      canEdit: rights.canEdit,
      stale: false,
      refreshing: null,
      incidentReadOnly,
      checkedAt: Date.now(),
    };
    state.opened.set(statementId, opened);
    this.openedHere.add(opened);
    return {
      statementId,
      incidentId: statement.incidentId,
      type: statement.type,
      status: statement.status,
      currentVersion: statement.currentVersion || null,
      canEdit,
      incidentReadOnly,
      sync,
      awareness,
    };
  }

  private close(statementId: string, socket: RoomSocket) {
    const opened = this.stateOf(socket).opened.get(statementId);
    if (opened) this.openedHere.delete(opened);
    this.stateOf(socket).opened.delete(statementId);
    socket.leave(statementRoom(statementId));
    this.docs.close(statementId, socket.id);
    return { statementId };
  }

  /** Relayed as soon as it is checked and applied; the sender's answer waits until it is stored. */
  private async sync(
    user: AuthUser,
    dto: BinaryCommand,
    socket: RoomSocket,
  ): Promise<YjsSyncResult | AnswerLater<YjsSyncResult>> {
    this.take(socket);
    const opened = this.opened(socket, dto.statementId);
    const { reply, stored } = await this.docs.sync(
      dto.statementId,
      socket.id,
      { userId: user.id, displayName: user.displayName },
      dto.bytes,
      () => this.mayEdit(user, opened),
    );
    if (!stored) return { reply, persisted: reply === null };
    return new AnswerLater(stored.then(() => ({ reply: null, persisted: true })));
  }

  /** The cached right (no lookup on the way of an update unless it is stale or old). */
  private mayEdit(user: AuthUser, opened: OpenedStatement): Promise<void> | void {
    const age = Date.now() - opened.checkedAt;
    if (opened.stale || age > RIGHTS_TTL_MS * 3)
      return this.recheck(user, opened).then(() => assertEditor(opened));
    if (age > RIGHTS_TTL_MS) {
      // After this turn's relays: the queries are not built on the way of the update.
      setImmediate(() =>
        this.recheck(user, opened).catch((e: Error) =>
          this.logger.warn(`re-checking the right of ${user.id} failed: ${e.message}`),
        ),
      );
    }
    assertEditor(opened);
  }

  /** Re-reads the account and the group roles: a removed member or a locked account stops editing. */
  private recheck(user: AuthUser, opened: OpenedStatement): Promise<void> {
    // One re-check at a time, unless a change was committed after the one in flight began.
    if (opened.refreshing && !opened.stale) return opened.refreshing;
    opened.stale = false;
    const started = Date.now();
    let run: Promise<void> | null = null;
    run = (async () => {
      try {
        const current = await this.roomAccess.currentUser(user.id);
        opened.canEdit = (await this.access.rights(current, opened.incidentId)).canEdit;
        opened.checkedAt = started;
      } catch (e) {
        opened.canEdit = false;
        throw e;
      } finally {
        if (opened.refreshing === run) opened.refreshing = null;
      }
    })();
    opened.refreshing = run;
    return run;
  }

  private opened(socket: RoomSocket, statementId: string): OpenedStatement {
    const opened = this.sockets.get(socket)?.opened.get(statementId);
    if (!opened || !this.docs.isOpenBy(statementId, socket.id)) {
      throw new AppError(ErrorCode.ROOM_NOT_JOINED, 'Chưa mở văn bản này; hãy gửi statement:open trước');
    }
    return opened;
  }

  /** One Yjs message from the socket's bucket (refilled at the configured rate, bursts up to twice that). */
  private take(socket: RoomSocket) {
    const state = this.stateOf(socket);
    const rate = this.config.codraft.maxMessagesPerSecond;
    const now = Date.now();
    state.tokens = Math.min(rate * 2, state.tokens + ((now - state.refilledAt) / 1000) * rate);
    state.refilledAt = now;
    if (state.tokens < 1) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Gửi quá nhanh (tối đa ${rate} thông điệp mỗi giây); hãy gộp các thay đổi rồi gửi lại`,
      );
    }
    state.tokens -= 1;
  }

  private stateOf(socket: RoomSocket): SocketDrafts {
    let state = this.sockets.get(socket);
    if (!state) {
      state = {
        opened: new Map(),
        tokens: this.config.codraft.maxMessagesPerSecond * 2,
        refilledAt: Date.now(),
      };
      this.sockets.set(socket, state);
    }
    return state;
  }

  /** Sockets whose user may no longer see a draft's incident leave its room. */
  private async sweep() {
    const nsp = this.server.nsp;
    if (!nsp) return;
    for (const socket of await nsp.local.fetchSockets()) {
      const local = nsp.sockets.get(socket.id) as RoomSocket | undefined;
      const state = local && this.sockets.get(local);
      if (!local || !state?.opened.size) continue;
      const user = await this.roomAccess.currentUser(local.data.user.userId).catch(() => null);
      for (const [statementId] of state.opened) {
        const visible = user
          ? await this.access.load(user, statementId).then(
              () => true,
              () => false,
            )
          : false;
        if (!visible) this.close(statementId, local);
      }
    }
  }
}

function assertEditor(opened: OpenedStatement): void {
  if (opened.incidentReadOnly) {
    throw new AppError(
      ErrorCode.INCIDENT_READ_ONLY,
      'Sự cố đã đóng hoặc đã lưu trữ nên văn bản chỉ được xem; thay đổi này không được ghi',
    );
  }
  if (!opened.canEdit) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Bạn chỉ được xem văn bản này; thay đổi không được ghi');
  }
}

function parseRef(payload: unknown): StatementRef {
  const p = payload as { statementId?: unknown } | null;
  if (!p || typeof p !== 'object' || Array.isArray(p)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Dữ liệu lệnh phải là một đối tượng JSON');
  }
  const unknown = Object.keys(p).filter((k) => k !== 'statementId');
  assertFields(unknown, typeof p.statementId === 'string' && UUID.test(p.statementId));
  return { statementId: p.statementId as string };
}

function parseBinary(payload: unknown, field: 'message' | 'update', maxBytes: number): BinaryCommand {
  const p = payload as Record<string, unknown> | null;
  if (!p || typeof p !== 'object' || Array.isArray(p)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Dữ liệu lệnh phải là một đối tượng JSON');
  }
  const unknown = Object.keys(p).filter((k) => k !== 'statementId' && k !== field);
  assertFields(unknown, typeof p.statementId === 'string' && UUID.test(p.statementId));
  const bytes = p[field];
  if (!(bytes instanceof Uint8Array)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `${field}: phải là dữ liệu nhị phân (Uint8Array)`, [
      { field, messages: [`${field}: phải là dữ liệu nhị phân`], constraints: ['isBinary'] },
    ]);
  }
  if (bytes.byteLength > maxBytes) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `${field} quá lớn (${bytes.byteLength} byte, tối đa ${maxBytes} byte)`,
      { bytes: bytes.byteLength, limit: maxBytes },
    );
  }
  return { statementId: p.statementId as string, bytes: new Uint8Array(bytes) };
}

function assertFields(unknown: string[], idOk: boolean) {
  const details = [
    ...unknown.map((f) => ({
      field: f,
      messages: [`${f}: trường không được phép`],
      constraints: ['whitelistValidation'],
    })),
    ...(idOk
      ? []
      : [{ field: 'statementId', messages: ['statementId: phải là UUID'], constraints: ['isUuid'] }]),
  ];
  if (details.length) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Dữ liệu lệnh không hợp lệ', details);
  }
}
