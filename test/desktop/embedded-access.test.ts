import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { startServerSupervisor, type ServerSupervisor } from '../../main/server-supervisor.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { EMBEDDED_ENTRY, nodeFork, type NodeForkRecorder } from './node-fork.ts';

/** Status of GET /v1/health with the given headers (node:http, so Origin is sent exactly as given). */
function getStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/health`, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

/** HTTP status the upgrade was refused with, or 'upgraded' when it went through. */
function upgradeOutcome(url: string, headers: Record<string, string>, origin?: string): Promise<number | 'upgraded'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/collab/00000000-0000-4000-8000-000000000000/code`, {
      headers,
      ...(origin ? { origin } : {}),
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode!);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve('upgraded');
      ws.terminate();
    });
    ws.on('error', () => {}); // the outcome is reported above
  });
}

describe('the embedded server only serves our own renderer (real embedded child)', () => {
  let forker: NodeForkRecorder;
  let supervisor: ServerSupervisor;
  let url: string;
  let remove: () => void;
  beforeAll(async () => {
    const dir = makeTempDir('syncode-embedded-');
    remove = dir.remove;
    forker = nodeFork();
    supervisor = startServerSupervisor({
      fork: forker.fork,
      entryPath: EMBEDDED_ENTRY,
      dataDir: dir.path,
      webRoot: null,
      problemsDir: null,
      onStatus: () => {},
    });
    url = await supervisor.ready();
  });
  afterAll(async () => {
    await supervisor.close();
    forker.killAll();
    remove();
  });

  const secret = (): Record<string, string> => ({ [LAUNCH_SECRET_HEADER]: supervisor.launchSecret });

  it('refuses HTTP requests without the secret or with a wrong one', async () => {
    expect(await getStatus(url, {})).toBe(403);
    expect(await getStatus(url, { [LAUNCH_SECRET_HEADER]: 'x'.repeat(43) })).toBe(403);
    expect(await getStatus(url, secret())).toBe(200);
  });

  it('refuses HTTP requests from a foreign Origin even with the secret', async () => {
    expect(await getStatus(url, { ...secret(), origin: 'https://evil.example' })).toBe(403);
    expect(await getStatus(url, { ...secret(), origin: url })).toBe(200);
  });

  it('refuses WebSocket upgrades without the secret or from a foreign Origin', async () => {
    expect(await upgradeOutcome(url, {})).toBe(403);
    expect(await upgradeOutcome(url, secret(), 'https://evil.example')).toBe(403);
    // With the secret and our own origin the upgrade gets past the guard (to the collab plane's checks).
    expect(await upgradeOutcome(url, secret(), url)).not.toBe(403);
  });
});
