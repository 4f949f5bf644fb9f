import { Redis } from 'ioredis';
import net from 'node:net';

/** Redis the multi-node tests use: the machine's, unless UNGPHO_TEST_REDIS_URL says otherwise. */
export const TEST_REDIS_URL = process.env.UNGPHO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Null when Redis answers PING, else why not (the tests then report themselves skipped with it). */
export function redisProblem(url = TEST_REDIS_URL): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(1_000, () => done(`${url}: no answer within 1 s`));
    socket.once('error', (e) => done(`${url}: ${e.message}`));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) =>
      done(d.toString().startsWith('+PONG') ? null : `${url}: ${d.toString().trim()}`),
    );
  });
}

/** Removes the keys a test run left under its own prefix. */
export async function dropRedisKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}
