import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import type { CommandName } from '../../src/rooms/rooms.events.js';

/**
 * Property-based fuzzing of the whole API, shared by the suite (test/fuzz.e2e.spec.ts, bounded) and
 * `npm run fuzz` (bench/fuzz.ts, long): HTTP requests generated from the OpenAPI document (every route, its
 * path, query and body schemas) and socket commands generated from the socket event map, mixing plausible values
 * with adversarial ones (wrong types, NUL, lone surrogates, huge strings and numbers, deep nesting, prototype
 * keys). The invariant: the answer is 2xx or 4xx, a 4xx in the documented error shape
 * `{ statusCode, code, message, correlationId }` and with nothing written under its correlation id; never a 5xx,
 * never a dropped connection; a command's ack is `{ ok: true }` or a structured error other than INTERNAL.
 */

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  nullable?: boolean;
}

export interface HttpCase {
  method: string;
  route: string;
  path: string;
  /** A raw JSON text (prototype keys survive only as text), or undefined for no body. */
  body?: string;
}

export interface SocketCase {
  command: CommandName;
  payload: unknown;
}

/** Every command of the socket event map; a command added to the map and not here fails to compile. */
export const SOCKET_COMMANDS: Record<
  CommandName,
  Record<string, 'uuid' | 'seq' | 'text' | 'bytes' | 'bool'>
> = {
  'room:join': { incidentId: 'uuid', afterSeq: 'seq' },
  'room:resync': { incidentId: 'uuid', afterSeq: 'seq' },
  'room:leave': { incidentId: 'uuid' },
  'chat:send': { incidentId: 'uuid', clientId: 'uuid', text: 'text' },
  'typing:update': { incidentId: 'uuid', typing: 'bool' },
  'task:create': { incidentId: 'uuid', title: 'text', description: 'text', assigneeUserId: 'uuid' },
  'task:update': { incidentId: 'uuid', taskId: 'uuid', title: 'text', status: 'text' },
  'fact:create': { incidentId: 'uuid', statement: 'text', source: 'text', status: 'text' },
  'fact:update': { incidentId: 'uuid', factId: 'uuid', statement: 'text', status: 'text' },
  'invitation:accept': { invitationId: 'uuid' },
  'invitation:decline': { invitationId: 'uuid', reason: 'text' },
  'statement:open': { statementId: 'uuid' },
  'statement:close': { statementId: 'uuid' },
  'yjs:sync': { statementId: 'uuid', message: 'bytes' },
  'yjs:awareness': { statementId: 'uuid', update: 'bytes' },
};

const ADVERSARIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'a\ud800',
  '\udc00b',
  '\ud83d\ude00',
  '\u202e\u0301',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  '1e308',
  '-1',
  'NaN',
  'x'.repeat(10_001),
  'ẩ'.repeat(70_000),
];
const ADVERSARIAL_NUMBERS = [
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 31,
  3e9,
  2 ** 53 + 2,
  1e300,
  -1e308,
  Number.MAX_VALUE,
];

const adversarialScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ADVERSARIAL_STRINGS),
  fc.constantFrom(...ADVERSARIAL_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [[[]]], { a: { b: { c: {} } } }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double(),
);

/** Nested arrays deeper than any DTO. */
const deep = (n: number): unknown => (n === 0 ? 'đáy' : [deep(n - 1)]);

export function resolve(doc: OpenApiDoc, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {};
  if (s.allOf?.length) return resolve(doc, s.allOf[0]);
  if (s.oneOf?.length) return resolve(doc, s.oneOf[0]);
  if (s.anyOf?.length) return resolve(doc, s.anyOf[0]);
  return s;
}

/** Values for a schema: plausible most of the time, adversarial the rest. */
export function valueArb(
  doc: OpenApiDoc,
  schema: Schema | undefined,
  ids: string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  let plausible: fc.Arbitrary<unknown>;
  if (s.enum?.length) plausible = fc.constantFrom(...s.enum);
  else if (type === 'string' && s.format === 'uuid') plausible = fc.oneof(fc.constantFrom(...ids), fc.uuid());
  else if (type === 'string' && (s.format === 'date-time' || s.format === 'date'))
    plausible = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => (s.format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()));
  else if (type === 'string') plausible = fc.string({ maxLength: Math.min(s.maxLength ?? 40, 40) });
  else if (type === 'integer' || type === 'number')
    plausible = fc.integer({ min: Math.max(s.minimum ?? 0, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
  else if (type === 'boolean') plausible = fc.boolean();
  else if (type === 'array')
    plausible =
      depth > 3 ? fc.constant([]) : fc.array(valueArb(doc, s.items, ids, depth + 1), { maxLength: 3 });
  else if (type === 'object' || s.properties) {
    if (depth > 3) plausible = fc.constant({});
    else {
      const props = Object.entries(s.properties ?? {});
      plausible = fc.record(
        Object.fromEntries(props.map(([k, v]) => [k, valueArb(doc, v, ids, depth + 1)])),
        {
          requiredKeys: (s.required ?? []).filter((k) => props.some(([p]) => p === k)),
        },
      );
    }
  } else plausible = adversarialScalar;
  return fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: adversarialScalar, weight: 1 });
}

