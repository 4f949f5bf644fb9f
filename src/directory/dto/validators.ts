import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../temporal.js';

/** A calendar day `YYYY-MM-DD` that exists (PostgreSQL `date`). */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: () => 'phải là ngày hợp lệ theo dạng YYYY-MM-DD',
      },
    },
    options,
  );
}

/** Query-string booleans: "true"/"1" and "false"/"0"; anything else is left for @IsBoolean to refuse. */
export const ToBoolean = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const TrimLower = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/** Tags are short snake_case words: head, legal, drafting, monitoring, press_liaison, police_liaison… */
export const TAG_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const TAG_MESSAGE = 'mỗi nhãn là một từ viết thường không dấu (a-z, 0-9, _), tối đa 40 ký tự';

export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

export const NormalizeTags = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) && value.every((t) => typeof t === 'string') ? normalizeTags(value) : value,
  );

/** Official codes: letters without diacritics, digits and . _ - / (e.g. "H42.18", "AH-SVHTTDL", "99201"). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/;
export const CODE_MESSAGE = 'chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ - / (tối đa 50 ký tự)';
