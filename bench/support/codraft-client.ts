/**
 * The co-drafting client of `npm run bench:codraft`: test/support/statement-client.ts (which `npm run build` does
 * not compile) cut down to what the bench needs, with counters for every outcome of an update (acknowledged as
 * persisted, acknowledged but not persisted, refused with a code, no answer) and hooks for the latency clock.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import type { StatementOpened, YjsSyncPush, YjsSyncResult } from '../../src/rooms/rooms.events.js';

/** Origin of changes that came from the server: they are not sent back. */
const REMOTE = Symbol('remote');

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export class CodraftError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export class CodraftClient {
  readonly doc = new Y.Doc();
  opened?: StatementOpened;
  /** Local updates sent as `yjs:sync` (the open's step 2 not counted). */
  sent = 0;
  /** … acknowledged with `persisted: true`. */
  acked = 0;
  /** … acknowledged `ok` but with `persisted: false`. */
  ackedNotPersisted = 0;
  /** … refused: count per error code, and the first message of each code. */
  readonly refused = new Map<string, { count: number; message: string }>();
  /** … without an answer within the timeout (or the connection went away). */
  failed = 0;
  readonly failures: string[] = [];
  /** Remote sync messages received and applied. */
  received = 0;
  /** Remote sync messages that could not be applied. */
  readonly applyErrors: string[] = [];
  /** Send → ack of each local update while `measureAcks` is on. */
  readonly ackLatencies: number[] = [];
  measureAcks = false;
  /** Called right after a local change, with the update about to be sent. */
  onLocalUpdate?: (update: Uint8Array) => void;
  /** Called after each remote sync message is applied. */
  onRemoteApplied?: () => void;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    readonly socket: Socket,
    readonly statementId: string,
    private readonly timeoutMs = 15_000,
  ) {
    this.socket.on('yjs:sync', (push: YjsSyncPush) => {
      if (push.statementId !== this.statementId) return;
      this.received++;
      try {
        // A Buffer is a Uint8Array: no copy. Pushes carry updates (or a step 2); a step 1 would get no answer.
        const decoder = decoding.createDecoder(push.message);
        const type = decoding.readVarUint(decoder);
        if (type === syncProtocol.messageYjsUpdate || type === syncProtocol.messageYjsSyncStep2) {
          Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE);
        }
      } catch (e) {
        if (this.applyErrors.length < 20) this.applyErrors.push((e as Error).message);
        return;
      }
      this.onRemoteApplied?.();
    });
  }

  get body(): Y.Text {
    return this.doc.getText('body');
  }

  /**
   * A local change, sent as one update. A front end listens to the document's 'update' all the time; here the
   * listener is there only around local changes: with it, Yjs encodes every remote update too, and in hundreds
   * of replicas in one process that alone would make the bench the bottleneck.
   */
  edit(change: () => void) {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) updates.push(update);
    };
    this.doc.on('update', collect);
    try {
      this.doc.transact(change);
    } finally {
      this.doc.off('update', collect);
    }
    for (const update of updates) {
      this.onLocalUpdate?.(update);
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      this.track(encoding.toUint8Array(encoder));
    }
  }

  /** Opens the statement and syncs both ways; resolves when the local doc has the server's state. */
  async open(): Promise<StatementOpened> {
    const opened = await this.call<StatementOpened>('statement:open', { statementId: this.statementId });
    this.opened = opened;
    // Server's step 1 → our step 2 (what the server lacks; nothing here, the replica is new).
    const encoder = encoding.createEncoder();
    syncProtocol.readSyncMessage(
      decoding.createDecoder(new Uint8Array(opened.sync)),
      encoder,
      this.doc,
      REMOTE,
    );
    if (opened.canEdit && encoding.length(encoder) > 0) await this.sync(encoding.toUint8Array(encoder));
    // Our step 1 → the server's step 2 (everything we lack).
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, this.doc);
    const result = await this.sync(encoding.toUint8Array(step1));
    if (result?.reply) {
      syncProtocol.readSyncMessage(
        decoding.createDecoder(new Uint8Array(result.reply)),
        encoding.createEncoder(),
        this.doc,
        REMOTE,
      );
    }
    return opened;
  }

  /** Waits until every update sent so far is answered (or failed), at most `timeoutMs` more. */
  async flushed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now()))),
      ]);
    }
    return this.inFlight.size === 0;
  }

  get pending(): number {
    return this.inFlight.size;
  }

  close(): Promise<unknown> {
    return this.call('statement:close', { statementId: this.statementId }).catch(() => undefined);
  }

  private track(message: Uint8Array) {
    this.sent++;
    const t0 = performance.now();
    const measure = this.measureAcks;
    const p = this.sync(message).then(
      (res) => {
        if (res.persisted) this.acked++;
        else this.ackedNotPersisted++;
        if (measure) this.ackLatencies.push(performance.now() - t0);
      },
      (e: unknown) => {
        if (e instanceof CodraftError) {
          const r = this.refused.get(e.code);
          if (r) r.count++;
          else this.refused.set(e.code, { count: 1, message: e.message });
        } else {
          this.failed++;
          if (this.failures.length < 5) this.failures.push((e as Error).message);
        }
      },
    );
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private sync(message: Uint8Array): Promise<YjsSyncResult> {
    return this.call<YjsSyncResult>('yjs:sync', { statementId: this.statementId, message });
  }

  private async call<T>(name: string, payload: unknown): Promise<T> {
    const res = (await this.socket.timeout(this.timeoutMs).emitWithAck(name, payload)) as Ack<T>;
    if (!res.ok) throw new CodraftError(res.error.code, res.error.message);
    return res.data;
  }
}
