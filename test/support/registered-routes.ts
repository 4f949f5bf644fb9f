import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Socket as ServerSocket } from 'socket.io';
import { RoomsServer } from '../../src/rooms/rooms.server.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every HTTP route the running app registered, as `METHOD /path` (OpenAPI's /docs pages left out). */
export function registeredRoutes(app: NestExpressApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return (
    express.router.stack
      // Nest mounts a not-found handler for every method on prefix-excluded paths; it is not an endpoint.
      .filter((l) => l.route && Object.keys(l.route.methods).length < 10)
      .flatMap((l) =>
        Object.keys(l.route!.methods)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => ({ method: m.toUpperCase(), path: l.route!.path })),
      )
      .filter((r) => !r.path.startsWith('/docs'))
  );
}

/** Socket.io's own events on a server-side socket: not commands. */
const SOCKET_IO_EVENTS = new Set(['disconnect', 'disconnecting', 'error']);

/**
 * Every command a connected `/rooms` socket answers, read from the server side of a live connection (the
 * listeners the gateway and the modules registering commands put on it).
 */
export function registeredSocketCommands(app: NestExpressApplication): string[] {
  const nsp = (app.get(RoomsServer) as unknown as { nsp?: { sockets: Map<string, ServerSocket> } }).nsp;
  const socket = nsp?.sockets.values().next().value;
  if (!socket) throw new Error('connect a socket first: commands are registered per connection');
  return socket
    .eventNames()
    .map(String)
    .filter((e) => !SOCKET_IO_EVENTS.has(e));
}
