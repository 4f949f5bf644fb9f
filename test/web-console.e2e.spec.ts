import { existsSync } from 'node:fs';
import { isReservedPath, webConsole } from '../src/common/web-console.js';
import { createTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

/** The service serves the built console (jest's global setup builds web/dist when it is stale). */
describe(`${webConsole.name} (e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves a favicon (browsers ask for /favicon.ico on every page)', async () => {
    const icon = await t.http().get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(Buffer.from(icon.body as Buffer).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const page = await t.http().get('/').set('Accept', 'text/html');
    expect(page.text).toContain('<link rel="icon" href="/favicon.ico"');
  });

  it('serves the console at / and its pages, with the API, docs, health and socket.io left alone', async () => {
    expect(existsSync('web/dist/index.html')).toBe(true);
    const root = await t.http().get('/').set('Accept', 'text/html');
    expect(root.status).toBe(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.text).toContain('<div id="root">');
    expect(root.headers['cache-control']).toBe('no-cache');
    // Served over plain HTTP on an intranet, the page must not be told to fetch its scripts over HTTPS.
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    expect(root.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // The console holds the session's tokens: no inline script may run there; only Swagger UI needs them.
    expect(root.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    const swagger = await t.http().get('/docs/').set('Accept', 'text/html');
    expect(swagger.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    // A page of the single-page app, loaded directly (a link in an e-mail): the same index.html.
    const page = await t
      .http()
      .get('/approvals/6a1f0c8e-8d0e-4d55-a1e4-3e2e8f2b9c11/2')
      .set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toBe(root.text);
    // Built assets, cached for good (their names change with their content).
    const asset = root.text.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const js = await t.http().get(asset).set('Accept-Encoding', 'identity');
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['content-encoding']).toBeUndefined();
    // Compressed once at build time; sent to browsers that accept it, the same bytes once decoded.
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const packed = await t
        .http()
        .get(asset)
        .set('Accept-Encoding', accept)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers['content-type']).toMatch(/javascript/);
      expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
      expect(Buffer.from(packed.body as Buffer).toString()).toBe(js.text);
    }
    expect(
      (await t.http().get('/assets/..%2f..%2fpackage.json').set('Accept-Encoding', 'br')).status,
    ).not.toBe(200);
    // What the service answers itself is never swallowed by the fallback.
    const api = await t.http().get('/api/no-such-route').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const me = await t.http().get('/api/me').set('Accept', 'text/html');
    expect(me.status).toBe(401);
    expect((await t.http().get('/health')).body).toHaveProperty('status');
    expect((await t.http().get('/docs-json')).body).toHaveProperty('openapi');
    const docs = await t.http().get('/docs').set('Accept', 'text/html').redirects(1);
    expect(docs.text).toMatch(/swagger/i);
    const polling = await t.http().get('/socket.io/?EIO=4&transport=polling').set('Accept', 'text/html');
    expect(polling.text).toMatch(/^0\{"sid"/);
    // A missing file, or a client that wants no page, gets the API's JSON 404.
    expect((await t.http().get('/assets/missing-123.js')).body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.http().get('/incidents').set('Accept', 'application/json')).body).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await t.http().post('/incidents').set('Accept', 'text/html').send({})).status).toBe(404);
  });

  it('knows which paths are the service’s own', () => {
    for (const p of [
      '/api',
      '/api/me',
      '/docs',
      '/docs/swagger-ui.css',
      '/docs-json',
      '/health',
      '/socket.io/',
    ]) {
      expect(isReservedPath(p)).toBe(true);
    }
    for (const p of ['/', '/incidents/x', '/apis', '/docsx', '/healthy', '/approvals']) {
      expect(isReservedPath(p)).toBe(false);
    }
  });
});
