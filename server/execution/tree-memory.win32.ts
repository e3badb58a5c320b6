// Windows has no /proc and spawning a query per sample is too slow, so one PowerShell process per execution
// prints the process table (pid, parent pid, peak working set in KiB) every 100 ms; the tree walk happens here.
// With the sampler's kill above the limit this is the memory limit of `limited` mode on Windows (no job object:
// that would need a native helper). A peak shorter than one tick can be missed.

import { spawn } from 'node:child_process';
import { parseProcessTable, treeMaxKb } from './process-table.ts';
import type { TreeMemoryReader } from './tree-memory.ts';

/** Win32_Process.PeakWorkingSetSize is in KiB; a blank line ends each table. */
export const WIN32_PROCESS_TABLE_SCRIPT =
  'while ($true) { Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId) $($_.PeakWorkingSetSize)" }; ""; Start-Sleep -Milliseconds 100 }';

export function win32TreeMemory(rootPid: number): TreeMemoryReader {
  let latest = 0;
  let pending = '';
  const watcher = spawn('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WIN32_PROCESS_TABLE_SCRIPT], {
    stdio: ['ignore', 'pipe', 'ignore'],
    windowsHide: true,
  });
  // Without PowerShell the run still has its time and output limits; the memory figure stays 0.
  watcher.on('error', () => {});
  watcher.stdout.setEncoding('utf8');
  watcher.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const tables = pending.split(/\r?\n\r?\n/);
    pending = tables.pop() ?? '';
    for (const table of tables) latest = Math.max(latest, treeMaxKb(parseProcessTable(table), rootPid));
  });
  return {
    peakKb: () => Promise.resolve(latest),
    close() {
      watcher.kill();
    },
  };
}
