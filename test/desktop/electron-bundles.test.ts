import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { runInNewContext } from 'node:vm';
import { bridgeName, EVENT_CHANNEL, IPC_CHANNELS } from '../../preload/api.ts';
import { join } from 'node:path';
import { appPaths } from '../../main/app-paths.ts';
import { startServerSupervisor, type ServerSupervisor } from '../../main/server-supervisor.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { pollUntil } from '../support/poll.ts';
import { nodeFork, type NodeForkRecorder } from './node-fork.ts';

/** Bare module specifiers a bundle still loads at run time (`require("x")` or `from "x"`). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:require\(|from\s*|import\()\s*["']([^"'./][^"']*)["']/g)) found.add(m[1]!);
  return [...found].filter((s) => !s.startsWith('node:') && !builtinModules.includes(s)).sort();
}

describe('the Electron bundles (scripts/build-electron.ts)', () => {
  const paths = appPaths(new URL('../../dist/main/main.js', import.meta.url).href);
  beforeAll(() => {
    const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-electron.ts')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  }, 60_000);

  it('the sandboxed preload loads nothing but electron', () => {
    // A sandboxed preload can only require a few Electron-provided modules: everything else is bundled.
    expect(runtimeImports(paths.preload)).toEqual(['electron']);
  });

  it('the preload bundle, run as a sandboxed preload, exposes exactly window.syncode', async () => {
    // Stand-ins for Electron's contextBridge and ipcRenderer (Electron cannot run here): a sandboxed
    // preload gets a `require` that knows `electron` and little else, so give it only that.
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'answer' }),
        on: (channel: string, l: (...a: unknown[]) => void) => listeners.set(channel, l),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    const require = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    runInNewContext(readFileSync(paths.preload, 'utf8'), { require, module, exports: module.exports });
    expect(Object.keys(exposed)).toEqual(['syncode']);
    const bridge = exposed.syncode as Record<string, (...a: unknown[]) => Promise<unknown>> & {
      on: (e: string, l: (p: unknown) => void) => () => void;
    };
    expect(Object.keys(bridge).sort()).toEqual([...IPC_CHANNELS.map(bridgeName), 'on'].sort());
    expect(await bridge.storeLoad!({ server: 'http://127.0.0.1:1', roomId: 'r', doc: 'code' })).toBe('answer');
    expect(invoked).toEqual([['store:load', { server: 'http://127.0.0.1:1', roomId: 'r', doc: 'code' }]]);
    const links: unknown[] = [];
    const off = bridge.on('deep-link', (p) => links.push(p));
    listeners.get(EVENT_CHANNEL)!({ sender: 'ipcRenderer itself' }, { event: 'deep-link', payload: { code: 'ABC234' } });
    expect(links).toEqual([{ code: 'ABC234' }]); // the payload only, never the Electron event
    off();
    expect(listeners.has(EVENT_CHANNEL)).toBe(false);
  });

  it('the embedded server bundle is ASCII, its licence notices beside it', () => {
    // V8 keeps a script's source for the life of the process: one byte per character only if all of it is
    // ASCII. One em dash in a comment doubles what the bundle costs in memory.
    const bundle = readFileSync(paths.embeddedEntry);
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    expect(readFileSync(`${paths.embeddedEntry}.LEGAL.txt`, 'utf8')).toContain('MIT');
  });

  it('main leaves only electron and the N-API modules outside the bundle', () => {
    expect(runtimeImports(join(REPO_ROOT, 'dist/main/main.js'))).toEqual(['better-sqlite3', 'electron', 'keytar']);
  });

  describe('the bundled embedded entry main forks', () => {
    let forker: NodeForkRecorder;
    let supervisor: ServerSupervisor;
    let dir: ReturnType<typeof makeTempDir>;
    beforeAll(() => {
      dir = makeTempDir('syncode-bundle-');
      forker = nodeFork();
      supervisor = startServerSupervisor({
        fork: forker.fork,
        entryPath: paths.embeddedEntry,
        dataDir: dir.path,
        webRoot: paths.webRoot,
        problemsDir: null,
        onStatus: () => {},
      });
    });
    afterAll(async () => {
      await supervisor.close();
      forker.killAll();
      dir.remove();
    });

    it('starts in embedded mode and reports the repository version', async () => {
      const url = await supervisor.ready();
      const res = await fetch(`${url}/v1/health`, { headers: { [LAUNCH_SECRET_HEADER]: supervisor.launchSecret } });
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(await res.json()).toMatchObject({ mode: 'embedded', version: pkg.version });
      expect(runtimeImports(paths.embeddedEntry)).not.toContain('electron');
    });

    it('analyses TypeScript with the bundled runner, in the sandbox', async () => {
      const url = await supervisor.ready();
      const call = async (method: string, path: string, body?: unknown, token?: string) => {
        const headers: Record<string, string> = { [LAUNCH_SECRET_HEADER]: supervisor.launchSecret, 'content-type': 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return (await res.json()) as any;
      };
      const health = await call('GET', '/v1/health');
      expect(health.features.analysisLanguages).toEqual(expect.arrayContaining(['javascript', 'typescript']));
      const { accessToken } = await call('POST', '/v1/auth/register', { email: 'bundle@example.com', password: 'correct horse battery', displayName: 'B' });
      const room = await call('POST', '/v1/rooms', { mode: 'practice', language: 'typescript' }, accessToken);
      const job = await call('POST', `/v1/rooms/${room.id}/analysis`, { code: 'const n: number = "x";\nconsole.log(n);\n', language: 'typescript' }, accessToken);
      const done = await pollUntil(() => call('GET', job.pollUrl, undefined, accessToken), (j) => j.status === 'completed', { timeoutMs: 60_000, what: 'analysis' });
      expect(done.result.issues).toEqual([expect.objectContaining({ line: 1, ruleId: 'ts:2322', severity: 'error' })]);
    }, 90_000);
  });
});
