import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { REPO_ROOT } from '../../server/paths.ts';

// js-yaml ships no types; only `load` is needed.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
const config = load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema electron-builder ships', () => {
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check bites: an unknown key and a wrong type are reported', () => {
    expect(validate({ ...config, npmRebuld: false })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } })).toBe(false);
  });

  it('targets the three platforms, registers syncode://, and ships the native modules unpacked', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true); // credentials come from APPLE_* environment variables
    expect(config.protocols[0].schemes).toEqual(['syncode']);
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
    for (const entitlements of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(readFileSync(join(REPO_ROOT, entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    }
  });

  it('package.json passes electron-builder\'s own metadata check (electron only in devDependencies)', () => {
    const file = join(REPO_ROOT, 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as object;
    const { checkMetadata } = createRequire(import.meta.url)(
      join(REPO_ROOT, 'node_modules/app-builder-lib/out/util/packageMetadata.js'),
    ) as { checkMetadata: (m: object, dev: object, f: string, devF: string) => void };
    expect(() => checkMetadata({ author: 'SynCode', ...pkg }, pkg, file, file)).not.toThrow();
    expect(() => checkMetadata({ ...pkg, dependencies: { electron: '^45' } }, pkg, file, file)).toThrow(/only allowed in "devDependencies"/);
  });

  it('packs what main loads at run time', () => {
    // main/app-paths.ts resolves these relative to dist/main/main.js.
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'resources/problems/**/*', 'package.json']));
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/main.js');
  });
});
