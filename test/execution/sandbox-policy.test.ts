// Code never runs unsandboxed by accident. A hosted server whose bubblewrap cannot create namespaces (a default
// Docker container, a locked-down kernel) refuses runs, submissions and analyses with 503 EXEC_UNAVAILABLE and says
// why in /v1/health; `limited` happens only when the operator asks for it, with a warning at start and on every
// execution; the desktop's embedded server falls back to `limited` (the code is the user's own) and says so.
// "Cannot create namespaces" is a real executable standing in for bubblewrap, failing the way bubblewrap does.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/server-options.ts';
import type { HealthResponse } from '../../server/protocol/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { as, createRoom, expectError, join as joinRoom, people, problemBySlug } from '../control/rooms/room-fixture.ts';
import { runRequest, runToEnd, startPlane } from './plane-fixture.ts';

const DENIED = 'bwrap: Creating new namespace failed: Operation not permitted';
const temp = makeTempDir('syncode-no-userns-');
const noNamespacesBwrap = join(temp.path, 'bwrap');
writeFileSync(noNamespacesBwrap, `#!/bin/sh\necho '${DENIED}' >&2\nexit 1\n`);
chmodSync(noNamespacesBwrap, 0o755);
afterAll(() => temp.remove());

interface Logged {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}

function recordingLogger(): { log: Logger; lines: Logged[] } {
  const lines: Logged[] = [];
  const record = (level: Logged['level']) => (message: string, data?: Record<string, unknown>) => void lines.push({ level, message, data });
  return { log: { info: record('info'), warn: record('warn'), error: record('error') }, lines };
}

async function health(server: { url: string }): Promise<HealthResponse> {
  return (await (await fetch(`${server.url}/v1/health`)).json()) as HealthResponse;
}

describe('hosted, isolation unavailable, no SYNCODE_SANDBOX', () => {
  let server: TestServer;
  const { log, lines } = recordingLogger();
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, webRoot: null, log, execution: { bwrapPath: noNamespacesBwrap, workers: 1 } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('/v1/health says execution is down and why; no language is offered', async () => {
    const body = await health(server);
    expect(body.status).toBe('degraded');
    expect(body.checks.execution.status).toBe('down');
    expect(body.checks.execution.message).toContain(DENIED);
    expect(body.checks.execution.message).toContain('SYNCODE_SANDBOX=limited');
    expect(body.features.languages).toEqual([]);
    expect(body.features.analysisLanguages).toEqual([]);
    expect(lines.some((l) => l.level === 'error' && JSON.stringify(l.data).includes(DENIED))).toBe(true);
  });

  it('run, submit and analysis answer 503 EXEC_UNAVAILABLE with the reason, and submit leaves the editor unlocked', async () => {
    const [host, ann] = await people(server, ['Hana', 'Ann'] as const);
    const problem = await problemBySlug(server, host, 'two-sum');
    const room = await createRoom(server, host, { mode: 'interview', language: 'python', problemId: problem.id });
    await joinRoom(server, ann, room);
    await as(server, host).post(`/v1/rooms/${room.id}/control/phase`, { to: 'coding' });
    const run = await as(server, ann).post(`/v1/rooms/${room.id}/run`, { code: 'print(1)', language: 'python' });
    expectError(run, 503, 'EXEC_UNAVAILABLE');
    expect(run.body.message).toContain(DENIED);
    expectError(await as(server, ann).post(`/v1/rooms/${room.id}/submit`, {}), 503, 'EXEC_UNAVAILABLE');
    const analysis = await as(server, ann).post(`/v1/rooms/${room.id}/analysis`, { code: 'import os\n', language: 'python' });
    expectError(analysis, 503, 'EXEC_UNAVAILABLE');
    expect(analysis.body.message).toContain(DENIED);
    expect((await as(server, host).get(`/v1/rooms/${room.id}`)).body.editorLocked).toBe(false);
    expect((await as(server, host).get(`/v1/rooms/${room.id}/runs`)).body.items).toEqual([]);
  });
});

describe('SYNCODE_SANDBOX=limited', () => {
  it('runs without isolation, with a warning at start and one per execution', async () => {
    const { log, lines } = recordingLogger();
    const fx = await startPlane({ sandbox: 'limited', bwrapPath: noNamespacesBwrap, workers: 1, log });
    try {
      const warnings = (): Logged[] => lines.filter((l) => l.level === 'warn' && l.message.includes('SYNCODE_SANDBOX=limited'));
      expect(warnings()).toHaveLength(1);
      expect(fx.plane.health()).toMatchObject({ status: 'ok', message: expect.stringContaining('without isolation: SYNCODE_SANDBOX=limited') });
      const first = await runToEnd(fx.plane, runRequest('python', 'print(6 * 7)'));
      const second = await runToEnd(fx.plane, runRequest('python', 'print(7 * 7)'));
      expect([first.result?.stdout, second.result?.stdout]).toEqual(['42\n', '49\n']);
      expect(warnings().map((l) => l.data?.id)).toEqual([undefined, first.id, second.id]);
    } finally {
      await fx.close();
    }
  });
});

describe('embedded, isolation unavailable', () => {
  it('falls back to limited and says so in the features and the health check', async () => {
    const server = await startTestServer({ mode: 'embedded', webRoot: null, execution: { bwrapPath: noNamespacesBwrap, workers: 1 } });
    try {
      const body = await health(server);
      expect(body.features.sandbox).toBe('limited');
      expect(body.features.languages).toContain('python');
      expect(body.checks.execution).toMatchObject({ status: 'ok', message: expect.stringContaining(`without isolation: bubblewrap cannot create the sandbox's namespaces: ${DENIED}`) });
    } finally {
      await server.stop();
    }
  });

  it('still runs code in the fallback', async () => {
    const fx = await startPlane({ sandbox: 'auto', bwrapPath: noNamespacesBwrap, workers: 1 });
    try {
      expect(fx.plane.features().sandbox).toBe('limited');
      const run = await runToEnd(fx.plane, runRequest('python', 'print("fallback")'));
      expect(run).toMatchObject({ status: 'completed', result: { stdout: 'fallback\n' } });
    } finally {
      await fx.close();
    }
  });
});
