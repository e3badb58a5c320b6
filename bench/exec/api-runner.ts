// A real server on 127.0.0.1 port 0 with one room in the `coding` phase, to time runs through the REST API
// (POST /v1/rooms/:id/run, then GET /v1/runs/:id until it completes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../server/logger.ts';
import type { SupportedLanguage } from '../../server/protocol/index.ts';
import { startServer } from '../../server/start-server.ts';

export interface ApiRunner {
  /** Milliseconds from the POST to the poll that sees `completed`. */
  run(language: SupportedLanguage, code: string): Promise<number>;
  close(): Promise<void>;
}

const POLL_MS = 5;

export type RestCall = (method: string, path: string, token?: string, body?: unknown) => Promise<any>;

/** JSON calls to a server's REST API; any status of 300 or above throws with the body. */
export function restCaller(baseUrl: string): RestCall {
  return async (method, path, token, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

export async function startApiRunner(workers: number): Promise<ApiRunner> {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncode-bench-api-'));
  const server = await startServer({ port: 0, dataDir, webRoot: null, problemsDir: null, rateLimits: false, execution: { workers }, log: silentLogger });
  const call = restCaller(server.url);
  const auth = await call('POST', '/v1/auth/register', undefined, { email: 'bench@example.com', password: 'bench password 1', displayName: 'Bench' });
  const token = auth.accessToken as string;
  const room = await call('POST', '/v1/rooms', token, { mode: 'interview', language: 'python' });
  await call('POST', `/v1/rooms/${room.id}/control/phase`, token, { to: 'coding' });
  return {
    async run(language, code) {
      const started = performance.now();
      const accepted = await call('POST', `/v1/rooms/${room.id}/run`, token, { language, code, stdin: '' });
      for (;;) {
        const result = await call('GET', accepted.pollUrl, token);
        if (result.status === 'completed' && result.result.verdict === 'ACCEPTED') return performance.now() - started;
        if (result.status === 'completed' || result.status === 'failed') throw new Error(`${language}: ${JSON.stringify(result)}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
