import { Logger } from '@nestjs/common';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { RoomsServer } from '../rooms/rooms.server.js';
import { statementRoom } from '../rooms/rooms.events.js';
import { NODE_AWARENESS, NODE_UPDATE } from './statement-live-doc.js';
import type { LiveDoc } from './statement-live-doc.js';

/** The sync message (y-protocols `update`) that carries an update to the clients. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Sends accepted changes of a draft to its room (every node's clients) and to the other nodes' copies.
 *
 * One relay per turn of the event loop and draft: the first update accepted in a turn leaves at once, as the
 * bytes its author sent (no merge, no re-encoding); those accepted after it in the same turn leave merged at the
 * end of the turn, and as long as every turn brings more, they keep leaving once per turn. Idle (the typical
 * case: a few editors) nothing waits; under load every client gets fewer, larger messages.
 */
export class StatementDocRelay {
  private readonly logger = new Logger('StatementDocs');

  constructor(private readonly server: RoomsServer) {}

  /**
   * Relays `update`, accepted now from socket `sender`. `message`: the author's own sync message when it is
   * exactly that update (sent on as it is), else null.
   */
  update(live: LiveDoc, update: Uint8Array, message: Uint8Array | null, sender: string): void {
    if (live.relayBusy) {
      live.outbox.push(update);
      live.outboxSenders.add(sender);
      return;
    }
    live.relayBusy = true;
    setImmediate(() => this.endTurn(live));
    this.emit(live, update, message ?? updateMessage(update), [sender]);
  }

  /** Cursors and selections to the room (but `except`) and the other nodes' copies. */
  awareness(statementId: string, update: Uint8Array, except?: string): void {
    const room = this.server.nsp?.to(statementRoom(statementId));
    (except ? room?.except(except) : room)?.emit('yjs:awareness', { statementId, update });
    this.serverSideEmit(NODE_AWARENESS, { statementId, update });
  }

  /** A server-side event to the other nodes (nothing when this node is alone). */
  serverSideEmit(event: string, data: unknown): void {
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

  /** The end of a turn: what came after the first relay leaves merged; a turn that brought some keeps the pace. */
  private endTurn(live: LiveDoc) {
    const updates = live.outbox.splice(0);
    if (!updates.length) {
      live.relayBusy = false;
      return;
    }
    const senders = [...live.outboxSenders];
    live.outboxSenders.clear();
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    this.emit(live, update, updateMessage(update), senders);
    setImmediate(() => this.endTurn(live));
  }

  private emit(live: LiveDoc, update: Uint8Array, message: Uint8Array, senders: string[]) {
    const room = this.server.nsp?.to(statementRoom(live.statementId));
    // A single sender does not need its own change back; merged changes of several go to all (idempotent).
    (senders.length === 1 ? room?.except(senders[0]) : room)?.emit('yjs:sync', {
      statementId: live.statementId,
      message,
    });
    this.serverSideEmit(NODE_UPDATE, { statementId: live.statementId, update });
  }
}
