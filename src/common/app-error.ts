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
