import { HttpStatus } from '@nestjs/common';

/** Every domain error carries one of these codes; the exception filter maps codes to HTTP statuses. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOKEN_INVALID = 'TOKEN_INVALID',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED = 'RATE_LIMITED',
  IMPORT_FAILED = 'IMPORT_FAILED',
  DESIGNATION_INVALID = 'DESIGNATION_INVALID',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  INCIDENT_READ_ONLY = 'INCIDENT_READ_ONLY',
  SIGNAL_SOURCE_INACTIVE = 'SIGNAL_SOURCE_INACTIVE',
  SIGNATURE_INVALID = 'SIGNATURE_INVALID',
  SIGNATURE_EXPIRED = 'SIGNATURE_EXPIRED',
  SIGNATURE_REPLAYED = 'SIGNATURE_REPLAYED',
  ROOM_NOT_JOINED = 'ROOM_NOT_JOINED',
  TOO_MANY_PENDING_COMMANDS = 'TOO_MANY_PENDING_COMMANDS',
  INVITATION_CLOSED = 'INVITATION_CLOSED',
  STATEMENT_NOT_DRAFT = 'STATEMENT_NOT_DRAFT',
  YJS_RESYNC_REQUIRED = 'YJS_RESYNC_REQUIRED',
  STATEMENT_VERSION_STALE = 'STATEMENT_VERSION_STALE',
  STATEMENT_HASH_MISMATCH = 'STATEMENT_HASH_MISMATCH',
  STATEMENT_NOT_APPROVED = 'STATEMENT_NOT_APPROVED',
  NOT_AN_APPROVER = 'NOT_AN_APPROVER',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  DELEGATION_INVALID = 'DELEGATION_INVALID',
  STEP_UP_FAILED = 'STEP_UP_FAILED',
  PLAYBOOK_ALREADY_APPLIED = 'PLAYBOOK_ALREADY_APPLIED',
  REVIEW_REQUIRED = 'REVIEW_REQUIRED',
  REVIEW_INCOMPLETE = 'REVIEW_INCOMPLETE',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.TOKEN_INVALID]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.REFRESH_TOKEN_REUSED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.ACCOUNT_DISABLED]: HttpStatus.FORBIDDEN,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.IMPORT_FAILED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.DESIGNATION_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [ErrorCode.INCIDENT_READ_ONLY]: HttpStatus.CONFLICT,
  [ErrorCode.SIGNAL_SOURCE_INACTIVE]: HttpStatus.CONFLICT,
  [ErrorCode.SIGNATURE_INVALID]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.SIGNATURE_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.SIGNATURE_REPLAYED]: HttpStatus.CONFLICT,
  [ErrorCode.ROOM_NOT_JOINED]: HttpStatus.CONFLICT,
  [ErrorCode.TOO_MANY_PENDING_COMMANDS]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.INVITATION_CLOSED]: HttpStatus.CONFLICT,
  [ErrorCode.STATEMENT_NOT_DRAFT]: HttpStatus.CONFLICT,
  [ErrorCode.YJS_RESYNC_REQUIRED]: HttpStatus.CONFLICT,
  [ErrorCode.STATEMENT_VERSION_STALE]: HttpStatus.CONFLICT,
  [ErrorCode.STATEMENT_HASH_MISMATCH]: HttpStatus.CONFLICT,
  [ErrorCode.STATEMENT_NOT_APPROVED]: HttpStatus.CONFLICT,
  [ErrorCode.NOT_AN_APPROVER]: HttpStatus.FORBIDDEN,
  [ErrorCode.ALREADY_DECIDED]: HttpStatus.CONFLICT,
  [ErrorCode.DELEGATION_INVALID]: HttpStatus.FORBIDDEN,
  [ErrorCode.STEP_UP_FAILED]: HttpStatus.FORBIDDEN,
  [ErrorCode.PLAYBOOK_ALREADY_APPLIED]: HttpStatus.CONFLICT,
  [ErrorCode.REVIEW_REQUIRED]: HttpStatus.CONFLICT,
  [ErrorCode.REVIEW_INCOMPLETE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.DATABASE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export function statusForCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}

/** A domain error: a stable code, a Vietnamese message for people, optional structured details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusForCode(this.code);
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError(
      ErrorCode.NOT_FOUND,
      id ? `Không tìm thấy ${what} (${id})` : `Không tìm thấy ${what}`,
    );
  }
}

/** Error codes of the pg driver and of PostgreSQL (class 08, shutdown) that mean "cannot reach the database". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;

/**
 * Whether an error means the database could not be reached (network cut, server restarting), as opposed to a
 * query that failed: callers answer 503 / DATABASE_UNAVAILABLE, and the pool reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0;
    e && depth < 3;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_CODES.has(code) || /^08/.test(code)) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true;
    e = e.driverError as typeof e;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'Cơ sở dữ liệu tạm thời không truy cập được; thao tác chưa được ghi, vui lòng thử lại sau ít giây';
