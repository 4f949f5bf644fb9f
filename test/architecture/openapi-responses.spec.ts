import { createTestApp, TestApp } from '../support/test-app.js';
import { checkKnownList, operationsWithoutResponse } from './openapi-responses.js';
import type { OpenApiDocument } from './openapi-responses.js';

/**
 * Operations of the served OpenAPI document (/docs-json) that still have no typed 2xx answer. The list only
 * shrinks: a new operation without `@ApiOkResponse`/`@ApiCreatedResponse({ type })` (or a file's content type)
 * fails, and so does an entry here whose operation has gained one.
 */
const KNOWN: readonly string[] = [
  'DELETE /api/feeds/{id}',
  'DELETE /api/incidents/{id}/working-group/members/{memberId}',
  'GET /api/approval-delegations',
  'GET /api/approval-policies',
  'GET /api/detection-quality/topics/{topicId}',
  'GET /api/detection-settings',
  'GET /api/detection-settings/effective/{orgUnitId}',
  'GET /api/incidents/{id}/events',
  'GET /api/incidents/{id}/mentions',
  'GET /api/incidents/{id}/playbook',
  'GET /api/incidents/{id}/playbook-suggestions',
  'GET /api/incidents/{id}/report',
  'GET /api/incidents/{id}/review',
  'GET /api/incidents/{id}/working-group',
  'GET /api/incidents/{id}/working-group/decision',
  'GET /api/me/approvals',
  'GET /api/playbook-proposals',
  'GET /api/playbooks',
  'GET /api/playbooks/{id}',
  'GET /api/playbooks/{id}/versions/{version}',
  'GET /api/pre-approved-lines',
  'GET /api/press/conferences',
  'GET /api/press/conferences/cadence',
  'GET /api/press/conferences/cadence-rules',
  'GET /api/press/conferences/{id}',
  'GET /api/press/conferences/{id}/minutes',
  'GET /api/press/conferences/{id}/prepared-line-sources',
  'GET /api/press/coverage',
  'GET /api/press/coverage/{id}',
  'GET /api/press/dashboard',
  'GET /api/press/export/journalists.csv',
  'GET /api/press/inquiries',
  'GET /api/press/inquiries/{id}',
  'GET /api/press/journalists',
  'GET /api/press/journalists/{id}',
  'GET /api/press/journalists/{id}/inquiries',
  'GET /api/press/outlets',
  'GET /api/press/outlets/{id}',
  'GET /api/press/refusal-grounds',
  'GET /api/reports/periodic',
  'GET /api/search',
  'GET /api/signal-imports',
  'GET /api/signal-imports/{id}',
  'GET /api/signal-sources/{id}/activity',
  'GET /api/signal-sources/{id}/import-mapping',
  'GET /api/statements/{id}',
  'GET /api/statements/{id}/comments',
  'GET /api/statements/{id}/diff',
  'GET /api/statements/{id}/publications',
  'GET /api/statements/{id}/versions',
  'GET /api/statements/{id}/versions/{n}',
  'GET /api/statements/{id}/versions/{n}/document',
  'GET /api/topics/{id}/buckets',
  'GET /api/topics/{id}/mentions',
  'GET /api/watch-signals',
  'GET /api/working-group-roles',
  'GET /api/working-group-rules',
  'PATCH /api/press/conferences/{id}',
  'PATCH /api/press/inquiries/{id}/questions/{questionId}',
  'PATCH /api/press/journalists/{id}',
  'PATCH /api/press/outlets/{id}',
  'PATCH /api/press/refusal-grounds/{id}',
  'PATCH /api/signal-sources/{id}',
  'PATCH /api/statements/{id}',
  'POST /api/approval-delegations',
  'POST /api/approval-delegations/{id}/revoke',
  'POST /api/approval-policies',
  'POST /api/availability',
  'POST /api/detection-quality/topics/{topicId}/apply',
  'POST /api/detections/manual',
  'POST /api/incidents/{id}/playbooks/{playbookId}/apply',
  'POST /api/incidents/{id}/review/complete',
  'POST /api/incidents/{id}/review/playbook-proposals',
  'POST /api/incidents/{id}/review/reopen',
  'POST /api/incidents/{id}/transitions',
  'POST /api/incidents/{id}/working-group',
  'POST /api/incidents/{id}/working-group/members',
  'POST /api/incidents/{id}/working-group/members/{memberId}/handover',
  'POST /api/incidents/{id}/working-group/members/{memberId}/replace',
  'POST /api/invitations/{id}/accept',
  'POST /api/invitations/{id}/decline',
  'POST /api/playbook-proposals',
  'POST /api/playbook-proposals/{id}/decision',
  'POST /api/playbooks',
  'POST /api/playbooks/{id}/versions',
  'POST /api/pre-approved-lines',
  'POST /api/press/conferences',
  'POST /api/press/conferences/cadence-rules',
  'POST /api/press/conferences/{id}/commitments',
  'POST /api/press/conferences/{id}/commitments/{commitmentId}/done',
  'POST /api/press/conferences/{id}/held',
  'POST /api/press/conferences/{id}/questions',
  'POST /api/press/coverage',
  'POST /api/press/coverage/{id}/outcome',
  'POST /api/press/coverage/{id}/response',
  'POST /api/press/coverage/{id}/verification',
  'POST /api/press/import/journalists.csv',
  'POST /api/press/inquiries',
  'POST /api/press/inquiries/{id}/answer',
  'POST /api/press/inquiries/{id}/assign',
  'POST /api/press/inquiries/{id}/incident',
  'POST /api/press/inquiries/{id}/send',
  'POST /api/press/inquiries/{id}/transfer',
  'POST /api/press/journalists',
  'POST /api/press/outlets',
  'POST /api/press/refusal-grounds',
  'POST /api/signal-imports',
  'POST /api/signal-imports/{id}/preview',
  'POST /api/signal-imports/{id}/start',
  'POST /api/signal-sources',
  'POST /api/signal-sources/{id}/rotate-secret',
  'POST /api/statements/{id}/comments',
  'POST /api/statements/{id}/comments/{commentId}/reopen',
  'POST /api/statements/{id}/comments/{commentId}/resolve',
  'POST /api/statements/{id}/corrections',
  'POST /api/statements/{id}/publications',
  'POST /api/statements/{id}/submit',
  'POST /api/statements/{id}/versions/{n}/decisions',
  'POST /api/topics/preview',
  'POST /api/watch-signals/{id}/dismiss',
  'POST /api/watch-signals/{id}/open',
  'POST /api/working-group-rules',
  'PUT /api/detection-settings/default',
  'PUT /api/detection-settings/{orgUnitId}',
  'PUT /api/incidents/{id}/review',
  'PUT /api/signal-sources/{id}/import-mapping',
];

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
      },
    };
    expect(operationsWithoutResponse(synthetic)).toEqual(['DELETE /api/empty', 'GET /api/new']);
    expect(
      checkKnownList(operationsWithoutResponse(synthetic), ['DELETE /api/empty', 'GET /api/old']),
    ).toEqual([
      'no typed 2xx answer: GET /api/new',
      'listed as missing but now typed (remove it): GET /api/old',
    ]);
  });
});
