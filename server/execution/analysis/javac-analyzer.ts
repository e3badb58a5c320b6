// Java: `javac -Xlint:all` into a scratch directory, read from its text format. Each diagnostic is a header
// (`Main.java:4: warning: [rawtypes] found raw type: List`), the source line, a caret line under the column (javac
// keeps the line's tabs, so the caret's index is the column in UTF-16 units), then detail lines.

import type { AnalysisIssue } from '../../protocol/index.ts';
import type { Toolchain } from '../toolchains.ts';
import { fromToolchain, type Analyzer, type ToolOutput } from './analyzer.ts';
import { pointIssue } from './source-columns.ts';

const HEADER = /^(.*?):(\d+): (error|warning|note): (?:\[([\w-]+)\] )?(.*)$/;
const SUMMARY = /^\d+ (errors?|warnings?)$/;

export function javacAnalyzer(toolchain: Toolchain): Analyzer {
  const { sourceFile } = toolchain;
  return {
    ...fromToolchain(toolchain, 'javac'),
    command: (p) => [
      toolchain.binary, '-J-XX:+UseSerialGC', '-J-XX:TieredStopAtLevel=1', '-J-Xmx512m', '-Xlint:all', '-Xmaxwarns', '500', '-proc:none',
      '-encoding', 'UTF-8', '-d', `${p.work}/classes`, `${p.box}/${sourceFile}`,
    ],
    parse: (output) => parse(output, sourceFile),
  };
}

function parse(output: ToolOutput, sourceFile: string): AnalysisIssue[] {
  const issues: AnalysisIssue[] = [];
  const lines = output.stderr.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]!);
    if (!m || !(m[1] === sourceFile || m[1]!.endsWith(`/${sourceFile}`))) continue;
    const caret = lines[i + 2] ?? '';
    const column = /^[\t ]*\^$/.test(caret) ? caret.indexOf('^') + 1 : 1;
    const details: string[] = [];
    let j = /^[\t ]*\^$/.test(caret) ? i + 3 : i + 1;
    for (; j < lines.length && !HEADER.test(lines[j]!) && !SUMMARY.test(lines[j]!) && lines[j]!.startsWith(' '); j++) details.push(lines[j]!.trim());
    const kind = m[3]!;
    const severity = kind === 'error' ? 'error' : kind === 'warning' ? 'warning' : 'info';
    const message = [m[5]!, ...details].join('\n');
    issues.push(pointIssue(Number(m[2]), column, severity, `javac:${m[4] ?? kind}`, message));
  }
  return issues;
}
