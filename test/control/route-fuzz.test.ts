// Every route of the REST map, fed what a careless or hostile client sends: malformed path parameters
// (unknown ids, broken percent-encoding, 3,000 characters), junk and repeated query parameters, bodies that are
// not JSON or not objects, 40,000 levels of nesting, the wrong content type, and each body field set to a value
// of the wrong kind. Every answer must be a 4xx with the taxonomy's JSON error body (or the route's success, or
// a 503 for an area that is not available): never a 5xx, never a dropped connection, nothing logged as an error.
// A route added to the map is fuzzed without touching this file. The AI provider is the fake OpenAI-compatible
// server (test/support/fake-openai.ts), so the AI routes get past "not configured" to their validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, type RouteSpec } from '../../server/protocol/api/routes/index.ts';
import type { Logger } from '../../server/server-options.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN, call, loginAdmin, registerUser } from './api.ts';

const BAD_PARAMS = ['nope', 'x'.repeat(3000), '%00', '%E0%A4%A', '..%2F..', '-1', '%F0%9F%98%80'];
const BAD_QUERY_VALUES = ['abc', '-1', '1e309', '', '%ZZ', 'a%00b', '99999999999999999999'];
const BAD_FIELD_VALUES: unknown[] = [null, -1, 1e308, 1.5, '', 'x'.repeat(100_000), [], { a: 1 }, true, '\ud800', 'a\u0000b', ['a\u0000b'], { a: 'a\u0000b' }];
const RAW_BODIES = ['not json', '[]', 'null', '{"a":', '"text"', '7', '['.repeat(40_000) + ']'.repeat(40_000), '{"__proto__":{"role":"admin"}}'];

/** The top-level field names of a body or query schema (objects, and unions or pipes of objects). */
function fieldsOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, any> } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.shape) return Object.keys(def.shape);
  if (Array.isArray(def.options)) return [...new Set(def.options.flatMap(fieldsOf))];
  return fieldsOf(def.in ?? def.innerType ?? def.schema);
}

describe('every route answers malformed input with a typed 4xx', () => {
  let fake: FakeOpenAi;
  let server: TestServer;
  const errorsLogged: string[] = [];
  const log: Logger = { info() {}, warn() {}, error: (message, data) => errorsLogged.push(`${message} ${String(data?.error)}`) };
  let tokens: string[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    server = await startTestServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password, rateLimits: false, log, ai: { baseUrl: fake.baseUrl, model: 'fake-model' } });
    const admin = await loginAdmin(server);
    const user = await registerUser(server, 'Fuzz');
    // Routes that change a user (ban, kick) act on this one, so the caller keeps its rights throughout.
    const other = await registerUser(server, 'Other');
    const room = await call(server, 'POST', '/v1/rooms', { token: user.accessToken, body: { mode: 'interview', language: 'python' } });
    const problems = await call(server, 'GET', '/v1/problems', { token: user.accessToken });
    tokens = [admin.accessToken, user.accessToken];
    ids = { roomId: room.body.id, sessionId: room.body.id, userId: other.user.id, problemId: problems.body.items[0].id, code: room.body.code };
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** What is wrong with one answer, or null. */
  async function probe(method: string, path: string, token: string, body?: string, contentType = 'application/json'): Promise<string | null> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = contentType;
    let res: Response;
    try {
      res = await fetch(server.url + path, { method, headers, body, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      return `no answer (${String(error)})`;
    }
    const text = await res.text();
    if (res.status >= 500 && res.status !== 503) return `${res.status} ${text.slice(0, 160)}`;
    if (res.status < 400) return null;
    try {
      const code = (JSON.parse(text) as { code?: unknown }).code;
      return typeof code === 'string' ? null : `${res.status} without an error code: ${text.slice(0, 160)}`;
    } catch {
      return `${res.status} not JSON: ${text.slice(0, 160)}`;
    }
  }

  for (const [key, spec] of Object.entries(apiRoutes) as [string, RouteSpec][]) {
    if (spec.stream) continue;
    it(key, async () => {
      errorsLogged.length = 0;
      const [method, template] = key.split(' ') as [string, string];
      const fill = (pick: (name: string) => string) => template.replace(/:(\w+)/g, (_, name: string) => pick(name));
      const path = fill((name) => encodeURIComponent(ids[name] ?? 'x'));
      const cases: [string, string, string | undefined, string?][] = [];
      if (template.includes(':')) for (const bad of BAD_PARAMS) cases.push([`param ${bad.slice(0, 12)}`, fill(() => bad), undefined]);
      for (const field of fieldsOf(spec.query)) {
        for (const value of BAD_QUERY_VALUES) cases.push([`query ${field}=${value}`, `${path}?${field}=${value}&${field}=2`, undefined]);
      }
      cases.push(['junk query', `${path}?%ZZ=1&a[b]=2&=`, undefined]);
      if (method !== 'GET') {
        for (const raw of RAW_BODIES) cases.push([`body ${raw.slice(0, 12)}`, path, raw]);
        cases.push(['text/plain body', path, '{}', 'text/plain']);
        cases.push(['UTF-16 body', path, '{}', 'application/json; charset=utf-16']);
        for (const field of fieldsOf(spec.body)) {
          for (const value of BAD_FIELD_VALUES) cases.push([`${field}: ${JSON.stringify(value).slice(0, 12)}`, path, JSON.stringify({ [field]: value })]);
        }
      }
      const problems: string[] = [];
      for (const token of tokens) {
        for (const [what, url, body, contentType] of cases) {
          const problem = await probe(method, url, token, body, contentType);
          if (problem) problems.push(`${what}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
      expect(errorsLogged).toEqual([]);
    });
  }
});
