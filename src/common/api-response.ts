import { ApiProperty } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';

/** A string property that may be null: documented as a string with `nullable: true`. */
export const NullableString = (opts: ApiPropertyOptions = {}) =>
  ApiProperty({ type: String, nullable: true, ...opts } as ApiPropertyOptions);

/** A date-time sent as an ISO 8601 string. */
export const DateTimeString = (opts: ApiPropertyOptions = {}) =>
  ApiProperty({ type: String, format: 'date-time', ...opts } as ApiPropertyOptions);

/** A date-time that may be null. */
export const NullableDateTime = (opts: ApiPropertyOptions = {}) =>
  ApiProperty({ type: String, format: 'date-time', nullable: true, ...opts } as ApiPropertyOptions);

/**
 * What a service may hand a controller for a contract `T`: the same shape, with a `Date` where `T` says string
 * (JSON sends a Date as its ISO string). `Promise<Sendable<Contract>>` on a route makes a missing or mistyped
 * field fail the typecheck.
 */
export type Sendable<T> = T extends string
  ? T | Date
  : T extends (infer U)[]
    ? Sendable<U>[]
    : T extends object
      ? { [K in keyof T]: Sendable<T[K]> }
      : T;

/** A file sent as is (PDF, DOCX, CSV, image): documents `@ApiOkResponse` for the given content types. */
export const fileResponse = (contentTypes: string[], description?: string) => ({
  description,
  content: Object.fromEntries(contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});
