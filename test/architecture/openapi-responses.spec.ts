import { createTestApp, TestApp } from '../support/test-app.js';
import { checkKnownList, operationsWithoutResponse } from './openapi-responses.js';
import type { OpenApiDocument } from './openapi-responses.js';

/**
 * Operations of the served OpenAPI document (/docs-json) that still have no typed 2xx answer. The list only
 * shrinks: a new operation without `@ApiOkResponse`/`@ApiCreatedResponse({ type })` (or a file's content type)
 * fails, and so does an entry here whose operation has gained one.
 */
const KNOWN: readonly string[] = [];

describe('OpenAPI answers (every route documents what it sends back)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
  });
  afterAll(() => t?.close());

  it('every operation has a typed 2xx answer, apart from the known list (which only shrinks)', () => {
    expect(checkKnownList(operationsWithoutResponse(doc), KNOWN)).toEqual([]);
  });

  it('fails on a deliberate violation: a new operation with a bare 200, and a listed one that gained a schema', () => {
    const bare = { responses: { '200': { description: '' } } };
    const typed = {
      responses: { '200': { description: '', content: { 'application/json': { schema: { $ref: '#/x' } } } } },
    };
    const file = {
      responses: {
        '200': {
          description: '',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
      },
    };
    const synthetic: OpenApiDocument = {
      paths: {
        '/api/new': { get: bare },
        '/api/old': { get: typed, post: file },
        '/api/empty': { delete: {} },
        '/api/gone': { delete: { responses: { '204': { description: '' } } } },
        '/api/bare-created': { post: { responses: { '201': { description: '' } } } },
      },
    };
    // A documented 204 needs no schema; a 201 without one is still untyped.
    expect(operationsWithoutResponse(synthetic)).toEqual([
      'DELETE /api/empty',
      'GET /api/new',
      'POST /api/bare-created',
    ]);
    expect(
      checkKnownList(operationsWithoutResponse(synthetic), ['DELETE /api/empty', 'GET /api/old']),
    ).toEqual([
      'no typed 2xx answer: GET /api/new',
      'no typed 2xx answer: POST /api/bare-created',
      'listed as missing but now typed (remove it): GET /api/old',
    ]);
  });
});
