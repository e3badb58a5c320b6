import { describe, expect, it } from 'vitest';
import { serverMallocEnv } from '../../server/protocol/malloc-arenas.ts';

describe('serverMallocEnv (the environment a server process runs with)', () => {
  it('adds MALLOC_ARENA_MAX=2 on Linux, leaving the given environment as it was', () => {
    const env = { PATH: '/usr/bin' };
    expect(serverMallocEnv(env, 'linux')).toEqual({ PATH: '/usr/bin', MALLOC_ARENA_MAX: '2' });
    expect(env).toEqual({ PATH: '/usr/bin' });
  });

  it('changes nothing when the operator set the variable or off Linux (no glibc)', () => {
    expect(serverMallocEnv({ MALLOC_ARENA_MAX: '8' }, 'linux')).toBeNull();
    expect(serverMallocEnv({}, 'darwin')).toBeNull();
    expect(serverMallocEnv({}, 'win32')).toBeNull();
  });
});
