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
