import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvDto } from './environment.js';
import { privateNetworksSetting, trustProxySetting } from './network-settings.js';

/**
 * The service's typed configuration, read once at boot from the environment: the variables and their checks are
 * in environment.ts, the address lists in network-settings.ts.
 */

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Undefined means: start an embedded PostgreSQL in embeddedPgDir. */
  databaseUrl?: string;
  embeddedPgDir: string;
  /** The built web console (`npm run build:web`), served at `/`; absent: the service runs API-only. */
  webDistDir: string;
  jwt: { secret?: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  corsOrigins: string[] | true;
  admin: { email: string; password?: string };
  demo: boolean;
  logLevel: string;
  /** Per address for the API; loginPerMinute: login attempts per account and minute. */
  rateLimit: { perMinute: number; loginPerMinute: number };
  /** Login guessing limits (LoginThrottle): per address, and the per-account lockout that doubles. */
  loginThrottle: {
    perAddressPerMinute: number;
    lockoutAfterFailures: number;
    lockoutBaseSeconds: number;
    lockoutMaxSeconds: number;
  };
  /** Express `trust proxy`: the proxies whose X-Forwarded-For gives the client's address. */
  trustProxy: string[] | number | false;
  redisUrl?: string;
  /** Prefix of the Redis stream, channels and keys of the live rooms: several deployments can share a Redis. */
  redisKeyPrefix: string;
  /** Legal clock: warn the room and the leaders when this share of a deadline has passed. */
  legalClock: { warnPercents: number[] };
  /** Co-drafting: Yjs sync + awareness messages one socket may send per second (burst: twice that). */
  codraft: { maxMessagesPerSecond: number };
  /** Room chat: messages one user may post per minute (burst: that many at once), against floods. */
  chat: { maxMessagesPerMinute: number };
  /** Review reports: series bucket, look-back before detection, and the fallback "negative share fell back" level. */
  reports: { seriesBucketMinutes: number; seriesLookbackHours: number; negativeRecoveryShare: number };
  /** File imports: where uploads wait until imported, the largest file; officers' reports: the largest screenshot. */
  intake: { importDir: string; importMaxBytes: number; evidenceMaxBytes: number };
  jobs: {
    /** Whether this node runs the background workers (durable timers and the notification dispatcher). */
    workerEnabled: boolean;
    /** Longest sleep between two looks at the timer and outbox tables. */
    pollIntervalMs: number;
    /** A failing timer handler is tried this many times in all, then the timer is `failed`. */
    maxAttempts: number;
    /** First retry delay; doubled at every further failure (capped at one hour). */
    retryBaseMs: number;
  };
  /** Polled news feeds (src/feeds). */
  feeds: {
    /**
     * Private, loopback or link-local ranges (CIDR) that feeds may nevertheless reach, e.g. an agency's intranet
     * portal; empty: none. Until `allowPrivateUntil` (a date, exclusive) when set.
     */
    allowPrivateNetworks: string[];
    allowPrivateUntil: Date | null;
    /** Shortest polling interval a feed may ask for. */
    minIntervalSeconds: number;
    /** Connecting, and then each wait for data; the whole fetch gets twice that. */
    timeoutMs: number;
    /** Largest answer read (bytes). */
    maxBytes: number;
    /** Feeds fetched at once by one node. */
    concurrency: number;
  };
  /**
   * Ingestion: a mention delivered again within `dedupDays` days of its first delivery is a duplicate even when
   * its publication moved to another month (the key table `mention_keys`, src/signals/README.md).
   */
  signals: { dedupDays: number };
  notifications: {
    /** Unset: e-mail deliveries are recorded as skipped. */
    smtp?: { url: string; from: string };
    /** Unset: webhook (SMS/Zalo gateway) deliveries are recorded as skipped. */
    webhook?: { url: string; secret: string; timeoutMs: number };
    maxAttempts: number;
    retryBaseMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables whose value never appears in an error message (they are, or may contain, credentials). */
const SECRET_VARIABLES = new Set([
  'JWT_SECRET',
  'UNGPHO_ADMIN_PASSWORD',
  'SMTP_URL',
  'NOTIFY_WEBHOOK_SECRET',
]);

/** URLs carry passwords (`postgres://user:pass@host`): never print them. */
function withoutCredentials(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\/\/[^/@\s]*@/, '//***@') : value;
}

/** Values copied from an example file, or made of a handful of distinct characters. */
export function looksLikePlaceholder(secret: string): boolean {
  return (
    /change[-_ ]?me|changeme|example|placeholder|secret|your[-_ ]/i.test(secret) || new Set(secret).size < 10
  );
}

/** Validates the environment and returns typed config; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const dto = plainToInstance(EnvDto, { ...env });
  const errors = validateSync(dto, { whitelist: false, skipMissingProperties: false });
  const problems = errors.map(
    (e) =>
      `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (giá trị: ${
        SECRET_VARIABLES.has(e.property) ? '***' : JSON.stringify(withoutCredentials(e.value))
      })`,
  );
  const nodeEnv = (dto.NODE_ENV ?? 'development') as AppConfig['env'];
  if (nodeEnv === 'production' && !dto.JWT_SECRET) {
    problems.push('JWT_SECRET: bắt buộc khi NODE_ENV=production (ít nhất 32 ký tự)');
  }
  if (dto.JWT_SECRET && looksLikePlaceholder(dto.JWT_SECRET)) {
    problems.push(
      'JWT_SECRET: đang là giá trị mẫu hoặc quá dễ đoán; tạo giá trị ngẫu nhiên, ví dụ: openssl rand -base64 48',
    );
  }
  const trustProxy = trustProxySetting(dto.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(`TRUST_PROXY: ${trustProxy}`);
  if (dto.NOTIFY_WEBHOOK_URL && !dto.NOTIFY_WEBHOOK_SECRET) {
    problems.push('NOTIFY_WEBHOOK_SECRET: bắt buộc khi có NOTIFY_WEBHOOK_URL (ít nhất 16 ký tự)');
  }
  const warnPercents = (dto.LEGAL_CLOCK_WARN_PERCENTS ?? '50,80,100').split(',').map((x) => Number(x.trim()));
  if (warnPercents.some((p) => p < 1 || p > 100)) {
    problems.push('LEGAL_CLOCK_WARN_PERCENTS: mỗi giá trị phải từ 1 đến 100');
  }
  const allowPrivate = privateNetworksSetting(dto.FEEDS_ALLOW_PRIVATE_NETWORKS);
  if (typeof allowPrivate === 'string') problems.push(`FEEDS_ALLOW_PRIVATE_NETWORKS: ${allowPrivate}`);
  if (problems.length) throw new ConfigError(problems);

  const cors = dto.CORS_ORIGINS?.trim();
  return {
    env: nodeEnv,
    port: dto.PORT ?? 3000,
    host: dto.HOST ?? '0.0.0.0',
    databaseUrl: dto.DATABASE_URL,
    embeddedPgDir: dto.EMBEDDED_PG_DIR ?? '.data/postgres',
    webDistDir: dto.WEB_DIST_DIR ?? 'web/dist',
    jwt: {
      secret: dto.JWT_SECRET,
      accessTtlSeconds: dto.JWT_ACCESS_TTL ?? 900,
      refreshTtlSeconds: dto.JWT_REFRESH_TTL ?? 14 * 24 * 3600,
    },
    corsOrigins: !cors || cors === '*' ? true : cors.split(',').map((o) => o.trim()),
    admin: { email: dto.UNGPHO_ADMIN_EMAIL ?? 'admin@ungpho.local', password: dto.UNGPHO_ADMIN_PASSWORD },
    demo: dto.UNGPHO_DEMO ?? argv.includes('--demo'),
    logLevel: dto.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    rateLimit: {
      perMinute: dto.RATE_LIMIT_PER_MINUTE ?? 600,
      loginPerMinute: dto.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10,
    },
    loginThrottle: {
      perAddressPerMinute: dto.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE ?? 30,
      lockoutAfterFailures: dto.LOGIN_LOCKOUT_AFTER_FAILURES ?? 5,
      lockoutBaseSeconds: dto.LOGIN_LOCKOUT_BASE_SECONDS ?? 30,
      lockoutMaxSeconds: dto.LOGIN_LOCKOUT_MAX_SECONDS ?? 900,
    },
    trustProxy: trustProxy as AppConfig['trustProxy'],
    redisUrl: dto.REDIS_URL,
    redisKeyPrefix: dto.REDIS_KEY_PREFIX ?? 'ungpho',
    legalClock: { warnPercents: [...new Set(warnPercents)].sort((a, b) => a - b) },
    codraft: { maxMessagesPerSecond: dto.CODRAFT_MAX_MESSAGES_PER_SECOND ?? 60 },
    chat: { maxMessagesPerMinute: dto.CHAT_MAX_MESSAGES_PER_MINUTE ?? 30 },
    reports: {
      seriesBucketMinutes: dto.REPORT_SERIES_BUCKET_MINUTES ?? 60,
      seriesLookbackHours: dto.REPORT_SERIES_LOOKBACK_HOURS ?? 24,
      negativeRecoveryShare: (dto.REPORT_NEGATIVE_RECOVERY_PERCENT ?? 30) / 100,
    },
    intake: {
      importDir: dto.SIGNAL_IMPORT_DIR ?? '.data/imports',
      importMaxBytes: (dto.SIGNAL_IMPORT_MAX_MB ?? 50) * 1024 * 1024,
      evidenceMaxBytes: (dto.REPORT_EVIDENCE_MAX_MB ?? 5) * 1024 * 1024,
    },
    jobs: {
      workerEnabled: dto.JOBS_WORKER_ENABLED ?? true,
      pollIntervalMs: dto.JOBS_POLL_INTERVAL_MS ?? 1000,
      maxAttempts: dto.JOBS_MAX_ATTEMPTS ?? 5,
      retryBaseMs: dto.JOBS_RETRY_BASE_MS ?? 10_000,
    },
    feeds: {
      allowPrivateNetworks: allowPrivate as string[],
      allowPrivateUntil: dto.FEEDS_ALLOW_PRIVATE_UNTIL
        ? new Date(`${dto.FEEDS_ALLOW_PRIVATE_UNTIL}T00:00:00+07:00`)
        : null,
      minIntervalSeconds: dto.FEEDS_MIN_INTERVAL_SECONDS ?? 60,
      timeoutMs: dto.FEEDS_TIMEOUT_MS ?? 15_000,
      maxBytes: dto.FEEDS_MAX_BYTES ?? 5 * 1024 * 1024,
      concurrency: dto.FEEDS_CONCURRENCY ?? 8,
    },
    signals: { dedupDays: dto.MENTION_DEDUP_DAYS ?? 30 },
    notifications: {
      smtp: dto.SMTP_URL
        ? { url: dto.SMTP_URL, from: dto.SMTP_FROM ?? '"Ứng phó" <no-reply@ungpho.local>' }
        : undefined,
      webhook:
        dto.NOTIFY_WEBHOOK_URL && dto.NOTIFY_WEBHOOK_SECRET
          ? {
              url: dto.NOTIFY_WEBHOOK_URL,
              secret: dto.NOTIFY_WEBHOOK_SECRET,
              timeoutMs: dto.NOTIFY_WEBHOOK_TIMEOUT_MS ?? 10_000,
            }
          : undefined,
      maxAttempts: dto.NOTIFY_MAX_ATTEMPTS ?? 8,
      retryBaseMs: dto.NOTIFY_RETRY_BASE_MS ?? 10_000,
    },
  };
}
