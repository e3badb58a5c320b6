import { afterEach, describe, expect, it } from 'vitest';
import { HEALTH_CHECK_NAMES, type HealthResponse } from '../../server/protocol/index.ts';
import { testBackend } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('GET /v1/health', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('answers HealthResponse per spec with a request id', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/v1/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    const body = (await res.json()) as HealthResponse;
    expect(body.status).toMatch(/^(ok|degraded)$/);
    expect(body.mode).toBe('hosted');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number.isInteger(body.uptimeMs)).toBe(true);
    expect(Object.keys(body.checks).sort()).toEqual([...HEALTH_CHECK_NAMES].sort());
    expect(body.checks.database.status).toBe('ok');
    expect(body.features.sandbox).toMatch(/^(isolated|limited)$/);
    expect(Array.isArray(body.features.languages)).toBe(true);
    // One process (on the test pass's database): the scale-out fields say so.
    expect(body).toMatchObject({ database: testBackend(), nodes: 1 });
    expect(body.nodeId).toMatch(/^\S+$/);
  });

  it('reports the configured node id', async () => {
    server = await startTestServer({ nodeId: 'node-a.1' });
    const body = (await (await fetch(`${server.url}/v1/health`)).json()) as HealthResponse;
    expect(body.nodeId).toBe('node-a.1');
  });

  it('echoes a well-formed client request id and replaces a malformed one', async () => {
    server = await startTestServer();
    const ok = await fetch(`${server.url}/v1/health`, { headers: { 'x-request-id': 'abc.DEF-1_2' } });
    expect(ok.headers.get('x-request-id')).toBe('abc.DEF-1_2');
    const bad = await fetch(`${server.url}/v1/health`, { headers: { 'x-request-id': 'no spaces allowed' } });
    expect(bad.headers.get('x-request-id')).not.toBe('no spaces allowed');
  });

  it('reports unknown routes and wrong methods with typed errors', async () => {
    server = await startTestServer();
    const unknown = await fetch(`${server.url}/v1/does-not-exist`);
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as { code: string; requestId: string };
    expect(body.code).toBe('VALIDATION_UNKNOWN_ROUTE');
    expect(body.requestId).toBe(unknown.headers.get('x-request-id'));
    const wrong = await fetch(`${server.url}/v1/health`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(((await wrong.json()) as { code: string }).code).toBe('VALIDATION_METHOD_NOT_ALLOWED');
  });

  it('refuses a non-upgrade request under /collab with 426', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/collab/x/code`);
    expect(res.status).toBe(426);
  });
});
