import { readdirSync, readFileSync } from 'node:fs';

/**
 * Processes on this host whose command line contains `marker`, read straight from /proc, as `<pid>: <cmdline>`
 * so that a failed "nothing survived" assertion shows what did.
 */
export function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(marker)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}
