import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { StatementOpened, StatementStatusPush, YjsSyncResult } from '../../../src/rooms/rooms.events.js';
import { RoomCommandError } from './rooms.js';
import type { RoomsConnection } from './rooms.js';

/** Origin of changes that came from the server: never sent back. */
const REMOTE = Symbol('remote');

/** Cursor moves are sent at most this often (they count against the server's per-socket message budget). */
const AWARENESS_THROTTLE_MS = 120;

/** Where the local edits are: stored by the server, on their way, or waiting for the connection. */
export type SaveState = 'saved' | 'saving' | 'unsaved';

export type DraftField = 'title' | 'body';

/**
 * Co-drafting of one statement over the `/rooms` socket (src/statements/README.md): a Yjs document whose
 * `title` and `body` Y.Texts the editor binds to, synced with y-protocols messages (`statement:open`, then
 * `yjs:sync` both ways), awareness relayed for cursors. At most one update is in flight; edits made meanwhile are
 * merged into the next one, so a fast typist stays well under the server's message budget. After a reconnect, or
 * when the server asks for it (YJS_RESYNC_REQUIRED), the statement is opened again and the sync step 2 carries
 * whatever the server lacks: nothing typed offline is lost.
 */
export class StatementSync {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  opened: StatementOpened | null = null;
  canEdit = false;
  /** The incident is closed or archived: nobody may change its drafts. */
  incidentReadOnly = false;
  status: string | null = null;
  currentVersion: number | null = null;
  saveState: SaveState = 'saved';
  /** The server refused an edit for good (no longer a draft, no right to edit): it is not stored. */
  private refused = false;
  /** The last refusal worth showing (not the ones a re-open repairs). */
  error: RoomCommandError | null = null;
  /** True once the local document holds the server's state. */
  synced = false;
  version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly statusListeners = new Set<(push: StatementStatusPush) => void>();
  private queue: Uint8Array[] = [];
  private inFlight = false;
  /** Bumped by every open: answers to an older one are ignored (the new sync covers their content). */
  private generation = 0;
  private opening?: Promise<void>;
  private wanted = false;
  private awarenessTimer?: ReturnType<typeof setTimeout>;
  private reopenTimer?: ReturnType<typeof setTimeout>;
  private readonly offs: (() => void)[] = [];

