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
import {
  addsToDoc,
  assertGateOpen,
  assertNoGap,
  clientIdsOf,
  gateError,
  isNoOp,
} from './statement-doc-checks.js';
import { docFromParts } from './statement-text.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** Log rows after which a draft is folded into its snapshot. */
const COMPACT_AFTER_ROWS = 200;
/** A draft nobody on this node has open is dropped from memory after this long. */
const IDLE_EVICT_MS = 60_000;

/** Server-side events between nodes (through the adapter): keep each node's copy of open drafts current. */
const NODE_UPDATE = 'statement:node-update';
const NODE_AWARENESS = 'statement:node-awareness';
/** A submission on another node: close the gate, store what was relayed here, then answer. */
const NODE_FREEZE = 'statement:node-freeze';
const NODE_GATE = 'statement:node-gate';
/** How long a submission waits for the other nodes to store what they relayed. */
const FREEZE_WAIT_MS = 5_000;
/** Attempts at storing a batch the database failed to take (it was relayed already: it must be stored). */
const STORE_ATTEMPTS = 5;

/** Origins of changes applied to the server's copies. */
const PERSISTED = 'persisted';
const FROM_NODE = 'node';
const RELAYED = 'relayed';

interface PendingUpdate {
  update: Uint8Array;
  userId: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Whether this node takes edits of a draft: `open`; `freezing` while a submission stores what was relayed and
 * renders the version; `not_draft` once submitted (until it returns to draft); `incident_read_only` once the
 * incident is closed, archived or dismissed. Checked before an update is relayed; the append re-checks it in
 * the database (a node that missed a notice still cannot store into a frozen draft).
 */
export type DraftGate = 'open' | 'freezing' | 'not_draft' | 'incident_read_only';

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
  incidentId: string | null;
  gate: DraftGate;
  /** Updates accepted since the last relay (relayed together at the end of this turn of the event loop). */
  outbox: Uint8Array[];
  outboxSenders: Set<string>;
  rowsSinceCompaction: number;
  compacting: boolean;
  /** Local sockets that opened it, and the awareness client ids each one speaks for. */
  sockets: Map<string, Set<number>>;
  /** The local socket that speaks for each awareness client id (the reverse of `sockets`). */
  owners: Map<number, string>;
  /** Awareness client ids a socket on another node speaks for (learnt from the other nodes' relays). */
  remoteClientIds: Set<number>;
  idleSince: number | null;
}

interface NodeMessage {
  statementId: string;
  update: Uint8Array;
}

interface GateMessage {
  statementId?: string;
  incidentId?: string;
  gate: DraftGate;
  /** Only a draft in this state changes (a failed submission reopens only what it froze). */
  onlyFrom?: DraftGate;
}

export interface AuthorIdentity {
  userId: string;
  displayName: string;
}

