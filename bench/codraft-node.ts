/**
 * One server of `npm run bench:codraft`, as a child process so that its CPU and memory are its own:
 *   node dist/bench/codraft-node.js app   — the real service (createApp: auth, access, Yjs documents, database)
 *   node dist/bench/codraft-node.js bare  — a bare socket.io relay of the co-drafting protocol: `yjs:sync` updates
 *                                           are rebroadcast to the others of the statement's room and acked at
 *                                           once; no auth, no document, no persistence, no framework
 * Listens on 127.0.0.1:PORT; answers `{ type: 'memory' }` over IPC with its memory after a forced GC (run with
 * --expose-gc) and its CPU time so far, `{ type: 'cpu' }` with its CPU time only (no GC: asked while measuring).
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createApp } from '../src/app.setup.js';
import { createRootLogger } from '../src/common/logger.js';
import { loadConfig } from '../src/config/app-config.js';
import { ROOMS_NAMESPACE, statementRoom } from '../src/rooms/rooms.events.js';
import type { StatementOpenRequest, YjsAwarenessRequest, YjsSyncRequest } from '../src/rooms/rooms.events.js';

const mode = process.argv[2];
const port = Number(process.env.PORT);

function answerMemoryRequests() {
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type === 'cpu') {
      process.send?.({ type: 'cpu', cpu: process.cpuUsage() });
      return;
    }
    if (msg?.type !== 'memory') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    process.send?.({ type: 'memory', ...process.memoryUsage(), cpu: process.cpuUsage() });
  });
}

async function startApp() {
  const config = loadConfig();
  const app = await createApp(
    { ...config, databaseUrl: config.databaseUrl!, jwt: { ...config.jwt, secret: config.jwt.secret! } },
    createRootLogger(config.logLevel),
  );
  await app.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

async function startBare() {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1_000_000 });
  const nsp = io.of(ROOMS_NAMESPACE);
  // Step 1 of an empty document: the relay holds none, every client starts empty and gets the rest as updates.
  const step1 = (() => {
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    return encoding.toUint8Array(encoder);
  })();
  nsp.on('connection', (socket) => {
    socket.on('statement:open', (req: StatementOpenRequest, ack: (r: unknown) => void) => {
      void socket.join(statementRoom(req.statementId));
      ack({
        ok: true,
        data: {
          statementId: req.statementId,
          incidentId: '',
          type: 'press_release',
          status: 'draft',
          currentVersion: null,
          // No auth: the bench says in the handshake whether this client is an editor.
          canEdit: (socket.handshake.auth as { editor?: boolean }).editor === true,
          sync: step1,
          awareness: null,
        },
      });
    });
    socket.on('statement:close', (req: StatementOpenRequest, ack?: (r: unknown) => void) => {
      void socket.leave(statementRoom(req.statementId));
      ack?.({ ok: true, data: { statementId: req.statementId } });
    });
    socket.on('yjs:sync', (req: YjsSyncRequest, ack?: (r: unknown) => void) => {
      // Step 1 (type 0) asks for what the relay has: nothing. Step 2 and updates go to the others as they are.
      const message = req.message as Uint8Array;
      if (message[0] !== syncProtocol.messageYjsSyncStep1) {
        socket.to(statementRoom(req.statementId)).emit('yjs:sync', { statementId: req.statementId, message });
      }
      ack?.({ ok: true, data: { reply: null, persisted: false } });
    });
    socket.on('yjs:awareness', (req: YjsAwarenessRequest, ack?: (r: unknown) => void) => {
      socket
        .to(statementRoom(req.statementId))
        .emit('yjs:awareness', { statementId: req.statementId, update: req.update });
      ack?.({ ok: true, data: { statementId: req.statementId } });
    });
  });
  await new Promise<void>((r) => http.listen(port, '127.0.0.1', () => r()));
  process.on('SIGTERM', () => {
    void io.close();
    process.exit(0);
  });
}

answerMemoryRequests();
(mode === 'bare' ? startBare() : startApp())
  .then(() => process.send?.({ type: 'ready' }))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
