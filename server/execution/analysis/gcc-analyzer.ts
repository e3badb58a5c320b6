// C and C++: `gcc`/`g++ -Wall -Wextra -fsyntax-only`, read as JSON where the compiler can write it (gcc 9+), else
// from its text format (older gcc, or clang installed as `gcc` on macOS).

import { execFile } from 'node:child_process';
import { devNull } from 'node:os';
import { promisify } from 'node:util';
import type { AnalysisIssue, AnalysisSeverity } from '../../protocol/index.ts';
import type { Toolchain } from '../toolchains.ts';
import { fromToolchain, type Analyzer, type ToolOutput } from './analyzer.ts';
import { pointIssue, SourceLines } from './source-columns.ts';

const run = promisify(execFile);

interface GccPosition {
  file: string;
  line: number;
  'byte-column': number;
}

interface GccDiagnostic {
  kind: string;
  message: string;
  option?: string;
  locations?: { caret: GccPosition; start?: GccPosition; finish?: GccPosition }[];
  children?: GccDiagnostic[];
}

const TEXT_DIAGNOSTIC = /^(.*?):(\d+):(\d+): (fatal error|error|warning|note): (.*?)(?: \[(-W[^\]]+)\])?$/;

export async function gccAnalyzer(toolchain: Toolchain): Promise<Analyzer> {
  const json = await writesJson(toolchain.binary);
  const std = toolchain.language === 'cpp' ? '-std=c++17' : '-std=c11';
  const { sourceFile } = toolchain;
  return {
    ...fromToolchain(toolchain, 'gcc'),
    command: (p) => [toolchain.binary, std, '-Wall', '-Wextra', '-fsyntax-only', ...(json ? ['-fdiagnostics-format=json'] : ['-fno-diagnostics-color']), `${p.box}/${sourceFile}`],
    parse: (output, code) => (json ? parseJson(output, code, sourceFile) : parseText(output, code, sourceFile)),
  };
}

/** Whether this compiler takes -fdiagnostics-format=json (clang and gcc < 9 refuse the flag). */
async function writesJson(compiler: string): Promise<boolean> {
  try {
    await run(compiler, ['-fdiagnostics-format=json', '-fsyntax-only', '-x', 'c', devNull], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function severityOf(kind: string): AnalysisSeverity {
  if (kind === 'warning') return 'warning';
  if (kind === 'note') return 'info';
  return 'error';
}

function ruleOf(kind: string, option: string | undefined): string {
  return `gcc:${option ?? (kind === 'warning' ? 'warning' : 'error')}`;
}

const inSource = (file: string, sourceFile: string): boolean => file === sourceFile || file.endsWith(`/${sourceFile}`);

function parseJson(output: ToolOutput, code: string, sourceFile: string): AnalysisIssue[] {
  const start = output.stderr.indexOf('[');
  if (start < 0) return [];
  const diagnostics = JSON.parse(output.stderr.slice(start)) as GccDiagnostic[];
  const lines = new SourceLines(code);
  const issues: AnalysisIssue[] = [];
  for (const d of diagnostics) {
    // A diagnostic inside a system header (a template instantiation) is shown where the user's code caused it.
    const location = [d, ...(d.children ?? [])].flatMap((x) => x.locations ?? []).find((l) => inSource(l.caret.file, sourceFile));
    if (!location) continue;
    const from = location.start ?? location.caret;
    const to = location.finish;
    issues.push({
      line: from.line,
      column: lines.column(from.line, from['byte-column'], 'byte'),
      endLine: to ? to.line : null,
      endColumn: to ? lines.column(to.line, to['byte-column'] + 1, 'byte') : null,
      severity: severityOf(d.kind),
      ruleId: ruleOf(d.kind, d.option),
      message: d.message,
    });
  }
  return issues;
}

function parseText(output: ToolOutput, code: string, sourceFile: string): AnalysisIssue[] {
  const lines = new SourceLines(code);
  const issues: AnalysisIssue[] = [];
  for (const text of output.stderr.split('\n')) {
    const m = TEXT_DIAGNOSTIC.exec(text);
    if (!m || !inSource(m[1]!, sourceFile)) continue;
    const line = Number(m[2]);
    const kind = m[4]!;
    issues.push(pointIssue(line, lines.column(line, Number(m[3]), 'byte'), severityOf(kind), ruleOf(kind, m[6]), m[5]!));
  }
  return issues;
}
