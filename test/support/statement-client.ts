import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { StatementOpened, YjsSyncResult } from '../../src/rooms/rooms.events.js';
import type { RoomsClientSocket } from './ws-client.js';

/** Origin of changes that came from the server: they are not sent back. */
const REMOTE = Symbol('remote');

export class StatementSyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * A co-drafting client as a front end would write it on yjs + y-protocols: opens a statement over the `/rooms`
 * socket, syncs (step 1 / step 2 both ways), sends every local change as an update and waits for its ack,
 * applies the others' updates, and relays awareness.
 */
export class StatementClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  opened?: StatementOpened;
  /** Local updates sent and acknowledged as persisted by the server. */
  acked = 0;
  /** Local updates the server refused, with the error. */
  readonly refused: StatementSyncError[] = [];
  /** Acks still awaited. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private resyncing?: Promise<void>;
  /** Remote sync messages received (each may carry several merged updates). */
  received = 0;
  /** Called with each remote update applied (for latency measurements). */
  onRemoteUpdate?: (update: Uint8Array) => void;
  readonly statusPushes: { status: string; currentVersion: number | null }[] = [];

  constructor(
    readonly socket: RoomsClientSocket,
    readonly statementId: string,
    private readonly timeoutMs = 15_000,
  ) {
    this.socket.on('yjs:sync', (push) => {
      if (push.statementId !== this.statementId) return;
      this.received++;
      const decoder = decoding.createDecoder(new Uint8Array(push.message));
      const encoder = encoding.createEncoder();
      const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE);
      if (type === syncProtocol.messageYjsUpdate && this.onRemoteUpdate) {
        const d = decoding.createDecoder(new Uint8Array(push.message));
        decoding.readVarUint(d);
        this.onRemoteUpdate(decoding.readVarUint8Array(d));
      }
    });
    this.socket.on('yjs:awareness', (push) => {
      if (push.statementId !== this.statementId) return;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(push.update), REMOTE);
    });
    this.socket.on('statement:status', (push) => {
      if (push.statementId === this.statementId) this.statusPushes.push(push);
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Before open, local changes wait: the sync step 2 of open() carries them.
      if (origin === REMOTE || !this.opened) return;
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      this.track(this.send(encoding.toUint8Array(encoder)));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      if (origin === REMOTE) return;
      const changed = [...added, ...updated, ...removed];
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.socket.emit('yjs:awareness', { statementId: this.statementId, update });
    });
  }

  get title(): Y.Text {
    return this.doc.getText('title');
  }

  get body(): Y.Text {
    return this.doc.getText('body');
  }

  text(): { title: string; body: string } {
    return { title: this.title.toString(), body: this.body.toString() };
  }

  /** Opens the statement and syncs both ways; resolves when the local doc has the server's state. */
  async open(): Promise<StatementOpened> {
    const opened = await this.call<StatementOpened>('statement:open', { statementId: this.statementId });
    this.opened = opened;
    // Server's step 1 → our step 2 (what the server lacks: offline edits).
    const decoder = decoding.createDecoder(new Uint8Array(opened.sync));
    const encoder = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE);
    if (opened.canEdit && encoding.length(encoder) > 0) {
      await this.send(encoding.toUint8Array(encoder));
    }
    // Our step 1 → the server's step 2 (everything we lack).
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, this.doc);
    const result = await this.send(encoding.toUint8Array(step1));
    if (result?.reply) {
      syncProtocol.readSyncMessage(
        decoding.createDecoder(new Uint8Array(result.reply)),
        encoding.createEncoder(),
        this.doc,
        REMOTE,
      );
    }
    if (opened.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(opened.awareness), REMOTE);
    }
    return opened;
  }

  /** Sends a raw sync message (tests: a forged or oversized one); resolves with the ack as is. */
  rawSync(message: Uint8Array): Promise<Ack<YjsSyncResult>> {
    return this.socket
      .timeout(this.timeoutMs)
      .emitWithAck('yjs:sync', { statementId: this.statementId, message }) as Promise<Ack<YjsSyncResult>>;
  }

  /** Waits until every update sent so far is acknowledged (or refused). */
  async flushed(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  close(): Promise<unknown> {
    const closed = this.call('statement:close', { statementId: this.statementId }).catch(() => undefined);
    this.dispose();
    return closed;
  }

  /** Stops the local replica's timers (awareness) without telling the server. */
  dispose(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private track(p: Promise<unknown>) {
    const tracked = p.then(
      () => {
        this.acked++;
      },
      (e: unknown) => {
        if (!(e instanceof StatementSyncError)) return;
        this.refused.push(e);
        // The server lacks an earlier change of ours: open again, our step 2 carries all it lacks.
        if (e.code === 'YJS_RESYNC_REQUIRED' && !this.resyncing) {
          this.resyncing = this.open()
            .then(
              () => undefined,
              () => undefined,
            )
            .finally(() => (this.resyncing = undefined));
          this.track(this.resyncing);
        }
      },
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private async send(message: Uint8Array): Promise<YjsSyncResult> {
    return this.call<YjsSyncResult>('yjs:sync', { statementId: this.statementId, message });
  }

  private async call<T>(name: string, payload: unknown): Promise<T> {
    const emit = this.socket.timeout(this.timeoutMs).emitWithAck as unknown as (
      name: string,
      payload: unknown,
    ) => Promise<Ack<T>>;
    const res = await emit.call(this.socket.timeout(this.timeoutMs), name, payload);
    if (!res.ok) throw new StatementSyncError(res.error.code, res.error.message);
    return res.data;
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
