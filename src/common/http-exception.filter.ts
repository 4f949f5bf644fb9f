import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, DATABASE_UNAVAILABLE_MESSAGE, ErrorCode, isDatabaseUnavailable } from './app-error.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

const MESSAGE_BY_CODE: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.UNAUTHENTICATED]: 'Cần đăng nhập',
  [ErrorCode.FORBIDDEN]: 'Không có quyền thực hiện thao tác này',
  [ErrorCode.NOT_FOUND]: 'Không tìm thấy tài nguyên',
  [ErrorCode.PAYLOAD_TOO_LARGE]: 'Dữ liệu gửi lên quá lớn',
  [ErrorCode.RATE_LIMITED]: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
  [ErrorCode.INTERNAL]: 'Lỗi hệ thống, vui lòng thử lại',
};

const INVALID_INPUT =
  'Dữ liệu không hợp lệ: giá trị không đúng kiểu, sai định dạng hoặc vượt giới hạn cho phép';
/** PostgreSQL error codes (SQLSTATE) that only a client's input can cause once validation has run. */
const INPUT_ERRORS: Record<string, { status: number; message: string }> = {
  '22P02': { status: 400, message: INVALID_INPUT }, // invalid text representation (a uuid, a number)
  '22021': { status: 400, message: INVALID_INPUT }, // invalid byte sequence (a NUL in text)
  '22003': { status: 400, message: INVALID_INPUT }, // numeric value out of range
  '22001': { status: 400, message: INVALID_INPUT }, // string too long for its column
  '22007': { status: 400, message: INVALID_INPUT }, // invalid datetime format
  '22008': { status: 400, message: INVALID_INPUT }, // datetime field overflow
  '22023': { status: 400, message: INVALID_INPUT }, // invalid parameter value
  '2201B': { status: 400, message: INVALID_INPUT }, // invalid regular expression
  '2202E': { status: 400, message: INVALID_INPUT }, // array subscript error
  '22004': { status: 400, message: INVALID_INPUT }, // null value not allowed
  '22P05': { status: 400, message: INVALID_INPUT }, // untranslatable character
  '23502': { status: 400, message: 'Dữ liệu không hợp lệ: thiếu một trường bắt buộc' }, // not-null violation
  '23514': { status: 400, message: INVALID_INPUT }, // check violation
  '54000': { status: 400, message: 'Dữ liệu không hợp lệ: giá trị quá lớn' }, // program limit (index row size)
  '23503': {
    status: 409,
    message: 'Dữ liệu tham chiếu tới một bản ghi không tồn tại hoặc đang được dùng ở nơi khác',
  }, // foreign-key violation
  '23P01': { status: 409, message: 'Dữ liệu trùng lặp hoặc chồng lấn với một bản ghi khác' }, // exclusion
};

/** Maps any error to `{ statusCode, code, message, details?, correlationId }`. */
export function toErrorBody(error: unknown, correlationId: string): ErrorBody {
  if (error instanceof AppError) {
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      details: error.details,
      correlationId,
    };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const code =
      CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
    const response = error.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message =
      MESSAGE_BY_CODE[code] ??
      (statusCode === 400 && typeof raw === 'string'
        ? `Yêu cầu không hợp lệ: ${raw}`
        : String(raw ?? error.message));
    return { statusCode, code, message, correlationId };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: ErrorCode.DATABASE_UNAVAILABLE,
      message: DATABASE_UNAVAILABLE_MESSAGE,
      correlationId,
    };
  }
  // Two requests racing past a uniqueness check: the database's unique index decides; say so plainly.
  type DriverError = { code?: string; constraint?: string; column?: string };
  // A TypeORM QueryFailedError carries the pg error; a query run on a pg client directly throws it as is.
  const raw = error as DriverError & { driverError?: DriverError };
  const driver =
    raw?.driverError ?? (typeof raw?.code === 'string' && /^[0-9A-Z]{5}$/.test(raw.code) ? raw : undefined);
  if ((error as Error)?.name === 'EntityNotFoundError') {
    return {
      statusCode: HttpStatus.NOT_FOUND,
      code: ErrorCode.NOT_FOUND,
      message: MESSAGE_BY_CODE.NOT_FOUND!,
      correlationId,
    };
  }
  if (driver?.code === '23505') {
    return {
      statusCode: HttpStatus.CONFLICT,
      code: ErrorCode.CONFLICT,
      message: 'Dữ liệu đã tồn tại (trùng với một bản ghi khác), vui lòng tải lại và kiểm tra',
      details: { constraint: driver.constraint },
      correlationId,
    };
  }
  // Safety net: a query the database refused because of what the client sent (a value of the wrong form, out of
  // range, missing, referring to nothing) is the client's error, never a 500. Validation should catch it first.
  const input = driver?.code ? INPUT_ERRORS[driver.code] : undefined;
  if (input) {
    return {
      statusCode: input.status,
      code: input.status === HttpStatus.CONFLICT ? ErrorCode.CONFLICT : ErrorCode.VALIDATION_FAILED,
      message: input.message,
      details: driver?.column ? { column: driver.column } : undefined,
      correlationId,
    };
  }
  // body-parser errors (malformed JSON, body too large) are plain errors with a status/type.
  const e = error as { status?: number; type?: string; message?: string };
  if (e?.type === 'entity.too.large') {
    return {
      statusCode: 413,
      code: ErrorCode.PAYLOAD_TOO_LARGE,
      message: MESSAGE_BY_CODE.PAYLOAD_TOO_LARGE!,
      correlationId,
    };
  }
  if (e?.type === 'entity.parse.failed') {
    return {
      statusCode: 400,
      code: ErrorCode.VALIDATION_FAILED,
      message: 'Nội dung gửi lên không phải JSON hợp lệ',
      correlationId,
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: ErrorCode.INTERNAL,
    message: MESSAGE_BY_CODE.INTERNAL!,
    correlationId,
  };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = toErrorBody(exception, String(req.id ?? ''));
    if (body.statusCode >= 500) req.log?.error({ err: exception }, 'unhandled error');
    res.status(body.statusCode).json(body);
  }
}
