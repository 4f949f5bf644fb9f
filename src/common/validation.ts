import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error.js';

export interface FieldError {
  field: string;
  messages: string[];
  constraints: string[];
}

/** Vietnamese wording for the constraints people meet most; others fall back to class-validator's text. */
const VI: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `${f}: trường không được phép`,
  isDefined: (f) => `${f}: bắt buộc`,
  isObject: (f) => `${f}: phải là một đối tượng`,
  isNotEmpty: (f) => `${f}: không được để trống`,
  isString: (f) => `${f}: phải là chuỗi ký tự`,
  isEmail: (f) => `${f}: phải là địa chỉ e-mail hợp lệ`,
  isUuid: (f) => `${f}: phải là UUID`,
  isInt: (f) => `${f}: phải là số nguyên`,
  isBoolean: (f) => `${f}: phải là true hoặc false`,
  isEnum: (f) => `${f}: giá trị không hợp lệ`,
  isIn: (f) => `${f}: giá trị không hợp lệ`,
  isArray: (f) => `${f}: phải là mảng`,
  isDateString: (f) => `${f}: phải là ngày theo dạng YYYY-MM-DD`,
  isISO8601: (f) =>
    `${f}: phải là ngày (YYYY-MM-DD) hoặc thời điểm ISO 8601 (ví dụ 2026-12-01T09:00:00+07:00)`,
  min: (f) => `${f}: giá trị quá nhỏ`,
  max: (f) => `${f}: giá trị quá lớn`,
  matches: (f) => `${f}: không đúng định dạng`,
  isUrl: (f) => `${f}: phải là địa chỉ http(s) hợp lệ`,
  isBase64: (f) => `${f}: phải là dữ liệu base64`,
  arrayMinSize: (f) => `${f}: cần ít nhất một phần tử`,
  minLength: (f) => `${f}: quá ngắn`,
  maxLength: (f) => `${f}: quá dài`,
  arrayMaxSize: (f) => `${f}: quá nhiều phần tử`,
  nestedValidation: (f) => `${f}: phải là đối tượng hợp lệ`,
};

/** Flattens nested class-validator errors into field paths such as `units[3].validFrom`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const field = prefix ? (isIndex ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    if (e.constraints) {
      const keys = Object.keys(e.constraints);
      out.push({
        field,
        constraints: keys,
        messages: keys.map((k) => {
          const custom = e.constraints![k];
          // A message written in Vietnamese on the DTO wins over the generic wording.
          if (/[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(custom)) return `${field}: ${custom}`;
          return VI[k]?.(field) ?? custom;
        }),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/**
 * The one VALIDATION_FAILED error, for the pipe and for the rules a service checks itself: `details` lists the
 * fields with their messages and constraint names, the same shape whoever found the problem.
 */
export function validationFailed(fields: FieldError[], message?: string): AppError {
  const names = [...new Set(fields.map((f) => f.field))];
  return new AppError(
    ErrorCode.VALIDATION_FAILED,
    message ?? `Dữ liệu không hợp lệ: ${names.join(', ')}`,
    fields,
  );
}

/** One field's problem found by a service: `constraint` names the rule broken (e.g. `knownRole`, `notBefore`). */
export function fieldError(field: string, constraint: string, ...messages: string[]): FieldError {
  return { field, constraints: [constraint], messages };
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