  constructor(
    readonly connection: RoomsConnection,
    readonly statementId: string,
  ) {
    const socket = connection.socket;
    const onSync = (push: { statementId: string; message: Uint8Array }) => {
      if (push.statementId !== this.statementId || !this.opened) return;
      syncProtocol.readSyncMessage(
        decoding.createDecoder(new Uint8Array(push.message)),
        encoding.createEncoder(),
        this.doc,
        REMOTE,
      );
    };
    const onAwareness = (push: { statementId: string; update: Uint8Array }) => {
      if (push.statementId !== this.statementId) return;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(push.update), REMOTE);
    };
    const onStatus = (push: StatementStatusPush) => {
      if (push.statementId !== this.statementId) return;
      const wasDraft = this.status === 'draft';
      this.status = push.status;
      this.currentVersion = push.currentVersion;
      if (push.status !== 'draft') this.canEdit = false;
      // Back to draft (changes requested): open again to learn whether this user may edit.
      else if (!wasDraft) void this.open();
      for (const l of [...this.statusListeners]) l(push);
      this.changed();
    };
    const onConnect = () => {
      if (this.wanted) void this.open();
    };
    const onDisconnect = () => {
      if (this.queue.length || this.inFlight) this.setSave('unsaved');
    };
    socket.on('yjs:sync', onSync);
    socket.on('yjs:awareness', onAwareness);
    socket.on('statement:status', onStatus);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    this.offs.push(
      () => socket.off('yjs:sync', onSync),
      () => socket.off('yjs:awareness', onAwareness),
      () => socket.off('statement:status', onStatus),
      () => socket.off('connect', onConnect),
      () => socket.off('disconnect', onDisconnect),
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.queue.push(update);
      this.setSave(this.connection.online ? 'saving' : 'unsaved');
      this.flush();
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      if (origin === REMOTE) return;
      const mine = this.doc.clientID;
      if ([...added, ...updated, ...removed].includes(mine)) this.scheduleAwareness();
    });
  }

  get title(): Y.Text {
    return this.doc.getText('title');
  }

  get body(): Y.Text {
    return this.doc.getText('body');
  }

  text(field: DraftField): Y.Text {
    return this.doc.getText(field);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (push: StatementStatusPush) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Opens the statement and syncs both ways (again after a reconnect). */
  open(): Promise<void> {
    this.wanted = true;
    this.opening ??= this.doOpen().finally(() => {
      this.opening = undefined;
      this.changed();
      this.flush();
    });
    return this.opening;
  }

  /**
   * Resolves once every local edit made so far is stored by the server; throws when one is not (refused, or not
   * yet stored after `timeoutMs`), so that nothing is submitted without the drafter's last words.
   */
  async flushed(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // A refused update waits for its reopen (whose sync step 2 carries it): that is not "stored" yet either.
    while (
      this.queue.length ||
      this.inFlight ||
      this.opening ||
      this.reopenTimer ||
      this.saveState !== 'saved'
    ) {
      if (this.refused) throw new Error('bản thảo có nội dung chưa được lưu (máy chủ từ chối cập nhật)');
      if (Date.now() > deadline) throw new Error('chưa lưu xong bản thảo');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.wanted = false;
    clearTimeout(this.awarenessTimer);
    clearTimeout(this.reopenTimer);
    if (this.opened && this.connection.online) {
      void this.connection.request('statement:close', { statementId: this.statementId });
    }
    for (const off of this.offs.splice(0)) off();
    this.listeners.clear();
    this.statusListeners.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** A position in a field as a Yjs relative position (base64): it follows the text through others' edits. */
  anchor(field: DraftField, index: number, assoc = 0): string {
    const rel = Y.createRelativePositionFromTypeIndex(this.text(field), index, assoc);
    return toBase64(Y.encodeRelativePosition(rel));
  }

  /** Where an anchor made by `anchor` (or by the server) is now; null once its text is gone. */
  resolve(anchor: string): number | null {
    try {
      const rel = Y.decodeRelativePosition(fromBase64(anchor));
      return Y.createAbsolutePositionFromRelativePosition(rel, this.doc)?.index ?? null;
    } catch {
      return null;
    }
  }

  private async doOpen(): Promise<void> {
    const generation = ++this.generation;
    // Everything queued is in the document: the step 2 below carries what the server lacks of it.
    this.queue = [];
    this.inFlight = false;
    try {
      const opened = await this.connection.call('statement:open', { statementId: this.statementId });
      if (generation !== this.generation || !this.wanted) return;
      this.opened = opened;
      this.canEdit = opened.canEdit;
      this.incidentReadOnly = opened.incidentReadOnly;
      this.status = opened.status;
      this.currentVersion = opened.currentVersion;
      const reply = encoding.createEncoder();
      syncProtocol.readSyncMessage(
        decoding.createDecoder(new Uint8Array(opened.sync)),
        reply,
        this.doc,
        REMOTE,
      );
      if (opened.canEdit && encoding.length(reply) > 0) await this.send(encoding.toUint8Array(reply));
      const step1 = encoding.createEncoder();
      syncProtocol.writeSyncStep1(step1, this.doc);
      const result = await this.send(encoding.toUint8Array(step1));
      if (result.reply) {
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
      this.synced = true;
      this.error = null;
      if (!this.queue.length) this.setSave('saved');
      this.sendAwareness();
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = toCommandError(e);
      this.setSave('unsaved');
      if (['TIMEOUT', 'DATABASE_UNAVAILABLE', 'RATE_LIMITED'].includes(this.error.code))
        this.reopenLater(2000);
    }
  }

  private flush(): void {
    if (this.inFlight || !this.queue.length || !this.opened || this.opening || !this.canEdit) return;
    if (!this.connection.online) return this.setSave('unsaved');
    const update = this.queue.length === 1 ? this.queue[0] : Y.mergeUpdates(this.queue);
    this.queue = [];
    const generation = this.generation;
    this.inFlight = true;
    this.setSave('saving');
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder))
      .then(
        () => undefined,
        (e: unknown) => {
          if (generation !== this.generation) return;
          const error = toCommandError(e);
          if (
            error.code === 'STATEMENT_NOT_DRAFT' ||
            error.code === 'FORBIDDEN' ||
            error.code === 'INCIDENT_READ_ONLY'
          ) {
            this.canEdit = false;
            if (error.code === 'INCIDENT_READ_ONLY') this.incidentReadOnly = true;
            this.error = error;
            this.refused = true;
          } else if (error.code === 'YJS_RESYNC_REQUIRED') {
            this.reopenLater(0);
          } else {
            // Rate-capped, timed out, database away: open again shortly; its step 2 carries this edit.
            this.error = error;
            this.reopenLater(error.code === 'RATE_LIMITED' ? 1000 : 2000);
          }
        },
      )
      .finally(() => {
        if (generation !== this.generation) return;
        this.inFlight = false;
        if (this.refused) this.setSave('unsaved');
        else if (!this.queue.length && !this.reopenTimer) this.setSave('saved');
        this.flush();
      });
  }

  private reopenLater(delay: number): void {
    this.setSave('unsaved');
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      if (this.wanted && this.connection.online) void this.open();
    }, delay);
  }

  private scheduleAwareness(): void {
    if (this.awarenessTimer) return;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = undefined;
      this.sendAwareness();
    }, AWARENESS_THROTTLE_MS);
  }

  private sendAwareness(): void {
    if (!this.opened || !this.connection.online || this.awareness.getLocalState() === null) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.connection.socket.emit('yjs:awareness', { statementId: this.statementId, update });
  }

  private send(message: Uint8Array): Promise<YjsSyncResult> {
    return this.connection.call('yjs:sync', { statementId: this.statementId, message });
  }

  private setSave(state: SaveState): void {
    if (this.saveState === state) return;
    this.saveState = state;
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

function toCommandError(e: unknown): RoomCommandError {
  return e instanceof RoomCommandError
    ? e
    : new RoomCommandError('INTERNAL', (e as Error)?.message ?? String(e));
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
