// `npm run bench:exec`: per language, the median wall time of a hello-world run (compile included for compiled
// languages) run bare — the toolchain's own commands, no sandbox, no queue — against the same run through the
// execution plane's API and through the REST API of a real server (POST /run, then polling GET /v1/runs/:id every
// 5 ms); then runs/s with the plane's queue saturated. Second table: a room's edit latency while CPU-bound runs
// execute (bench/exec/cpu-contention.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutionPlane, type ExecutionPlane } from '../server/execution/index.ts';
import { findToolchains, type Toolchain } from '../server/execution/toolchains.ts';
import { silentLogger } from '../server/logger.ts';
import { createCursorCodec } from '../server/pagination.ts';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../server/protocol/index.ts';
import { openSqliteDatabase } from '../server/storage/sql/index.ts';
import { startApiRunner } from './exec/api-runner.ts';
import { cpuContentionRows } from './exec/cpu-contention.ts';
import { HELLO } from './exec/hello-programs.ts';

const WORKERS = Math.min(2, availableParallelism());
const COMPILED = new Set<SupportedLanguage>(['typescript', 'go', 'rust', 'java', 'cpp', 'c']);
const samples = (language: SupportedLanguage): number => (COMPILED.has(language) ? 5 : 15);
const burst = (language: SupportedLanguage): number => (COMPILED.has(language) ? 8 : 40);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function spawnTimed(argv: string[], cwd: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${argv[0]} exited ${code}`))));
  });
}

/** The toolchain's own commands in a plain temp dir: what a developer's terminal would do. */
async function bareOnce(toolchain: Toolchain): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'syncode-bench-bare-'));
  try {
    writeFileSync(join(dir, toolchain.sourceFile), HELLO[toolchain.language]);
    const paths = { box: dir, work: dir };
    let ms = 0;
    // A developer runs a Python script directly; the plane's syntax check for runs happens in the same process.
    if (toolchain.compile && !toolchain.runFresh) ms += await spawnTimed(toolchain.compile(paths), dir, toolchain.compileEnv?.(paths) ?? {});
    ms += await spawnTimed(toolchain.run(paths, 262144), dir, toolchain.runEnv ?? {});
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function planeRun(plane: ExecutionPlane, language: SupportedLanguage, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Set before the run can finish: finishing takes child processes, the id only a database write.
    let id = '';
    const stop = plane.onDidFinish((e) => {
      if (e.id !== id) return;
      stop();
      if (e.verdict === 'ACCEPTED') resolve();
      else void plane.getRun(id).then((run) => reject(new Error(`${language}: ${e.status} ${e.verdict} ${JSON.stringify(run?.result)}`)));
    });
    plane
      .enqueueRun({
        roomId: '00000000-0000-4000-8000-00000000beef',
        userId,
        language,
        code: HELLO[language],
        stdin: '',
        timeLimitMs: 5000,
        memoryLimitKb: 262144,
      })
      .then((run) => (id = run.id), reject);
  });
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, row] of rows.entries()) {
    process.stdout.write(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |\n`);
    if (i === 0) process.stdout.write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'syncode-bench-exec-'));
const sql = openSqliteDatabase(join(dataDir, 'syncode.sqlite'));
const plane = await createExecutionPlane({ sql, workers: WORKERS, cursors: createCursorCodec('bench-cursor-secret'), log: silentLogger });
const toolchains = await findToolchains({ searchPath: process.env.PATH ?? '', nodePath: process.execPath });
const api = await startApiRunner(WORKERS);
try {
  const { languages, sandbox } = plane.features();
  process.stdout.write(`execution plane, sandbox ${sandbox}, ${WORKERS} workers, load average ${loadavg()[0]!.toFixed(2)}\n\n`);
  const rows: string[][] = [
    ['language', 'bare ms', 'plane ms', 'plane overhead ms', 'REST API ms', 'API overhead ms', `runs/s (${WORKERS} workers)`],
  ];
  for (const language of SUPPORTED_LANGUAGES) {
    const toolchain = toolchains.get(language);
    if (!toolchain || !languages.includes(language)) {
      rows.push([language, 'unavailable', '', '', '', '', '']);
      continue;
    }
    await bareOnce(toolchain);
    await planeRun(plane, language, 'warm-up');
    await api.run(language, HELLO[language]);
    const bare: number[] = [];
    const sandboxed: number[] = [];
    const viaApi: number[] = [];
    for (let i = 0; i < samples(language); i++) {
      bare.push(await bareOnce(toolchain));
      const started = performance.now();
      await planeRun(plane, language, 'latency');
      sandboxed.push(performance.now() - started);
      viaApi.push(await api.run(language, HELLO[language]));
    }
    const n = burst(language);
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => planeRun(plane, language, `user-${i % 4}`)));
    const perSecond = n / ((performance.now() - started) / 1000);
    const b = median(bare);
    const s = median(sandboxed);
    const a = median(viaApi);
    rows.push([language, b.toFixed(0), s.toFixed(0), (s - b).toFixed(0), a.toFixed(0), (a - b).toFixed(0), perSecond.toFixed(1)]);
  }
  printTable(rows);
  process.stdout.write(`\nA room's edits (2 clients, 20 ops/s each, ${WORKERS} workers) while busy loops run:\n\n`);
  printTable(await cpuContentionRows(WORKERS));
} finally {
  await api.close();
  await plane.close();
  await sql.close();
  rmSync(dataDir, { recursive: true, force: true });
}
