import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { AddressGuard } from './address-guard.js';

/** Redirects followed at most; each hop is checked again (scheme, address). */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'ungpho/1.0 (feed reader)';
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, ' +
  'application/json;q=0.8, */*;q=0.5';

/** A failed fetch, with what went wrong in plain Vietnamese. */
export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

export interface FetchLimits {
  /** Connecting, and each wait for headers or data; the whole fetch may take twice that. */
  timeoutMs: number;
  maxBytes: number;
}

export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | { status: 304; url: string }
  | {
      status: 200;
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

/**
 * HTTP(S) client of the feeds: only http and https; connect, header and idle-body timeouts and an overall
 * deadline; a streamed byte cap (after decompression); conditional GET; at most MAX_REDIRECTS redirects, each
 * re-checked. The address actually connected to is checked after DNS resolution, in the socket's own lookup, so
 * a name that resolves to a private address (DNS rebinding included) is refused before any byte is sent.
 */
export class FeedFetcher {
  private readonly agent: Agent;

  constructor(
    private readonly guard: AddressGuard,
    private readonly limits: FetchLimits,
  ) {
    this.agent = new Agent({
      connect: { timeout: limits.timeoutMs, lookup: this.guardedLookup },
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
      keepAliveTimeout: 4_000,
      connections: 4,
    });
  }

  async fetch(url: string, conditional: ConditionalHeaders, signal?: AbortSignal): Promise<FetchResult> {
    const deadline = AbortSignal.timeout(this.limits.timeoutMs * 2);
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let current = checkUrl(url);
    for (let hop = 0; ; hop++) {
      this.checkLiteralHost(current);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      };
      // Validators belong to the feed's own URL; a redirect target is asked afresh.
      if (hop === 0 && conditional.etag) headers['if-none-match'] = conditional.etag;
      if (hop === 0 && conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(current, { dispatcher: this.agent, method: 'GET', headers, signal: abort });
      } catch (err) {
        throw explain(err, current, this.limits.timeoutMs, deadline.aborted);
      }
      const header = (name: string) => {
        const v = res.headers[name];
        return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
      };
      if (REDIRECT_STATUSES.has(res.statusCode)) {
        await res.body.dump().catch(() => undefined);
        const location = header('location');
        if (!location)
          throw new FeedFetchError(`Máy chủ chuyển hướng (HTTP ${res.statusCode}) mà không nói tới đâu`);
        if (hop + 1 > MAX_REDIRECTS) throw new FeedFetchError(`Chuyển hướng quá ${MAX_REDIRECTS} lần`);
        current = checkUrl(new URL(location, current).toString(), 'chuyển hướng tới ');
        continue;
      }
      if (res.statusCode === 304) {
        await res.body.dump().catch(() => undefined);
        return { status: 304, url: current };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump().catch(() => undefined);
        throw new FeedFetchError(`Máy chủ trả lỗi HTTP ${res.statusCode}${statusWords(res.statusCode)}`);
      }
      const length = Number(header('content-length'));
      if (Number.isFinite(length) && length > this.limits.maxBytes && !header('content-encoding')) {
        res.body.destroy();
        throw tooLarge(this.limits.maxBytes);
      }
      let body: Buffer;
      try {
        body = await readCapped(res.body, header('content-encoding'), this.limits.maxBytes);
      } catch (err) {
        if (err instanceof FeedFetchError) throw err;
        throw explain(err, current, this.limits.timeoutMs, deadline.aborted);
      }
      return {
        status: 200,
        url: current,
        body,
        contentType: header('content-type'),
        etag: header('etag'),
        lastModified: header('last-modified'),
      };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private checkLiteralHost(url: string): void {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const problem = this.guard.check(host);
      if (problem) throw new FeedFetchError(problem);
    }
  }

  /** net/tls `lookup`: resolves, refuses if any answer is not allowed, then hands the answers on. */
  private readonly guardedLookup = (
    hostname: string,
    options: LookupOptions,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const problem = this.guard.check(a.address);
        if (problem) return callback(new FeedFetchError(`${hostname} trỏ tới ${problem}`), []);
      }
      if (!list.length) return callback(new FeedFetchError(`Không tìm thấy tên miền ${hostname}`), []);
      if (options.all) callback(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

function checkUrl(raw: string, prefix = ''): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedFetchError(`Địa chỉ ${prefix}không hợp lệ: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedFetchError(`Chỉ lấy tin qua http:// hoặc https:// (${prefix}${url.protocol}…)`);
  }
  if (url.username || url.password) {
    throw new FeedFetchError(`Địa chỉ ${prefix}không được chứa tên đăng nhập, mật khẩu`);
  }
  return url.toString();
}

function tooLarge(maxBytes: number): FeedFetchError {
  const size =
    maxBytes < 1024 * 1024
      ? `${Math.round(maxBytes / 1024).toLocaleString('vi-VN')} KB`
      : `${(maxBytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return new FeedFetchError(`Nội dung quá lớn (hơn ${size})`);
}

/** Reads the body (decompressed) up to maxBytes; more is an error, and the connection is dropped at once. */
async function readCapped(body: Readable, encoding: string | null, maxBytes: number): Promise<Buffer> {
  const enc = encoding?.trim().toLowerCase();
  let stream: Readable = body;
  if (enc === 'gzip' || enc === 'x-gzip') stream = body.pipe(createGunzip());
  else if (enc === 'deflate') stream = body.pipe(createInflate());
  else if (enc === 'br') stream = body.pipe(createBrotliDecompress());
  else if (enc && enc !== 'identity') throw new FeedFetchError(`Máy chủ nén nội dung kiểu lạ (${enc})`);
  if (stream !== body) body.on('error', (err) => stream.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    body.destroy();
    stream.destroy();
    if (err instanceof FeedFetchError) throw err;
    if ((err as { code?: string }).code?.startsWith('Z_')) {
      throw new FeedFetchError('Nội dung nén bị hỏng, không giải nén được');
    }
    throw err;
  }
  return Buffer.concat(chunks, total);
}

function statusWords(status: number): string {
  if (status === 404 || status === 410) return ' (không tìm thấy nguồn tin: địa chỉ có thể đã đổi)';
  if (status === 401 || status === 403) return ' (máy chủ từ chối truy cập)';
  if (status === 429) return ' (máy chủ yêu cầu lấy tin thưa hơn)';
  if (status >= 500) return ' (máy chủ của nguồn tin đang gặp sự cố)';
  return '';
}

/** Low-level errors as a person reads them. */
function explain(err: unknown, url: string, timeoutMs: number, deadlinePassed: boolean): FeedFetchError {
  if (err instanceof FeedFetchError) return err;
  const e = err as { code?: string; name?: string; cause?: unknown; message?: string };
  if (e.cause instanceof FeedFetchError) return e.cause;
  const host = new URL(url).host;
  const seconds = (timeoutMs / 1000).toLocaleString('vi-VN');
  switch (e.code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new FeedFetchError(`Không kết nối được tới ${host} trong ${seconds} giây`);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new FeedFetchError(`Máy chủ ${host} không trả lời trong ${seconds} giây`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FeedFetchError(`Không tìm thấy tên miền ${new URL(url).hostname}`);
    case 'ECONNREFUSED':
      return new FeedFetchError(`Máy chủ ${host} từ chối kết nối`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new FeedFetchError(`Máy chủ ${host} ngắt kết nối giữa chừng`);
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return new FeedFetchError('Nội dung quá lớn');
  }
  if (e.code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(e.code)) {
    return new FeedFetchError(`Chứng chỉ HTTPS của ${host} không hợp lệ`);
  }
  if (e.name === 'TimeoutError' || (e.name === 'AbortError' && deadlinePassed)) {
    return new FeedFetchError(`Lấy tin từ ${host} quá ${(timeoutMs / 500).toLocaleString('vi-VN')} giây`);
  }
  if (e.name === 'AbortError') return new FeedFetchError('Đã dừng lấy tin (dịch vụ đang tắt)');
  return new FeedFetchError(`Không lấy được tin từ ${host}: ${e.message ?? String(err)}`);
}