/** A JSON text for a body schema; sometimes a whole-body attack (wrong type, deep nesting, prototype keys). */
function bodyArb(doc: OpenApiDoc, schema: Schema | undefined, ids: string[]): fc.Arbitrary<string> {
  const plausible = valueArb(doc, schema, ids).map((v) => JSON.stringify(v) ?? 'null');
  const withKey = (key: string) =>
    plausible.map((json) =>
      json.startsWith('{') && json.length > 2
        ? `{"${key}":{"isAdmin":true},${json.slice(1)}`
        : `{"${key}":{"prototype":{"x":1}}}`,
    );
  return fc.oneof(
    { arbitrary: plausible, weight: 10 },
    { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype').chain(withKey), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '[]',
        '"chuỗi"',
        '123',
        'null',
        '{"a":',
        JSON.stringify(deep(60)),
        JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => i) }),
      ),
      weight: 1,
    },
  );
}

function pathParamArb(ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 5 },
    { arbitrary: fc.uuid(), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '1',
        '2',
        '1e308',
        '99999999999999999999',
        'abc',
        '%00',
        '%F0%9F',
        '%ED%A0%80',
        'x'.repeat(300),
        'default',
        '00000000-0000-0000-0000-000000000000',
      ),
      weight: 2,
    },
  );
}

/** A query value as a URL component; a lone surrogate (not encodable in UTF-8) is sent as its CESU-8 bytes. */
function encodeQueryValue(value: string): string {
  return value
    .split(/([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/)
    .map((part) => {
      try {
        return encodeURIComponent(part);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

const QUERY_ATTACKS = [
  'offset=1e308',
  'offset=99999999999999999999',
  'limit=-1',
  'after=1e308',
  'after=3000000000',
  'q=%00',
  'q=%ED%A0%80',
  'status=a,b,c',
  '__proto__[x]=1',
  'constructor=1',
];

/** One request for each route of the document (methods other than HEAD/OPTIONS), chosen at random. */
export function httpCaseArb(
  doc: OpenApiDoc,
  ids: string[],
  skip: (method: string, route: string) => boolean,
) {
  const routes: fc.Arbitrary<HttpCase>[] = [];
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || skip(method, route)) continue;
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      routes.push(
        fc
          .record({
            params: fc.tuple(...pathParams.map(() => pathParamArb(ids))),
            query: fc.oneof(
              { arbitrary: fc.constant(''), weight: 3 },
              {
                arbitrary: fc
                  .tuple(
                    ...queryParams.map((p) => fc.option(valueArb(doc, p.schema, ids), { nil: undefined })),
                  )
                  .map((vals) =>
                    queryParams
                      .map((p, i) =>
                        vals[i] === undefined
                          ? ''
                          : `${encodeURIComponent(p.name)}=${encodeQueryValue(String(Array.isArray(vals[i]) ? (vals[i] as unknown[]).join(',') : typeof vals[i] === 'object' ? JSON.stringify(vals[i]) : vals[i]))}`,
                      )
                      .filter(Boolean)
                      .join('&'),
                  ),
                weight: 3,
              },
              { arbitrary: fc.constantFrom(...QUERY_ATTACKS), weight: 1 },
            ),
            body: bodySchema
              ? bodyArb(doc, bodySchema, ids)
              : fc.option(fc.constantFrom('[]', '{"x":1}', '{}'), { nil: undefined, freq: 4 }),
          })
          .map(({ params, query, body }) => {
            let path = route;
            pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, params[i])));
            // fetch sends no body with a GET.
            const sent = method === 'get' ? undefined : body;
            return {
              method: method.toUpperCase(),
              route,
              path: query ? `${path}?${query}` : path,
              body: sent,
            };
          }),
      );
    }
  }
  return { arb: fc.oneof(...routes), routes: routes.length };
}

