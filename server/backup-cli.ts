// `npm run backup -- [--data-dir ./data] [--to ./syncode-backup-<time>]`: copies a SQLite data directory while
// its server runs (server/operations/backup.ts). Exit codes: 0 done, 2 nothing to back up or a refused target, 1 a
// failure. With SYNCODE_DATABASE_URL the databases are in PostgreSQL, which pg_dump backs up (docs/operations.md).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StartupError } from './config/startup-error.ts';
import { backupDataDir } from './operations/backup.ts';

const USAGE = `Usage: npm run backup -- [--data-dir ./data] [--to ./syncode-backup-<date and time>]
Copies the server's SQLite databases and generated secrets while it runs. To restore: stop the server, then copy
the backup's files into an empty data directory (see docs/operations.md, Backups).
Environment: SYNCODE_DATA_DIR; with SYNCODE_DATABASE_URL set, back PostgreSQL up with pg_dump instead.
`;

try {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (process.env.SYNCODE_DATABASE_URL) {
    throw new StartupError('SYNCODE_DATABASE_URL is set: the databases are in PostgreSQL; back them up with pg_dump (docs/operations.md, Backups)');
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.SYNCODE_DATA_DIR ?? './data');
  const target = resolve(values.to ?? `syncode-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const files = backupDataDir(dataDir, target);
  for (const file of files) process.stdout.write(`${file.name.padEnd(28)} ${file.bytes.toLocaleString('en-US').padStart(14)} bytes\n`);
  process.stdout.write(`Backup of ${dataDir} written to ${target}\n`);
} catch (error) {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof StartupError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1);
}
