// A copy of a server's data directory taken while the server runs (`npm run backup`, server/backup-cli.ts).
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLAB_JOURNAL, DATA_DIR_MODE, DATA_FILE_MODE, SECRETS_DIR, SQLITE_DATABASE } from '../config/data-dir.ts';
import { StartupError } from '../config/startup-error.ts';

export interface BackedUpFile {
  /** Relative to the backup folder (`syncode.sqlite`, `secrets/jwt-secret`). */
  name: string;
  bytes: number;
}

/**
 * Copies what a data directory holds into `target` (created 0700; its files 0600, as in the data directory):
 * - every SQLite database, with `VACUUM INTO`: one read transaction, so each copy is everything committed when it
 *   began, whatever the running server writes meanwhile (its write-ahead log included, no -wal or -shm file
 *   needed), compacted;
 * - the collab journal (updates committed but not yet moved into collab.sqlite), copied before collab.sqlite: a row
 *   the server moves meanwhile is then in the database's copy, and a row it moved before is in both (the restored
 *   server keeps it once);
 * - the generated secrets, so that sessions and invite tokens stay valid after a restore.
 * Throws a StartupError (the CLI exits 2) when `dataDir` holds no database or `target` already holds a backup.
 */
export function backupDataDir(dataDir: string, target: string): BackedUpFile[] {
  const databases = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => SQLITE_DATABASE.test(name)).sort() : [];
  if (databases.length === 0) throw new StartupError(`${dataDir} holds no SynCode database (--data-dir or SYNCODE_DATA_DIR)`);
  const secrets = existsSync(join(dataDir, SECRETS_DIR)) ? readdirSync(join(dataDir, SECRETS_DIR)).sort() : [];
  const journal = existsSync(join(dataDir, COLLAB_JOURNAL)) ? [COLLAB_JOURNAL] : [];
  const names = [...databases, ...journal, ...secrets.map((s) => join(SECRETS_DIR, s))];
  const taken = names.find((name) => existsSync(join(target, name)));
  if (taken !== undefined) throw new StartupError(`${join(target, taken)} exists already: back up into a new folder`);
  mkdirSync(join(target, SECRETS_DIR), { recursive: true, mode: DATA_DIR_MODE });
  for (const name of journal) copyFileSync(join(dataDir, name), join(target, name));
  for (const name of databases) {
    const copy = join(target, name);
    closeSync(openSync(copy, 'wx', DATA_FILE_MODE)); // VACUUM INTO writes into an empty file it finds
    const db = new Database(join(dataDir, name), { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('VACUUM INTO ?').run(copy);
    } finally {
      db.close();
    }
  }
  for (const name of secrets) copyFileSync(join(dataDir, SECRETS_DIR, name), join(target, SECRETS_DIR, name));
  return names.map((name) => ({ name, bytes: statSync(join(target, name)).size }));
}
