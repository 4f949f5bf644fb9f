import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
      ? true
      : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
        ? false
        : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** The environment the service reads; validated once at boot (see loadConfig). */
export class EnvDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'phải là development, production hoặc test' })
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(0, { message: 'phải từ 0 đến 65535' })
  @Max(65535, { message: 'phải từ 0 đến 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'phải là URL PostgreSQL dạng postgres://user:pass@host:port/db',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  WEB_DIST_DIR?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'phải dài ít nhất 32 ký tự' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số giây (số nguyên)' })
  @Min(30, { message: 'phải từ 30 giây trở lên' })
  @Max(86400, { message: 'không quá 86400 giây' })
  JWT_ACCESS_TTL?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số giây (số nguyên)' })
  @Min(300, { message: 'phải từ 300 giây trở lên' })
  JWT_REFRESH_TTL?: number;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsEmail({}, { message: 'phải là địa chỉ e-mail hợp lệ' })
  UNGPHO_ADMIN_EMAIL?: string;

  // Empty (as in docker/.env.example) means unset: a password is generated and printed once.
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsString()
  @MinLength(10, { message: 'phải dài ít nhất 10 ký tự' })
  UNGPHO_ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'phải là true hoặc false' })
  UNGPHO_DEMO?: boolean;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'phải là fatal, error, warn, info, debug, trace hoặc silent',
  })
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải lớn hơn 0' })
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải lớn hơn 0' })
  LOGIN_RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải lớn hơn 0' })
  LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải từ 1 trở lên' })
  @Max(1000, { message: 'không quá 1000' })
  LOGIN_LOCKOUT_AFTER_FAILURES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số giây (số nguyên)' })
  @Min(1, { message: 'phải từ 1 giây trở lên' })
  @Max(86_400, { message: 'không quá 86400 giây' })
  LOGIN_LOCKOUT_BASE_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số giây (số nguyên)' })
  @Min(1, { message: 'phải từ 1 giây trở lên' })
  @Max(86_400, { message: 'không quá 86400 giây' })
  LOGIN_LOCKOUT_MAX_SECONDS?: number;

  /** Which proxies' X-Forwarded-For is believed (see trustProxySetting). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'phải là URL Redis dạng redis://host:port' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[\w.:-]{1,60}$/, { message: 'chỉ gồm chữ, số và . : _ - (tối đa 60 ký tự)' })
  REDIS_KEY_PREFIX?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'phải là true hoặc false' })
  JOBS_WORKER_ENABLED?: boolean;

  @IsOptional()
  @Matches(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, {
    message: 'phải là danh sách phần trăm cách nhau bởi dấu phẩy, ví dụ 50,80,100',
  })
  LEGAL_CLOCK_WARN_PERCENTS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải lớn hơn 0' })
  CODRAFT_MAX_MESSAGES_PER_SECOND?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải lớn hơn 0' })
  CHAT_MAX_MESSAGES_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số phút (số nguyên)' })
  @Min(5, { message: 'phải từ 5 phút trở lên' })
  @Max(1440, { message: 'không quá 1440 phút' })
  REPORT_SERIES_BUCKET_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số giờ (số nguyên)' })
  @Min(1, { message: 'phải từ 1 giờ trở lên' })
  @Max(336, { message: 'không quá 336 giờ' })
  REPORT_SERIES_LOOKBACK_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là phần trăm (số nguyên)' })
  @Min(1, { message: 'phải từ 1 đến 100' })
  @Max(100, { message: 'phải từ 1 đến 100' })
  REPORT_NEGATIVE_RECOVERY_PERCENT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SIGNAL_IMPORT_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số MB (số nguyên)' })
  @Min(1, { message: 'phải từ 1 MB trở lên' })
  @Max(1024, { message: 'không quá 1024 MB' })
  SIGNAL_IMPORT_MAX_MB?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số MB (số nguyên)' })
  @Min(1, { message: 'phải từ 1 MB trở lên' })
  @Max(50, { message: 'không quá 50 MB' })
  REPORT_EVIDENCE_MAX_MB?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số mili giây (số nguyên)' })
  @Min(10, { message: 'phải từ 10 ms trở lên' })
  @Max(600_000, { message: 'không quá 600000 ms' })
  JOBS_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải từ 1 đến 100' })
  @Max(100, { message: 'phải từ 1 đến 100' })
  JOBS_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số mili giây (số nguyên)' })
  @Min(10, { message: 'phải từ 10 ms trở lên' })
  @Max(3_600_000, { message: 'không quá 3600000 ms (1 giờ)' })
  JOBS_RETRY_BASE_MS?: number;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, {
    message: 'phải là URL SMTP dạng smtp://user:pass@host:587 hoặc smtps://user:pass@host:465',
  })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'phải là địa chỉ người gửi dạng "Tên" <dia-chi@ten-mien> hoặc dia-chi@ten-mien',
  })
  SMTP_FROM?: string;

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'phải là URL http:// hoặc https://' })
  NOTIFY_WEBHOOK_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'phải dài ít nhất 16 ký tự' })
  NOTIFY_WEBHOOK_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số mili giây (số nguyên)' })
  @Min(100, { message: 'phải từ 100 ms trở lên' })
  @Max(120_000, { message: 'không quá 120000 ms' })
  NOTIFY_WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải từ 1 đến 100' })
  @Max(100, { message: 'phải từ 1 đến 100' })
  NOTIFY_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số mili giây (số nguyên)' })
  @Min(10, { message: 'phải từ 10 ms trở lên' })
  @Max(3_600_000, { message: 'không quá 3600000 ms (1 giờ)' })
  NOTIFY_RETRY_BASE_MS?: number;

  @IsOptional()
  @IsString()
  FEEDS_ALLOW_PRIVATE_NETWORKS?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'phải là ngày dạng YYYY-MM-DD' })
  FEEDS_ALLOW_PRIVATE_UNTIL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số giây (số nguyên)' })
  @Min(1, { message: 'phải từ 1 đến 86400' })
  @Max(86_400, { message: 'phải từ 1 đến 86400' })
  FEEDS_MIN_INTERVAL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số mili giây (số nguyên)' })
  @Min(100, { message: 'phải từ 100 ms trở lên' })
  @Max(120_000, { message: 'không quá 120000 ms' })
  FEEDS_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số byte (số nguyên)' })
  @Min(1024, { message: 'phải từ 1024 byte trở lên' })
  @Max(100 * 1024 * 1024, { message: 'không quá 104857600 byte (100 MB)' })
  FEEDS_MAX_BYTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số nguyên' })
  @Min(1, { message: 'phải từ 1 đến 64' })
  @Max(64, { message: 'phải từ 1 đến 64' })
  FEEDS_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'phải là số ngày (số nguyên)' })
  @Min(1, { message: 'phải từ 1 đến 365 ngày' })
  @Max(365, { message: 'phải từ 1 đến 365 ngày' })
  MENTION_DEDUP_DAYS?: number;
}
