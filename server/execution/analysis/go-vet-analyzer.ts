// Go: `go vet -json`. It type-checks first: a syntax or type error stops it and is printed as text
// (`vet: ./main.go:9:6: y declared but not used`, only the first one); otherwise each analyzer's findings come as a
// JSON object `{ package: { analyzer: [{ posn: "file:line:col", message }] } }`. Columns are UTF-8 bytes.

import type { AnalysisIssue } from '../../protocol/index.ts';
import type { Toolchain } from '../toolchains.ts';
import { fromToolchain, type Analyzer, type ToolOutput } from './analyzer.ts';
import { pointIssue, SourceLines } from './source-columns.ts';

type VetReport = Record<string, Record<string, { posn: string; message: string }[] | { error: string }>>;

const POSITION = /^(?:vet: )?(.*?):(\d+):(\d+):? (.*)$/;

export function goVetAnalyzer(toolchain: Toolchain): Analyzer {
  const { sourceFile } = toolchain;
  return {
    ...fromToolchain(toolchain, 'go'),
    command: (p) => [toolchain.binary, 'vet', '-json', `${p.box}/${sourceFile}`],
    // The same environment the build uses (GOROOT, a cache in the scratch dir, no modules, no cgo).
    env: toolchain.compileEnv,
    parse: (output, code) => parse(output, code, sourceFile),
  };
}

function parse(output: ToolOutput, code: string, sourceFile: string): AnalysisIssue[] {
  const lines = new SourceLines(code);
  const issues: AnalysisIssue[] = [];
  const at = (posn: string): { line: number; column: number; rest: string } | null => {
    const m = POSITION.exec(posn);
    if (!m || !(m[1] === sourceFile || m[1]!.endsWith(`/${sourceFile}`))) return null;
    const line = Number(m[2]);
    return { line, column: lines.column(line, Number(m[3]), 'byte'), rest: m[4]! };
  };
  const text = output.stderr;
  const jsonStart = text.search(/^\{/m);
  const jsonEnd = text.lastIndexOf('\n}');
  if (jsonStart >= 0 && jsonEnd > jsonStart) {
    const report = JSON.parse(text.slice(jsonStart, jsonEnd + 2)) as VetReport;
    for (const analyzers of Object.values(report)) {
      for (const [analyzer, findings] of Object.entries(analyzers)) {
        if (!Array.isArray(findings)) continue;
        for (const f of findings) {
          const pos = at(`${f.posn}: `);
          if (pos) issues.push(pointIssue(pos.line, pos.column, 'warning', `go-vet:${analyzer}`, f.message));
        }
      }
    }
  }
  for (const line of (jsonStart >= 0 ? text.slice(0, jsonStart) : text).split('\n')) {
    const pos = at(line);
    if (pos) issues.push(pointIssue(pos.line, pos.column, 'error', 'go:compile', pos.rest));
  }
  return issues;
}
