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
  isNoOp,
  stampAwareness,
} from './statement-doc-checks.js';
import { StatementDocRelay } from './statement-doc-relay.js';
import { StatementDocWriter } from './statement-doc-writer.js';
import {
  FROM_NODE,
  NODE_AWARENESS,
  NODE_FREEZE,
  NODE_GATE,
  NODE_UPDATE,
  PERSISTED,
  RELAYED,
} from './statement-live-doc.js';
import type { AuthorIdentity, DraftGate, GateMessage, LiveDoc, NodeMessage } from './statement-live-doc.js';
import { fieldError, validationFailed } from '../common/validation.js';

export type { AuthorIdentity, DraftGate, LiveDoc } from './statement-live-doc.js';

/** A draft nobody on this node has open is dropped from memory after this long. */
const IDLE_EVICT_MS = 60_000;
/** How long a submission waits for the other nodes to store what they relayed. */
const FREEZE_WAIT_MS = 5_000;

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
  private readonly relay: StatementDocRelay;
  private readonly writer: StatementDocWriter;

  constructor(
    private readonly server: RoomsServer,
    private readonly repository: StatementDocsRepository,
  ) {
    this.relay = new StatementDocRelay(server);
    this.writer = new StatementDocWriter(repository, this.relay);
  }

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
    await Promise.all([...this.live.values()].map((d) => this.writer.drain(d)));
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
        relayBusy: false,
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
    this.relay.awareness(statementId, awarenessProtocol.encodeAwarenessUpdate(live.awareness, ids));
  }

  isOpenBy(statementId: string, socketId: string): boolean {
    return Boolean(this.live.get(statementId)?.sockets.has(socketId));
  }

  /**
   * Handles a sync message of a socket that opened the draft. Step 1 is answered with step 2 (anyone who may
   * read); step 2 and updates change the draft: `mayEdit` says whether this socket may, and a reader's step 2
   * is accepted only when it carries nothing the server lacks. An accepted change is relayed before this
   * returns (as the bytes it came in, when it is a plain update and nothing else is being relayed in this turn
   * of the event loop); `stored` settles once it is written (the sender's acknowledgement waits for it).
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
    let asSent: Uint8Array | null;
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
      // The message as it came can go on to the others when it is one update and nothing more.
      asSent = type === syncProtocol.messageYjsUpdate && !decoding.hasContent(decoder) ? message : null;
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
    this.relay.update(live, payload, asSent, socketId);
    return { reply: null, stored: this.writer.persist(live, { update: payload, userId: author.userId }) };
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
      rewritten = stampAwareness(update, author);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw validationFailed(
        [fieldError('update', 'invalid', `update: ${(e as Error).message}`)],
        'Cập nhật hiện diện (awareness) không hợp lệ',
      );
    }
    awarenessProtocol.applyAwarenessUpdate(live.awareness, rewritten, socketId);
    this.relay.awareness(statementId, rewritten, socketId);
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
    if (live) await this.writer.drain(live);
  }

  /** Folds the draft's log into its snapshot (also called when a draft leaves memory). */
  compact(statementId: string): Promise<number> {
    return this.writer.compact(statementId);
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

  private async freezeHere(statementId: string): Promise<void> {
    const live = this.live.get(statementId);
    if (!live) return;
    if (live.gate === 'open') live.gate = 'freezing';
    await live.ready.catch(() => undefined);
    await this.writer.drain(live);
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
    if (broadcast) this.relay.serverSideEmit(NODE_GATE, msg);
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
