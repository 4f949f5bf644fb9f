import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { fieldError, validationFailed } from './validation.js';

/** The largest value of a PostgreSQL `integer` column (seqs, versions, counts): larger input is refused as 400. */
export const MAX_INT = 2_147_483_647;
/** Paging: an offset past this reads nothing useful and only makes the database count rows. */
export const MAX_OFFSET = 1_000_000;

/**
 * A path parameter that numbers something from 1 (a version): digits only, 1 to MAX_INT; anything else (`-1`,
 * `1.5`, `99999999999`) is a 400 naming the parameter, never a 409 or a database error.
 */
@Injectable()
export class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string | number, metadata: ArgumentMetadata): number {
    // The global ValidationPipe (transform) may already have made a number of it.
    const n = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n)) return this.refuse(metadata);
    if (!(n >= 1 && n <= MAX_INT)) return this.refuse(metadata);
    return n;
  }

  private refuse(metadata: ArgumentMetadata): never {
    const field = metadata.data ?? 'version';
    throw validationFailed([
      fieldError(field, 'isVersion', `${field}: phải là số nguyên từ 1 đến ${MAX_INT}`),
    ]);
  }
}
