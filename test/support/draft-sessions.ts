import { StatementClient } from './statement-client.js';
import type { TestUser } from './test-app.js';
import { RoomClient } from './ws-client.js';

/**
 * The sockets and co-drafting clients a statement test opens, kept so that they can all be closed at the end.
 * Tests may push sockets or clients they open themselves into `sockets` and `drafts`.
 */
export class DraftSessions {
  readonly sockets: RoomClient[] = [];
  readonly drafts: StatementClient[] = [];

  /** Connects `user` to the `/rooms` socket of the app at `url` and opens the statement's draft (synced). */
  async open(url: string, user: TestUser, statementId: string): Promise<StatementClient> {
    const room = await RoomClient.connect(url, user.accessToken);
    this.sockets.push(room);
    const client = new StatementClient(room.socket, statementId);
    this.drafts.push(client);
    await client.open();
    return client;
  }

  /** Disposes every client, then closes every socket; the lists are empty afterwards. */
  closeAll(): void {
    for (const d of this.drafts.splice(0)) d.dispose();
    for (const s of this.sockets.splice(0)) s.close();
  }
}
