// Rust: `rustc --error-format=json --emit=metadata` (type checking and lints, no code generation). One JSON
// diagnostic per stderr line; spans count columns in Unicode scalar values.

import type { AnalysisIssue, AnalysisSeverity } from '../../protocol/index.ts';
import type { Toolchain } from '../toolchains.ts';
import { fromToolchain, type Analyzer, type ToolOutput } from './analyzer.ts';
import { SourceLines } from './source-columns.ts';

interface RustSpan {
  file_name: string;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  is_primary: boolean;
}

interface RustDiagnostic {
  $message_type?: string;
  message: string;
  level: string;
  code: { code: string } | null;
  spans: RustSpan[];
}

export function rustcAnalyzer(toolchain: Toolchain): Analyzer {
  const { sourceFile } = toolchain;
  return {
    ...fromToolchain(toolchain, 'rustc'),
    command: (p) => [toolchain.binary, '--edition', '2021', '--error-format=json', '--emit=metadata', '--out-dir', p.work, `${p.box}/${sourceFile}`],
    parse: (output, code) => parse(output, code, sourceFile),
  };
}

function severityOf(level: string): AnalysisSeverity {
  if (level === 'warning') return 'warning';
  if (level === 'note' || level === 'help') return 'info';
  return 'error';
}

function parse(output: ToolOutput, code: string, sourceFile: string): AnalysisIssue[] {
  const lines = new SourceLines(code);
  const issues: AnalysisIssue[] = [];
  for (const text of output.stderr.split('\n')) {
    if (!text.startsWith('{')) continue;
    const d = JSON.parse(text) as RustDiagnostic;
    if (d.$message_type !== undefined && d.$message_type !== 'diagnostic') continue;
    // Summaries ("aborting due to …", "2 warnings emitted") have no span.
    const span = d.spans.find((s) => s.is_primary && (s.file_name === sourceFile || s.file_name.endsWith(`/${sourceFile}`)));
    if (!span) continue;
    issues.push({
      line: span.line_start,
      column: lines.column(span.line_start, span.column_start, 'char'),
      endLine: span.line_end,
      endColumn: lines.column(span.line_end, span.column_end, 'char'),
      severity: severityOf(d.level),
      ruleId: `rustc:${d.code?.code ?? (d.level === 'warning' ? 'warning' : 'error')}`,
      message: d.message,
    });
  }
  return issues;
}
