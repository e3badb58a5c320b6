import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFile, checkRepository } from '../../scripts/layering.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('layering lint (ARCHITECTURE.md import table)', () => {
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
  ])('%s: %s is allowed', (file, source) => {
    expect(checkFile(REPO_ROOT, file, source + '\n')).toEqual([]);
  });
});