export function socketCaseArb(ids: string[]): fc.Arbitrary<SocketCase> {
  const field = (kind: string): fc.Arbitrary<unknown> => {
    const plausible =
      kind === 'uuid'
        ? fc.oneof(fc.constantFrom(...ids), fc.uuid())
        : kind === 'seq'
          ? fc.integer({ min: 0, max: 100 })
          : kind === 'bool'
            ? fc.boolean()
            : kind === 'bytes'
              ? fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))
              : fc.string({ maxLength: 60 });
    return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: adversarialScalar, weight: 1 });
  };
  const commands = Object.entries(SOCKET_COMMANDS) as [CommandName, Record<string, string>][];
  return fc.oneof(
    ...commands.map(([command, fields]) =>
      fc
        .record(Object.fromEntries(Object.entries(fields).map(([k, kind]) => [k, field(kind)])), {
          requiredKeys: [],
        })
        .chain((payload) =>
          fc.oneof(
            { arbitrary: fc.constant<unknown>(payload), weight: 8 },
            {
              arbitrary: fc.constantFrom<unknown>(
                null,
                'chuỗi',
                42,
                [],
                deep(60),
                JSON.parse(`{"__proto__":{"x":1},"incidentId":"${ids[0]}"}`),
                { ...payload, extra: 'x' },
              ),
              weight: 2,
            },
          ),
        )
        .map((payload) => ({ command, payload })),
    ),
  );
}

export interface Tally {
  requests: number;
  byStatus: Record<string, number>;
  failures: string[];
  socketMessages: number;
  socketByOutcome: Record<string, number>;
  reconnects: number;
}

export const newTally = (): Tally => ({
  requests: 0,
  byStatus: {},
  failures: [],
  socketMessages: 0,
  socketByOutcome: {},
  reconnects: 0,
});

export interface FuzzTarget {
  base: string;
  token: string;
  /** Audit rows written under a request id (nothing may be written by a refused request). */
  writesUnder(requestId: string): Promise<number>;
}

/** Sends one case and checks the invariant; returns the failure, or null. */
export async function runHttpCase(target: FuzzTarget, c: HttpCase, tally: Tally): Promise<string | null> {
  const requestId = `fuzz-${randomUUID()}`;
  let res: Response;
  try {
    res = await fetch(`${target.base}${c.path}`, {
      method: c.method,
      headers: {
        authorization: `Bearer ${target.token}`,
        'x-request-id': requestId,
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: c.body,
    });
  } catch (e) {
    return record(tally, `${c.method} ${c.path}: no answer (${(e as Error).message})`, 'dropped');
  }
  const text = await res.text();
  tally.requests++;
  tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
  const where = `${c.method} ${c.route} → ${res.status} (${c.path.slice(0, 200)} body ${(c.body ?? '').slice(0, 200)})`;
  if (res.status >= 500) return record(tally, `${where}: ${text.slice(0, 300)}`);
  if (res.status >= 400) {
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return record(tally, `${where}: not JSON: ${text.slice(0, 200)}`);
    }
    if (
      body?.statusCode !== res.status ||
      typeof body.code !== 'string' ||
      typeof body.message !== 'string' ||
      typeof body.correlationId !== 'string'
    ) {
      return record(tally, `${where}: not the error shape: ${text.slice(0, 200)}`);
    }
    const writes = await target.writesUnder(requestId);
    if (writes > 0) return record(tally, `${where}: ${writes} audit row(s) written by a refused request`);
  }
  return null;
}

function record(tally: Tally, failure: string, status?: string): string {
  if (status) tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
  if (tally.failures.length < 50) tally.failures.push(failure);
  return failure;
}

/** A socket that reconnects by itself when the server cuts it (which counts as a finding). */
export async function connectSocket(base: string, token: string): Promise<Socket> {
  const socket = io(`${base}/rooms`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 100,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export async function runSocketCase(socket: Socket, c: SocketCase, tally: Tally): Promise<string | null> {
  tally.socketMessages++;
  let ack: unknown;
  try {
    if (!socket.connected) {
      tally.reconnects++;
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    }
    ack = await socket.timeout(10_000).emitWithAck(c.command, c.payload);
  } catch (e) {
    tally.socketByOutcome.noAck = (tally.socketByOutcome.noAck ?? 0) + 1;
    return record(tally, `${c.command}: no ack (${(e as Error).message}) for ${safeJson(c.payload)}`);
  }
  const a = ack as { ok?: boolean; error?: { code?: unknown; message?: unknown } };
  const outcome = a?.ok === true ? 'ok' : String(a?.error?.code ?? 'malformed');
  tally.socketByOutcome[outcome] = (tally.socketByOutcome[outcome] ?? 0) + 1;
  if (a?.ok === true) return null;
  if (a?.ok !== false || typeof a.error?.code !== 'string' || typeof a.error.message !== 'string')
    return record(tally, `${c.command}: malformed ack ${safeJson(ack)}`);
  if (a.error.code === 'INTERNAL') return record(tally, `${c.command}: INTERNAL for ${safeJson(c.payload)}`);
  return null;
}

function safeJson(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 300);
  } catch {
    return String(v).slice(0, 300);
  }
}

/**
 * Routes left out of the fuzz: ending every session of the account the fuzz runs as would turn the rest of the
 * run into 401s (logout itself is covered by the auth tests).
 */
export const skipRoute = (method: string, route: string) => method === 'post' && route === '/api/auth/logout';
