import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFile, checkRepository } from '../../scripts/layering.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('layering lint (ARCHITECTURE.md import table, package runtimes, raw IPC)', () => {
  const dirs: { remove: () => void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('passes on this repository', () => {
    expect(checkRepository(REPO_ROOT)).toEqual([]);
  });

  it('rejects a renderer → server/control import with a message naming the allowed imports', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    mkdirSync(join(dir.path, 'renderer/src'), { recursive: true });
    mkdirSync(join(dir.path, 'server/control'), { recursive: true });
    writeFileSync(join(dir.path, 'server/control/index.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir.path, 'renderer/src/bad.ts'), "import { x } from '../../server/control/index.ts';\nexport const y = x;\n");
    const violations = checkRepository(dir.path);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.file).toBe('renderer/src/bad.ts');
    expect(violations[0]!.message).toContain('renderer/ may import renderer/, server/protocol/, preload/api.ts');
  });

  it('rejects a dependency of package.json that is not classified by where it may run', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ dependencies: { zod: '^4', 'left-pad': '^1' } }));
    expect(checkRepository(dir.path).map((v) => [v.file, v.message])).toEqual([
      ['package.json', expect.stringContaining("'left-pad' is not classified")],
    ]);
  });

  it.each([
    ['renderer/src/a.ts', "import { readFileSync } from 'node:fs';", 'renderer/ may import'],
    ['renderer/src/a.ts', "import { app } from 'electron';", 'renderer/ may import'],
    ['server/protocol/a.ts', "import { x } from '../http/respond.ts';", 'server/protocol/ may import'],
    ['server/protocol/a.ts', "import { createHash } from 'node:crypto';", 'server/protocol/ may import'],
    ['server/control/a.ts', "import { app } from 'electron';", 'server/ may import'],
    ['main/a.ts', "import { startServer } from '../server/start-server.ts';", 'main/ may import'],
    ['preload/a.ts', "import { x } from '../main/ipc-handlers.ts';", 'preload/ may import'],
    ['server/control/a.ts', "import { x } from '../collab/room-registry.ts';", 'planes talk through server/collab/index.ts'],
    ['server/control/a.ts', 'export default function f() {}', 'named exports only'],
    ['renderer/src/a.ts', "import Database from 'better-sqlite3';", "'better-sqlite3' is a node package, usable only in server/, main/, test/"],
    ['server/protocol/a.ts', "import { WebSocket } from 'ws';", "'ws' is a node package, usable only in server/, main/"],
    ['server/collab/a.ts', "import { createRoot } from 'react-dom/client';", "'react-dom' is a dom package, usable only in renderer/"],
    ['server/control/auth/a.ts', "import { SMTPServer } from 'smtp-server';", "'smtp-server' is a dev package, usable only in test/, scripts/, bench/"],
    ['main/a.ts', "import { chromium } from 'playwright-core';", "'playwright-core' is a dev package, usable only in test/, scripts/, bench/"],
    ['main/a.ts', "import { ipcMain } from 'electron';", "may not import ipcMain from 'electron': only main/main.ts does"],
    ['main/ipc-handlers.ts', "import { app, ipcMain as m } from 'electron';", "may not import ipcMain from 'electron'"],
    ['preload/a.ts', "import { ipcRenderer } from 'electron';", "may not import ipcRenderer from 'electron': only preload/preload.ts does"],
    ['renderer/src/a.ts', "import leftPad from 'left-pad';", "'left-pad' is not classified: add it to scripts/package-runtimes.ts"],
    ['server/protocol/a.ts', "import { z } from 'zod';", "write import * as z from 'zod'"],
    ['server/http/a.ts', "import { createServer, type IncomingMessage } from 'node:http';", 'take nodeHttp from server/http/node-http.ts'],
    ['server/cluster/a.ts', "import { type IncomingMessage } from 'node:http';", 'take nodeHttp from server/http/node-http.ts'],
  ])('%s: %s is refused', (file, source, expected) => {
    const violations = checkFile(REPO_ROOT, file, source + '\n');
    expect(violations.map((v) => v.message).join('\n')).toContain(expected);
  });

  it.each([
    ['renderer/src/a.ts', "import type { RoomEvent } from '../../server/protocol/index.ts';"],
    ['renderer/src/a.ts', "import type { SyncodeBridge } from '../../preload/api.ts';"],
    ['main/a.ts', "import { CloseCode } from '../server/protocol/index.ts';"],
    ['server/control/a.ts', "import type { ExecutionPlane } from '../execution/types.ts';"],
    ['server/control/a.ts', "import { createCollabPlane } from '../collab/index.ts';"],
    ['server/protocol/a.ts', "import * as z from 'zod';\nimport * as encoding from 'lib0/encoding';"],
    ['server/protocol/a.ts', "import type { z } from 'zod';"],
    ['server/http/a.ts', "import type { IncomingMessage } from 'node:http';"],
    ['test/a.test.ts', "import { createServer } from 'node:http';"],
    ['renderer/src/a.ts', "import * as Y from 'yjs';\nimport { Tldraw } from 'tldraw';"],
    ['main/main.ts', "import { app, ipcMain } from 'electron';\nimport Database from 'better-sqlite3';"],
    ['preload/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';"],
    ['test/a.test.ts', "import Database from 'better-sqlite3';\nimport Ajv from 'ajv';"],
    ['test/a.test.ts', "import { SMTPServer } from 'smtp-server';\nimport { chromium } from 'playwright-core';"],
  ])('%s: %s is allowed', (file, source) => {
    expect(checkFile(REPO_ROOT, file, source + '\n')).toEqual([]);
  });
});
