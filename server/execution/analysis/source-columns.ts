// Tools count columns differently (gcc, go and pyflakes in UTF-8 bytes, rustc in Unicode scalar values); editors
// count UTF-16 code units. These convert a tool's 1-based column on a line of the source into the editor's.

import type { AnalysisIssue, AnalysisSeverity } from '../../protocol/index.ts';

export type ColumnUnit = 'byte' | 'char';

export class SourceLines {
  readonly #lines: string[];

  constructor(code: string) {
    this.#lines = code.split(/\r?\n/);
  }

  /** The UTF-16 column (1-based) of a tool's 1-based column on a 1-based line; past the end stays past the end. */
  column(line: number, column: number, unit: ColumnUnit): number {
    const text = this.#lines[line - 1];
    if (text === undefined || column <= 1) return Math.max(1, column);
    const prefix = unit === 'byte'
      ? Buffer.from(text, 'utf8').subarray(0, column - 1).toString('utf8')
      : [...text].slice(0, column - 1).join('');
    return prefix.length + 1 + Math.max(0, column - 1 - unitLength(text, unit));
  }
}

function unitLength(text: string, unit: ColumnUnit): number {
  return unit === 'byte' ? Buffer.byteLength(text, 'utf8') : [...text].length;
}

/** By line, then column, then severity (errors first): the order the API returns. */
export function sortIssues(issues: AnalysisIssue[]): AnalysisIssue[] {
  const rank: Record<AnalysisSeverity, number> = { error: 0, warning: 1, info: 2 };
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column || rank[a.severity] - rank[b.severity]);
}

/** An issue at a point (no known range). */
export function pointIssue(line: number, column: number, severity: AnalysisSeverity, ruleId: string, message: string): AnalysisIssue {
  return { line: Math.max(1, line), column: Math.max(1, column), endLine: null, endColumn: null, severity, ruleId, message };
}
