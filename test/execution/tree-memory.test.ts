// The memory readers behind limited mode's memory limit. The /proc reader (Linux) and the `ps` reader (macOS; `ps`
// prints the same columns on Linux, so it runs here on a real process tree) must see a grandchild's allocation;
// the table parser and tree walk shared with the Windows reader are checked on the text PowerShell prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProcessTable, treeMaxKb } from '../../server/execution/process-table.ts';
import { darwinTreeMemory } from '../../server/execution/tree-memory.darwin.ts';
import { linuxTreeMemory } from '../../server/execution/tree-memory.linux.ts';
import { killProcessTree, SPAWN_DETACHED } from '../../server/execution/process-tree-kill.ts';
import { pollUntil } from '../support/poll.ts';

/** A shell whose grandchild (python under a second shell) holds ~80 MiB resident until killed. */
function allocatingTree(): ChildProcess {
  const python = `python3 -c "import time; b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); time.sleep(600)"`;
  return spawn('/bin/sh', ['-c', `/bin/sh -c '${python.replace(/'/g, `'\\''`)}' & wait`], { detached: SPAWN_DETACHED, stdio: 'ignore' });
}

let tree: ChildProcess | undefined;
afterEach(() => {
  if (tree?.pid !== undefined) killProcessTree(tree.pid);
  tree = undefined;
});

describe('tree memory readers', () => {
  it.each([
    ['/proc VmHWM (Linux)', linuxTreeMemory],
    ['ps rss (macOS)', darwinTreeMemory],
  ])('%s sees the grandchild holding 80 MiB', async (_name, open) => {
    tree = allocatingTree();
    const reader = open(tree.pid!);
    try {
      const kb = await pollUntil(() => reader.peakKb(), (k) => k > 70 * 1024, { what: 'the grandchild peak' });
      expect(kb).toBeLessThan(200 * 1024);
    } finally {
      reader.close();
    }
  });

  it('a pid that is not running reads 0', async () => {
    const reader = darwinTreeMemory(2 ** 22 + 17);
    expect(await reader.peakKb()).toBe(0);
  });
});

describe('process table (shared with the Windows reader)', () => {
  // What the PowerShell loop prints: `pid ppid peakKiB`, CRLF line ends, pid 0 as its own parent.
  const table = ['0 0 8', '4 0 100', '700 4 5000', '900 700 1200', '901 900 90000', '950 4 123456', '', 'noise line'].join('\r\n');

  it('parses rows and skips anything else', () => {
    expect(parseProcessTable(table)).toHaveLength(6);
    expect(parseProcessTable(table)[2]).toEqual({ pid: 700, ppid: 4, kb: 5000 });
  });

  it('takes the largest figure in the subtree only', () => {
    const rows = parseProcessTable(table);
    expect(treeMaxKb(rows, 700)).toBe(90000);
    expect(treeMaxKb(rows, 900)).toBe(90000);
    expect(treeMaxKb(rows, 901)).toBe(90000);
    expect(treeMaxKb(rows, 4)).toBe(123456);
    expect(treeMaxKb(rows, 12345)).toBe(0);
  });

  it('survives a parent cycle', () => {
    expect(treeMaxKb([{ pid: 1, ppid: 2, kb: 5 }, { pid: 2, ppid: 1, kb: 7 }], 1)).toBe(7);
  });
});