/**
 * The live drafts (Yjs): one server copy per open statement and node, loaded from snapshot + log, kept current
 * with every update accepted here or on another node. An editor's update, once checked (rights, gate, no gap),
 * is applied to the copy and relayed to the statement's room on every node at once; it is written by group
 * commit (those that arrive while a write is in flight are merged into the next row) and acknowledged to its
 * sender only once stored. A relayed update not yet stored when a node dies is re-sent by its author (its
 * replica still holds it; Yjs makes the repeat harmless). A submission closes the gate on every node and waits
 * until everything relayed is stored before it freezes the draft: nothing relayed is ever refused.
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
      const withAck = nsp as unknown as {
        on(event: string, listener: (msg: GateMessage, ack?: (r: boolean) => void) => void): void;
      };
      withAck.on(NODE_GATE, (msg) => this.setGate(msg, false));
      withAck.on(NODE_FREEZE, (msg, ack) => {
        this.freezeHere(msg.statementId!).then(
          () => ack?.(true),
          () => ack?.(false),
        );
      });
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
        incidentId: null,
        gate: 'open',
        outbox: [],
        outboxSenders: new Set(),
        rowsSinceCompaction: 0,
        compacting: false,
        sockets: new Map(),
        owners: new Map(),
        remoteClientIds: new Set(),
        idleSince: Date.now(),
        ready: Promise.resolve(),
      };
      created.ready = Promise.all([
        this.repository.load(statementId),
        this.repository.gate(statementId),
      ]).then(
        ([{ parts, tailRows }, gate]) => {
          created.incidentId = gate.incidentId;
          // A notice that came while loading (freezing) wins over what was read.
          if (created.gate === 'open') created.gate = gate.gate;
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
    for (const id of clients) if (live.owners.get(id) === socketId) live.owners.delete(id);
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
   * is accepted only when it carries nothing the server lacks. An accepted change is relayed before this
   * returns; `stored` settles once it is written (the sender's acknowledgement waits for it).
   */
  async sync(
    statementId: string,
    socketId: string,
    author: AuthorIdentity,
    message: Uint8Array,
    mayEdit: () => Promise<void> | void,
  ): Promise<{ reply: Uint8Array | null; stored: Promise<void> | null }> {
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
        return { reply: encoding.toUint8Array(encoder), stored: null };
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
      if (isNoOp(live.doc, payload)) return { reply: null, stored: null };
      throw e;
    }
    if (!addsToDoc(live.doc, payload)) return { reply: null, stored: null };
    assertGateOpen(live.gate);
    assertNoGap(live.doc, payload);
    Y.applyUpdate(live.doc, payload, RELAYED);
    this.relay(live, payload, socketId);
    return { reply: null, stored: this.persist(live, { update: payload, userId: author.userId }) };
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
      const claimed = clientIdsOf(update);
      for (const id of claimed) {
        const owner = live.owners.get(id);
        // Owned on another node while its state lives there (it times out 30 s after that node stops renewing
        // it). Two sockets on two nodes claiming one id in the same instant both pass until the relays cross:
        // Yjs client ids are random 32-bit numbers, so only a forger would, and it learns a victim's id only
        // from that victim's own announcement, after which the id is known here.
        const remote = live.remoteClientIds.has(id) && live.awareness.getStates().has(id);
        if ((owner && owner !== socketId) || (!owner && remote)) {
          throw new AppError(ErrorCode.FORBIDDEN, 'Trạng thái hiện diện này thuộc về một kết nối khác');
        }
      }
      for (const id of claimed) {
        own.add(id);
        live.owners.set(id, socketId);
      }
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
    this.setGate(
      { statementId: push.statementId, gate: push.status === 'draft' ? 'open' : 'not_draft' },
      true,
    );
    this.server.nsp?.to(statementRoom(push.statementId)).emit('statement:status', push);
  }

  /**
   * Before a submission renders the draft: no node relays another change of it, and every change relayed so
   * far is stored (here and, through the adapter, on the other nodes; a node that does not answer in time is
   * left to the append's own check). `reopen` undoes it when the submission fails.
   */
  async freeze(statementId: string): Promise<void> {
    await this.freezeHere(statementId);
    if (!this.server.clustered) return;
    try {
      const nsp = this.server.nsp as unknown as {
        timeout(ms: number): { serverSideEmitWithAck(e: string, d: GateMessage): Promise<boolean[]> };
      };
      await nsp.timeout(FREEZE_WAIT_MS).serverSideEmitWithAck(NODE_FREEZE, { statementId, gate: 'freezing' });
    } catch (e) {
      this.logger.warn(`freezing ${statementId} on the other nodes: ${(e as Error).message}`);
    }
  }

  /** A submission that failed: the draft takes edits again (unless its state says otherwise). */
  reopen(statementId: string): void {
    this.setGate({ statementId, gate: 'open', onlyFrom: 'freezing' }, true);
  }

  /** The incident was closed, archived or dismissed: its drafts take no more edits, on every node. */
  incidentReadOnly(incidentId: string): void {
    this.setGate({ incidentId, gate: 'incident_read_only' }, true);
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

  /** Whether this node takes edits of the draft now (null: not in memory here). */
  gateOf(statementId: string): DraftGate | null {
    return this.live.get(statementId)?.gate ?? null;
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
        const batch = live.queue.splice(0);
        const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update));
        const userIds = [...new Set(batch.map((b) => b.userId))];
        let appended: Awaited<ReturnType<StatementDocsRepository['append']>> | null = null;
        let failure: unknown = null;
        // Relayed already: a failing database is tried again before the authors are told (they re-send).
        for (let attempt = 1; attempt <= STORE_ATTEMPTS && !appended; attempt++) {
          try {
            appended = await this.repository.append(live.statementId, merged, batch.length, userIds);
          } catch (e) {
            failure = e;
            if (attempt < STORE_ATTEMPTS) await new Promise((r) => setTimeout(r, 50 * 4 ** (attempt - 1)));
          }
        }
        if (!appended) {
          batch.forEach((b) => b.reject(failure));
          continue;
        }
        if ('refused' in appended) {
          // Only when a gate notice did not reach this node in time (the database check is the last word).
          this.logger.warn(
            `${batch.length} relayed update(s) of ${live.statementId} refused: ${appended.refused}`,
          );
          live.gate = appended.refused;
          batch.forEach((b) => b.reject(gateError(appended.refused)));
          continue;
        }
        batch.forEach((b) => b.resolve());
        // A node that began loading while these were in flight may have missed the relay: stored, they go again.
        if (this.server.clustered)
          this.serverSideEmit(NODE_UPDATE, { statementId: live.statementId, update: merged });
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

  /**
   * Relays an accepted update to the statement's room (and the other nodes' copies). Updates accepted in the
   * same turn of the event loop leave merged, in one message: when idle that is at once, under load it
   * coalesces (fewer, larger messages to every client).
   */
  private relay(live: LiveDoc, update: Uint8Array, sender: string) {
    live.outbox.push(update);
    live.outboxSenders.add(sender);
    if (live.outbox.length === 1) setImmediate(() => this.flushRelay(live));
  }

  private flushRelay(live: LiveDoc) {
    const updates = live.outbox.splice(0);
    if (!updates.length) return;
    const senders = [...live.outboxSenders];
    live.outboxSenders.clear();
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    const room = this.server.nsp?.to(statementRoom(live.statementId));
    // A single sender does not need its own change back; merged changes of several go to all (idempotent).
    (senders.length === 1 ? room?.except(senders[0]) : room)?.emit('yjs:sync', {
      statementId: live.statementId,
      message,
    });
    this.serverSideEmit(NODE_UPDATE, { statementId: live.statementId, update });
  }

  private async freezeHere(statementId: string): Promise<void> {
    const live = this.live.get(statementId);
    if (!live) return;
    if (live.gate === 'open') live.gate = 'freezing';
    await live.ready.catch(() => undefined);
    await this.drain(live);
  }

  /** Applies a gate notice to the matching drafts here; `broadcast`: and on the other nodes. */
  private setGate(msg: GateMessage, broadcast: boolean) {
    const targets = msg.statementId
      ? [this.live.get(msg.statementId)].filter((l): l is LiveDoc => Boolean(l))
      : [...this.live.values()].filter((l) => l.incidentId === msg.incidentId);
    for (const live of targets) {
      if (live.gate === 'incident_read_only') continue;
      if (msg.onlyFrom && live.gate !== msg.onlyFrom) continue;
      live.gate = msg.gate;
    }
    if (broadcast) this.serverSideEmit(NODE_GATE, msg);
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
    for (const id of clientIdsOf(bytes)) {
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
