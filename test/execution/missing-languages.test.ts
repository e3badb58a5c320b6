// Offline practice offers only the languages this machine can run, and says how to get the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingLanguages } from '../../server/execution/install-hints.ts';
import { SUPPORTED_LANGUAGES } from '../../server/protocol/index.ts';
import { zHealthResponse } from '../../server/protocol/api/health.ts';
import { runRequest, startPlane, type PlaneFixture } from './plane-fixture.ts';

let fx: PlaneFixture;
beforeAll(async () => {
  // A PATH with no toolchain at all: only JavaScript and TypeScript (the server's own Node, bundled esbuild) remain.
  fx = await startPlane({ sandbox: 'limited', searchPath: '/nonexistent-syncode-path', workers: 1 });
});
afterAll(async () => {
  await fx.close();
});

describe('languages without a toolchain', () => {
  it('are left out of `languages` and listed in `missingLanguages` with an install hint', () => {
    const features = fx.plane.features();
    expect(features.languages.sort()).toEqual(['javascript', 'typescript']);
    expect(features.missingLanguages.map((m) => m.language)).toEqual(['python', 'go', 'rust', 'java', 'cpp', 'c']);
    expect(features.missingLanguages.find((m) => m.language === 'rust')?.installHint).toContain('rustup');
    expect(() => zHealthResponse.shape.features.parse({ media: false, recording: false, matchmaking: false, ai: false, email: false, ...features })).not.toThrow();
  });

  it('are refused with EXEC_UNAVAILABLE before anything is stored', async () => {
    await expect(fx.plane.enqueueRun(runRequest('python', 'print(1)'))).rejects.toThrow(expect.objectContaining({ code: 'EXEC_UNAVAILABLE' }));
    expect((await fx.plane.listRuns(runRequest('python', '').roomId, { limit: 10 })).items).toEqual([]);
  });

  it('have a hint for every language on every desktop OS', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const hints = missingLanguages(SUPPORTED_LANGUAGES, new Set(), platform);
      expect(hints.map((h) => h.language)).toEqual([...SUPPORTED_LANGUAGES]);
      for (const hint of hints) expect(hint.installHint.length, `${platform} ${hint.language}`).toBeGreaterThan(10);
    }
    expect(missingLanguages(SUPPORTED_LANGUAGES, new Set(), 'darwin').find((h) => h.language === 'c')?.installHint).toContain('xcode-select');
    expect(missingLanguages(SUPPORTED_LANGUAGES, new Set(), 'win32').find((h) => h.language === 'python')?.installHint).toContain('winget');
  });
});
