import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../server/paths.ts';
import { MALLOC_TRIM_ADDON } from '../../server/malloc-trim.ts';
import { runNodeScript } from '../support/node-script.ts';

// A real Node process with the helper that `npm install` built (scripts/build-native.ts): it fragments malloc's
// heap (50,000 Buffers of 2 KiB outside Node's pool, one in 20 kept), lets V8 free the rest, and prints its RSS
// before and after one trim. glibc cannot give those pages back from the top of its heap: only the trim can.
const CHILD = `
const { loadMallocTrim } = await import(process.env.MODULE_URL);
const warnings = [];
const trim = loadMallocTrim({ info() {}, warn: (msg, fields) => warnings.push({ msg, ...fields }), error() {} });
let all = [];
for (let i = 0; i < 50_000; i++) all.push(Buffer.allocUnsafeSlow(2048).fill(1));
const kept = all.filter((_, i) => i % 20 === 0);
all = null;
globalThis.gc();
// V8 frees array buffers' memory on a background thread after the collection.
await new Promise((resolve) => setTimeout(resolve, 500));
const before = process.memoryUsage.rss();
const trimmed = trim ? trim() : null;
const after = process.memoryUsage.rss();
process.stdout.write(JSON.stringify({ loaded: trim !== null, warnings, trimmed, before, after, kept: kept.length }));
`;

const MiB = 1024 * 1024;

describe('malloc trim helper (server/malloc-trim.ts, server/native/malloc-trim.c)', () => {
  it.runIf(process.platform === 'linux')('is built on install and gives a fragmented heap’s free pages back to the system', async () => {
    expect(existsSync(MALLOC_TRIM_ADDON)).toBe(true);
    const { code, stdout, stderr } = await runNodeScript(CHILD, {
      nodeArgs: ['--expose-gc'],
      env: { MODULE_URL: pathToFileURL(join(REPO_ROOT, 'server/malloc-trim.ts')).href },
    });
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as { loaded: boolean; warnings: unknown[]; trimmed: boolean; before: number; after: number; kept: number };
    expect(result).toMatchObject({ loaded: true, warnings: [], trimmed: true, kept: 2500 });
    expect(result.before - result.after).toBeGreaterThan(40 * MiB);
  }, 30_000);
});
