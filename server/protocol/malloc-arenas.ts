// How many malloc arenas a server process may use, agreed between the process that starts a server (the
// desktop app forking the embedded server) and the server CLIs that continue as their bundle with it
// (server/cli-launch.ts). glibc gives each thread that allocates an arena of its own and keeps in it what
// a burst freed: V8's compiler and GC threads and libuv's pool left a collab server holding five arenas,
// 15 MiB, after a late joiner's burst. Two arenas held the same loads in 4–7 MiB less RSS at no measured CPU
// or latency cost (`npm run bench:collab` (a), (c), (d), alternated). glibc reads the variable once, when
// the process starts; other C libraries ignore it.

const VARIABLE = 'MALLOC_ARENA_MAX';
const SERVER_ARENAS = '2';

/**
 * The environment a server process should run with on `platform`, or null when `env` already has what it
 * needs: off Linux (no glibc), or when the operator set the variable (their value is kept).
 */
export function serverMallocEnv<Env extends Record<string, string | undefined>>(env: Env, platform: string): Env | null {
  if (platform !== 'linux' || env[VARIABLE] !== undefined) return null;
  return { ...env, [VARIABLE]: SERVER_ARENAS };
}
