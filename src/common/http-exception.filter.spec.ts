import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './http-exception.filter.js';

const failed = (code: string, extra: Record<string, unknown> = {}) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error(`pg ${code}`), { code, ...extra }));

describe(toErrorBody.name, () => {
  it('answers database refusals caused by input as 400 or 409, never 500', () => {
    for (const code of ['22P02', '22021', '22003', '22001', '22007', '23502', '23514', '54000']) {
      expect(toErrorBody(failed(code), 'c')).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        correlationId: 'c',
      });
    }
    expect(toErrorBody(failed('23503', { column: 'org_unit_id' }), 'c')).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
    });
    expect(toErrorBody(failed('23505'), 'c')).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    // A pg error thrown as is (a query on a client of its own) too.
    expect(toErrorBody(Object.assign(new Error('x'), { code: '22P02' }), 'c').statusCode).toBe(400);
  });

  it('keeps server faults as 500 and unreachable databases as 503', () => {
    expect(toErrorBody(failed('42P01'), 'c')).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
    expect(toErrorBody(new TypeError('x is undefined'), 'c').statusCode).toBe(500);
    expect(toErrorBody(failed('57P01'), 'c').statusCode).toBe(503);
  });
});
