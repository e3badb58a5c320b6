// The data directory holds the accounts database, the collab documents and the generated secrets: only the
// server's own user may read it. Checked at every start so a directory made by an older version (0755, its
// files 0644) or copied in by hand is tightened, with a warning naming what was changed.
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../server-options.ts';
import { StartupError } from './startup-error.ts';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/** The SQLite databases with their write-ahead log, shared-memory index and rollback journal. */
const SQLITE_FILE = /\.sqlite(-wal|-shm|-journal)?$/;
/** A SQLite database itself (`syncode.sqlite`, `collab.sqlite`). */
export const SQLITE_DATABASE = /\.sqlite$/;
/** The collab store's journal of accepted updates not yet in collab.sqlite (server/storage/collab/update-journal.ts). */
export const COLLAB_JOURNAL = 'collab.journal';
/** The folder of generated secrets (server/config/secrets.ts). */
export const SECRETS_DIR = 'secrets';

/**
 * Creates `dataDir` (0700) if missing, else restricts it, its SQLite files and the collab journal (0600) and its secrets folder. A path that
 * cannot be a directory (a file, no permission) is a StartupError.
 */
export function secureDataDir(dataDir: string, log: Logger): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  } catch (error) {
    throw new StartupError(`cannot use ${dataDir} as the data directory (--data-dir or SYNCODE_DATA_DIR): ${(error as Error).message}`, { cause: error });
  }
  restrict(dataDir, DATA_DIR_MODE, log);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name);
    if (entry.isFile() && (SQLITE_FILE.test(entry.name) || entry.name === COLLAB_JOURNAL)) restrict(path, DATA_FILE_MODE, log);
    if (entry.isDirectory() && entry.name === SECRETS_DIR) {
      restrict(path, DATA_DIR_MODE, log);
      for (const secret of readdirSync(path, { withFileTypes: true })) {
        if (secret.isFile()) restrict(join(path, secret.name), DATA_FILE_MODE, log);
      }
    }
  }
}

/** Removes every permission bit beyond `mode` (never adds one); warns when it had to, or could not. */
function restrict(path: string, mode: number, log: Logger): void {
  const current = statSync(path).mode & 0o777;
  if ((current & ~mode) === 0) return;
  const octal = (m: number): string => `0${m.toString(8)}`;
  try {
    chmodSync(path, current & mode);
    log.warn('restricted the permissions of a data file', { path, from: octal(current), to: octal(current & mode) });
  } catch (error) {
    log.warn('cannot restrict the permissions of a data file: other local users may read it', {
      path,
      mode: octal(current),
      error: String(error),
    });
  }
}
