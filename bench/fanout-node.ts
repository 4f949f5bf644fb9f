/**
 * One server of `npm run bench:fanout`, as a child process so that its CPU and memory are its own:
 *   node dist/bench/fanout-node.js app   — the real service (createApp: auth, validation, database, rooms)
 *   node dist/bench/fanout-node.js bare  — a bare socket.io server doing the same fan-out, no framework, no database
 * Listens on PORT; answers `{ type: 'memory' }` over IPC with its memory after a forced GC (run with --expose-gc).
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createApp } from '../src/app.setup.js';
import { createRootLogger } from '../src/common/logger.js';
import { loadConfig } from '../src/config/app-config.js';
import { incidentRoom, ROOMS_NAMESPACE } from '../src/rooms/rooms.events.js';
import type { ChatSendRequest, JoinRequest } from '../src/rooms/rooms.events.js';

const mode = process.argv[2];
const port = Number(process.env.PORT);

function answerMemoryRequests() {
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type !== 'memory') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    process.send?.({ type: 'memory', ...process.memoryUsage() });
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
  let seq = 0;
  nsp.on('connection', (socket) => {
    socket.on('room:join', (req: JoinRequest, ack: (r: unknown) => void) => {
      socket.join(incidentRoom(req.incidentId));
      ack({
        ok: true,
        data: {
          incidentId: req.incidentId,
          events: [],
          lastSeq: seq,
          hasMore: false,
          members: [],
          present: [],
        },
      });
    });
    socket.on('chat:send', (req: ChatSendRequest, ack: (r: unknown) => void) => {
      const event = {
        incidentId: req.incidentId,
        seq: ++seq,
        type: 'chat.posted',
        actor: null,
        payload: { messageId: req.clientId, clientId: req.clientId, text: req.text, mentions: [] },
        occurredAt: new Date().toISOString(),
      };
      nsp.to(incidentRoom(req.incidentId)).emit('room:event', event);
      ack({ ok: true, data: { messageId: req.clientId, seq: event.seq, duplicate: false } });
    });
  });
  await new Promise<void>((r) => http.listen(port, '127.0.0.1', () => r()));
  process.on('SIGTERM', () => {
    io.close();
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
