// A process table as `ps` and PowerShell print it (`pid ppid kb` per line), and the largest figure in one process
// tree: the per-platform memory readers of macOS and Windows share it, so the tree walk is tested on any OS.

export interface ProcessRow {
  pid: number;
  ppid: number;
  kb: number;
}

/** Lines of three whitespace-separated integers; anything else (headers, blank lines, noise) is skipped. */
export function parseProcessTable(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s*$/.exec(line);
    if (m) rows.push({ pid: Number(m[1]), ppid: Number(m[2]), kb: Number(m[3]) });
  }
  return rows;
}

/** The highest `kb` of `root` and its descendants (0 when `root` is not in the table). */
export function treeMaxKb(rows: readonly ProcessRow[], root: number): number {
  const children = new Map<number, ProcessRow[]>();
  for (const row of rows) {
    // A pid that is its own parent (pid 0 on Windows) would loop forever.
    if (row.pid === row.ppid) continue;
    const list = children.get(row.ppid);
    if (list) list.push(row);
    else children.set(row.ppid, [row]);
  }
  const self = rows.find((r) => r.pid === root);
  if (!self) return 0;
  let max = self.kb;
  const seen = new Set([root]);
  const stack = [root];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      max = Math.max(max, child.kb);
      stack.push(child.pid);
    }
  }
  return max;
}
