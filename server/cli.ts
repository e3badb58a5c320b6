// `npm run server`: the standalone (hosted) server (server/cli-main.ts). The malloc arena limit is checked
// before the server's modules load, so the re-execution it may cost (server/malloc-arenas.ts) is a few
// milliseconds instead of loading them twice.
import { limitMallocArenas } from './malloc-arenas.ts';

limitMallocArenas();
await import('./cli-main.ts');
