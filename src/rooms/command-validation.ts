import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppError, ErrorCode } from '../common/app-error.js';
import { flattenValidationErrors, validationFailed } from '../common/validation.js';
import { MAX_COMMAND_BYTES } from './rooms.events.js';

/** Size of a command as received (socket.io has already parsed it); oversized ones are refused before any work. */
export function assertCommandSize(command: string, payload: unknown): void {
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(payload ?? null));
  } catch {
    bytes = Infinity;
  }
  if (bytes > MAX_COMMAND_BYTES) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `Lệnh ${command} quá lớn (${bytes} byte, tối đa ${MAX_COMMAND_BYTES} byte)`,
      { bytes, limit: MAX_COMMAND_BYTES },
    );
  }
}

/**
 * Validates a command payload with the same rules and error shape as the HTTP ValidationPipe (global pipes do
 * not reach socket handlers): unknown fields refused, each failing field named in Vietnamese.
 */
export async function validateCommand<T extends object>(dtoClass: new () => T, payload: unknown): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Dữ liệu lệnh phải là một đối tượng JSON');
  }
  const dto = plainToInstance(dtoClass, payload);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return dto;
}
