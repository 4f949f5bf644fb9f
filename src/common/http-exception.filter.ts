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
  const driver = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  if (driver?.code === '23505') {
    return {
      statusCode: HttpStatus.CONFLICT,
      code: ErrorCode.CONFLICT,
      message: 'Dữ liệu đã tồn tại (trùng với một bản ghi khác), vui lòng tải lại và kiểm tra',
      details: { constraint: driver.constraint },
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
