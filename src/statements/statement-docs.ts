import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { AppError, ErrorCode } from '../common/app-error.js';
import { RoomsServer } from '../rooms/rooms.server.js';
import { statementRoom } from '../rooms/rooms.events.js';
import type { StatementStatusPush } from '../rooms/rooms.events.js';
import { StatementDocsRepository } from './statement-docs.repository.js';
import { docFromParts } from './statement-text.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** Log rows after which a draft is folded into its snapshot. */
const COMPACT_AFTER_ROWS = 200;
/** Most deletion ranges a reader's no-op step 2 may carry before it is refused outright. */
const MAX_DELETE_RANGES = 50_000;
/** A draft nobody on this node has open is dropped from memory after this long. */
const IDLE_EVICT_MS = 60_000;

/** Server-side events between nodes (through the adapter): keep each node's copy of open drafts current. */
const NODE_UPDATE = 'statement:node-update';
const NODE_AWARENESS = 'statement:node-awareness';

/** Origins of changes applied to the server's copies. */
const PERSISTED = 'persisted';
const FROM_NODE = 'node';

interface PendingUpdate {
  update: Uint8Array;
  userId: string;
  socketId: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** One draft held in memory on this node while someone here has it open. */
export interface LiveDoc {
  statementId: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  ready: Promise<void>;
  loaded: boolean;
  /** Updates from other nodes that arrived while the stored state was loading. */
  early: Uint8Array[];
  queue: PendingUpdate[];
  writing: boolean;
  rowsSinceCompaction: number;
  compacting: boolean;
  /** Local sockets that opened it, and the awareness client ids each one speaks for. */
  sockets: Map<string, Set<number>>;
  /** Awareness client ids a socket on another node speaks for (learnt from the other nodes' relays). */
  remoteClientIds: Set<number>;
  idleSince: number | null;
}

interface NodeMessage {
  statementId: string;
  update: Uint8Array;
}

export interface AuthorIdentity {
  userId: string;
  displayName: string;
}

/**
 * The live drafts (Yjs): one server copy per open statement and node, loaded from snapshot + log, kept current
 * with every update persisted here or on another node. Editors' updates are written by group commit (those that
 * arrive while a write is in flight are merged into the next row), acknowledged only once stored, then relayed
 * to the statement's room on every node.
 */
@Injectable()
export class StatementDocs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StatementDocs.name);
  private readonly live = new Map<string, LiveDoc>();
  private evictTimer?: NodeJS.Timeout;

  constructor(
    private readonly server: RoomsServer,
    private readonly repository: StatementDocsRepository,
  ) {}

  onApplicationBootstrap() {
    this.server.onStart((namespace) => {
      const nsp = namespace as unknown as { on(event: string, listener: (msg: NodeMessage) => void): void };
      nsp.on(NODE_UPDATE, (msg) => this.onNodeUpdate(msg));
      nsp.on(NODE_AWARENESS, (msg) => this.onNodeAwareness(msg));
    });
    this.evictTimer = setInterval(() => this.evictIdle(), IDLE_EVICT_MS / 4).unref();
  }

  async onModuleDestroy() {
    clearInterval(this.evictTimer);
    // Acknowledged updates are stored already; waiting writes finish before the pool closes.
    await Promise.all([...this.live.values()].map((d) => this.drain(d)));
    for (const d of this.live.values()) this.destroy(d);
    this.live.clear();
  }

  /** The server's copy of a draft, loaded if needed. */
  async get(statementId: string): Promise<LiveDoc> {
    let live = this.live.get(statementId);
    if (!live) {
      const doc = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState(null);
      const created: LiveDoc = {
        statementId,
        doc,
        awareness,
        loaded: false,
        early: [],
        queue: [],
        writing: false,
        rowsSinceCompaction: 0,
        compacting: false,
        sockets: new Map(),
        remoteClientIds: new Set(),
        idleSince: Date.now(),
        ready: Promise.resolve(),
      };
      created.ready = this.repository.load(statementId).then(
        ({ parts, tailRows }) => {
          Y.transact(doc, () => {
            for (const p of [...parts, ...created.early]) Y.applyUpdate(doc, p, PERSISTED);
          });
          created.early = [];
          created.loaded = true;
          created.rowsSinceCompaction = tailRows;
        },
        (e: unknown) => {
          this.live.delete(statementId);
          this.destroy(created);
          throw e;
        },
      );
      this.live.set(statementId, created);
      live = created;
    }
    await live.ready;
    return live;
  }

  /** A socket opened the draft: the sync step 1 and awareness it starts from. */
  async open(statementId: string, socketId: string) {
    const live = await this.get(statementId);
    if (!live.sockets.has(socketId)) live.sockets.set(socketId, new Set());
    live.idleSince = null;
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, live.doc);
    const others = [...live.awareness.getStates().keys()];
    return {
      sync: encoding.toUint8Array(encoder),
      awareness: others.length ? awarenessProtocol.encodeAwarenessUpdate(live.awareness, others) : null,
    };
  }

  /** The socket closed the draft (or disconnected): its awareness states go, for everyone. */
  close(statementId: string, socketId: string): void {
    const live = this.live.get(statementId);
    const clients = live?.sockets.get(socketId);
    if (!live || !clients) return;
    live.sockets.delete(socketId);
    if (!live.sockets.size) live.idleSince = Date.now();
    const ids = [...clients].filter((id) => live.awareness.getStates().has(id));
    if (!ids.length) return;
    awarenessProtocol.removeAwarenessStates(live.awareness, ids, 'close');
    const update = awarenessProtocol.encodeAwarenessUpdate(live.awareness, ids);
    this.server.nsp?.to(statementRoom(statementId)).emit('yjs:awareness', { statementId, update });
    this.serverSideEmit(NODE_AWARENESS, { statementId, update });
  }

  isOpenBy(statementId: string, socketId: string): boolean {
    return Boolean(this.live.get(statementId)?.sockets.has(socketId));
  }

  /**
   * Handles a sync message of a socket that opened the draft. Step 1 is answered with step 2 (anyone who may
   * read); step 2 and updates change the draft: `mayEdit` says whether this socket may, and a reader's step 2
   * is accepted only when it carries nothing the server lacks.
   */
  async sync(
    statementId: string,
    socketId: string,
    author: AuthorIdentity,
    message: Uint8Array,
    mayEdit: () => Promise<void>,
  ): Promise<{ reply: Uint8Array | null; persisted: boolean }> {
    const live = await this.get(statementId);
    const decoder = decoding.createDecoder(message);
    let type: number;
    let payload: Uint8Array;
    try {
      type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) {
        const sv = decoding.readVarUint8Array(decoder);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(live.doc, sv));
        return { reply: encoding.toUint8Array(encoder), persisted: false };
      }
      if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
        throw new Error(`unknown sync message type ${type}`);
      }
      payload = decoding.readVarUint8Array(decoder);
      // Parsing refuses malformed updates before they reach the shared copy.
      Y.parseUpdateMeta(payload);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw validationFailed(
        [fieldError('message', 'invalid', `message: ${(e as Error).message}`)],
        'Thông điệp đồng bộ Yjs không hợp lệ',
      );
    }
    try {
      await mayEdit();
    } catch (e) {
      // A reader's ordinary step 2 carries nothing new: accepted without writing. Anything else is refused.
      if (this.isNoOp(live.doc, payload)) return { reply: null, persisted: true };
      throw e;
    }
    const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(payload, Y.encodeStateVector(live.doc)));
    if (!structs.length && !ds.clients.size) return { reply: null, persisted: true };
    await this.persist(live, { update: payload, userId: author.userId, socketId });
    return { reply: null, persisted: true };
  }

  /**
   * Relays a socket's awareness update to the others. A socket speaks only for the client ids it claimed first,
   * and the `user` field of each state is set to the authenticated account (nobody can appear as someone else).
   */
  awarenessUpdate(statementId: string, socketId: string, author: AuthorIdentity, update: Uint8Array) {
    const live = this.live.get(statementId);
    const own = live?.sockets.get(socketId);
    if (!live || !own) {
      throw new AppError(ErrorCode.ROOM_NOT_JOINED, 'Chưa mở văn bản này; hãy gửi statement:open trước');
    }
    let rewritten: Uint8Array;
    try {
      const claimed = this.clientIdsOf(update);
      for (const id of claimed) {
        const owner = [...live.sockets.entries()].find(([, ids]) => ids.has(id))?.[0];
        // Owned on another node while its state lives there (it times out 30 s after that node stops renewing
        // it). Two sockets on two nodes claiming one id in the same instant both pass until the relays cross:
        // Yjs client ids are random 32-bit numbers, so only a forger would, and it learns a victim's id only
        // from that victim's own announcement, after which the id is known here.
        const remote = live.remoteClientIds.has(id) && live.awareness.getStates().has(id);
        if ((owner && owner !== socketId) || (!owner && remote)) {
          throw new AppError(ErrorCode.FORBIDDEN, 'Trạng thái hiện diện này thuộc về một kết nối khác');
        }
      }
      claimed.forEach((id) => own.add(id));
      rewritten = awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) =>
        state && typeof state === 'object'
          ? {
              ...(state as object),
              user: {
                ...((state as { user?: object }).user ?? {}),
                id: author.userId,
                name: author.displayName,
              },
            }
          : state,
      );
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw validationFailed(
        [fieldError('update', 'invalid', `update: ${(e as Error).message}`)],
        'Cập nhật hiện diện (awareness) không hợp lệ',
      );
    }
    awarenessProtocol.applyAwarenessUpdate(live.awareness, rewritten, socketId);
    this.server.nsp
      ?.to(statementRoom(statementId))
      .except(socketId)
      .emit('yjs:awareness', { statementId, update: rewritten });
    this.serverSideEmit(NODE_AWARENESS, { statementId, update: rewritten });
  }

  /** Tells everyone with the draft open that its state changed (submitted, unfrozen, approved, …). */
  announceStatus(push: StatementStatusPush): void {
    this.server.nsp?.to(statementRoom(push.statementId)).emit('statement:status', push);
  }

  /** Waits for the writes queued for a draft (before a submission renders it). */
  async flush(statementId: string): Promise<void> {
    const live = this.live.get(statementId);
    if (live) await this.drain(live);
  }

  /** Folds the draft's log into its snapshot (also called when a draft leaves memory). */
  async compact(statementId: string): Promise<number> {
    return this.repository.compact(statementId, (parts) => {
      const doc = docFromParts(parts);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    });
  }

  /** Number of drafts held in memory on this node (bench, health). */
  get openCount(): number {
    return this.live.size;
  }

  // ---- internals -------------------------------------------------------------------------------------------

  private persist(live: LiveDoc, p: Omit<PendingUpdate, 'resolve' | 'reject'>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      live.queue.push({ ...p, resolve, reject });
      if (!live.writing) void this.writeLoop(live);
    });
  }

  /** Group commit: one row for everything queued while the previous write was in flight. */
  private async writeLoop(live: LiveDoc): Promise<void> {
    live.writing = true;
    try {
      while (live.queue.length) {
        const batch = this.withoutGaps(live, live.queue.splice(0));
        if (!batch.length) continue;
        const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update));
        let appended: Awaited<ReturnType<StatementDocsRepository['append']>>;
        try {
          appended = await this.repository.append(live.statementId, merged, batch.length, [
            ...new Set(batch.map((b) => b.userId)),
          ]);
        } catch (e) {
          batch.forEach((b) => b.reject(e));
          continue;
        }
        if ('refused' in appended) {
          const frozen =
            appended.refused === 'incident_read_only'
              ? new AppError(
                  ErrorCode.INCIDENT_READ_ONLY,
                  'Sự cố đã đóng hoặc đã lưu trữ nên văn bản chỉ được xem; thay đổi này không được ghi',
                )
              : new AppError(
                  ErrorCode.STATEMENT_NOT_DRAFT,
                  'Văn bản đã được trình duyệt nên bản dự thảo đang khóa; thay đổi này chưa được ghi',
                );
          batch.forEach((b) => b.reject(frozen));
          continue;
        }
        Y.applyUpdate(live.doc, merged, PERSISTED);
        this.relay(live.statementId, merged, [...new Set(batch.map((b) => b.socketId))]);
        batch.forEach((b) => b.resolve());
        live.rowsSinceCompaction++;
        if (live.rowsSinceCompaction >= COMPACT_AFTER_ROWS && !live.compacting) this.compactLater(live);
      }
    } finally {
      live.writing = false;
    }
  }

  private async drain(live: LiveDoc): Promise<void> {
    while (live.writing || live.queue.length) await new Promise((r) => setTimeout(r, 2));
  }

  private relay(statementId: string, update: Uint8Array, senders: string[]) {
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    const room = this.server.nsp?.to(statementRoom(statementId));
    // A single sender does not need its own change back; merged changes of several go to all (idempotent).
    (senders.length === 1 ? room?.except(senders[0]) : room)?.emit('yjs:sync', { statementId, message });
    this.serverSideEmit(NODE_UPDATE, { statementId, update });
  }

  private compactLater(live: LiveDoc) {
    live.compacting = true;
    this.compact(live.statementId)
      .then((folded) => {
        live.rowsSinceCompaction = Math.max(0, live.rowsSinceCompaction - folded);
      })
      .catch((e: Error) => this.logger.warn(`compaction of ${live.statementId} failed: ${e.message}`))
      .finally(() => {
        live.compacting = false;
      });
  }

  /**
   * Keeps the updates whose dependencies the server has (its copy, plus the updates before them in the batch).
   * An update built on one the server refused (a frozen draft, a rate cap, a lost connection) would sit in the
   * copy as pending structs, acknowledged but invisible: it is refused instead, and the client re-syncs
   * (`statement:open` again: its step 2 carries everything the server lacks).
   */
  private withoutGaps(live: LiveDoc, batch: PendingUpdate[]): PendingUpdate[] {
    const known = Y.decodeStateVector(Y.encodeStateVector(live.doc));
    const kept: PendingUpdate[] = [];
    for (const p of batch) {
      const { from, to } = Y.parseUpdateMeta(p.update);
      const { ds } = Y.decodeUpdate(p.update);
      const gap =
        [...from].some(([client, clock]) => clock > (known.get(client) ?? 0)) ||
        [...ds.clients].some(([client, ranges]) =>
          ranges.some((r) => r.clock + r.len > Math.max(known.get(client) ?? 0, to.get(client) ?? 0)),
        );
      if (gap) {
        p.reject(
          new AppError(
            ErrorCode.YJS_RESYNC_REQUIRED,
            'Bản sao của bạn thiếu thay đổi chưa được máy chủ ghi nhận; hãy đồng bộ lại (mở lại văn bản)',
          ),
        );
        continue;
      }
      for (const [client, clock] of to) known.set(client, Math.max(known.get(client) ?? 0, clock));
      kept.push(p);
    }
    return kept;
  }

  /**
   * Whether an update adds nothing to the server's copy: no new structs, and every deletion it carries is
   * already known. Ranges are compared as ranges (a reader must not make the server walk every clock).
   */
  private isNoOp(doc: Y.Doc, update: Uint8Array): boolean {
    const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
    if (structs.length) return false;
    if (!ds.clients.size) return true;
    const known = Y.createDeleteSetFromStructStore(doc.store);
    let ranges = 0;
    for (const [client, deletes] of ds.clients) {
      const have = known.clients.get(client) ?? [];
      for (const d of deletes) {
        if (++ranges > MAX_DELETE_RANGES) return false;
        // `have` is sorted and merged: a known deletion lies inside one of its ranges.
        let lo = 0;
        let hi = have.length - 1;
        let inside = false;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const r = have[mid];
          if (d.clock < r.clock) hi = mid - 1;
          else if (d.clock >= r.clock + r.len) lo = mid + 1;
          else {
            inside = d.clock + d.len <= r.clock + r.len;
            break;
          }
        }
        if (!inside) return false;
      }
    }
    return true;
  }

  private clientIdsOf(update: Uint8Array): number[] {
    const decoder = decoding.createDecoder(update);
    const n = decoding.readVarUint(decoder);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      JSON.parse(decoding.readVarString(decoder));
    }
    return ids;
  }

  private onNodeUpdate({ statementId, update }: NodeMessage) {
    const live = this.live.get(statementId);
    if (!live) return;
    const bytes = new Uint8Array(update);
    if (live.loaded) Y.applyUpdate(live.doc, bytes, FROM_NODE);
    else live.early.push(bytes);
  }

  private onNodeAwareness({ statementId, update }: NodeMessage) {
    const live = this.live.get(statementId);
    if (!live) return;
    const bytes = new Uint8Array(update);
    awarenessProtocol.applyAwarenessUpdate(live.awareness, bytes, FROM_NODE);
    const states = live.awareness.getStates();
    for (const id of this.clientIdsOf(bytes)) {
      if (states.has(id)) live.remoteClientIds.add(id);
      else live.remoteClientIds.delete(id);
    }
  }

  private serverSideEmit(event: string, data: unknown) {
    if (!this.server.clustered) return;
    try {
      (this.server.nsp as unknown as { serverSideEmit(e: string, d: unknown): void })?.serverSideEmit(
        event,
        data,
      );
    } catch (e) {
      this.logger.warn(`${event} to the other nodes failed: ${(e as Error).message}`);
    }
  }

  private evictIdle() {
    const now = Date.now();
    for (const live of this.live.values()) {
      if (live.sockets.size || live.idleSince === null || now - live.idleSince < IDLE_EVICT_MS) continue;
      if (live.writing || live.queue.length || live.compacting) continue;
      this.live.delete(live.statementId);
      this.destroy(live);
      if (live.rowsSinceCompaction > 0) {
        this.compact(live.statementId).catch((e: Error) =>
          this.logger.warn(`compaction of ${live.statementId} failed: ${e.message}`),
        );
      }
    }
  }

  private destroy(live: LiveDoc) {
    live.awareness.destroy();
    live.doc.destroy();
  }
}
