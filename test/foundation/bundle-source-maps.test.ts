// Server bundles (server/bundle-options.ts) are written with a source map beside them: a stack trace names the
// bundle's lines, and with NODE_OPTIONS=--enable-source-maps the TypeScript source's. Built here with the real
// esbuild and the options the CLIs, the embedded server and the benchmarks are built with.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE_OPTIONS } from '../../server/bundle-options.ts';
import { runNodeToExit } from '../support/node-script.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('server bundles and their source maps', () => {
  const dir = makeTempDir('syncode-bundle-map-');
  const bundle = join(dir.path, 'dist', 'entry.mjs');

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'src'));
    writeFileSync(join(dir.path, 'src', 'thrower.ts'), ['export function fail(): never {', "  throw new Error('thrown on purpose');", '}', ''].join('\n'));
    writeFileSync(
      join(dir.path, 'src', 'entry.ts'),
      ["import { fail } from './thrower.ts';", 'try {', '  fail();', '} catch (error) {', '  process.stdout.write(String((error as Error).stack));', '}', ''].join('\n'),
    );
    await build({ ...SERVER_BUNDLE_OPTIONS, entryPoints: [join(dir.path, 'src', 'entry.ts')], outfile: bundle });
  });
  afterAll(() => dir.remove());

  it('writes the map beside the bundle', () => {
    expect(existsSync(`${bundle}.map`)).toBe(true);
  });

  it('names the bundle in a stack trace by default, and the TypeScript source with --enable-source-maps', async () => {
    const plain = await runNodeToExit([bundle]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('thrown on purpose');
    expect(plain.stdout).toContain('entry.mjs:');
    expect(plain.stdout).not.toContain('thrower.ts');

    const mapped = await runNodeToExit([bundle], { env: { NODE_OPTIONS: '--enable-source-maps' } });
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toMatch(/src[/\\]thrower\.ts:2:\d+/);
  });
});
