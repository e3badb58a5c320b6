// `node server/collab/cli.ts`: the standalone collab process of a split deployment (server/collab/cli-main.ts
// has its options). The malloc arena limit is checked before the server's modules load, so the re-execution it
// may cost (server/malloc-arenas.ts) is a few milliseconds instead of loading them twice.
import { limitMallocArenas } from '../malloc-arenas.ts';

limitMallocArenas();
await import('./cli-main.ts');
