// AnalysisIssue → Monaco marker. A tool that reports a point (no end) gets the word under it underlined, or one
// character when there is none; positions past the end of the text are clamped by the model.
import type { AnalysisIssue, AnalysisSeverity } from '../../../../server/protocol/index.ts';
import { monaco } from './monaco-setup.ts';

/** The owner of our markers: clearing them never touches another feature's markers. */
export const ANALYSIS_MARKER_OWNER = 'syncode-analysis';

const SEVERITY: Record<AnalysisSeverity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

export function toMarker(model: monaco.editor.ITextModel, issue: AnalysisIssue): monaco.editor.IMarkerData {
  const start = model.validatePosition({ lineNumber: issue.line, column: issue.column });
  let end: monaco.IPosition;
  if (issue.endLine !== null && issue.endColumn !== null) {
    end = model.validatePosition({ lineNumber: issue.endLine, column: issue.endColumn });
  } else {
    const word = model.getWordAtPosition(start);
    end = { lineNumber: start.lineNumber, column: word ? word.endColumn : start.column + 1 };
  }
  return {
    severity: SEVERITY[issue.severity],
    message: issue.message,
    // Shown as `tool(rule)`, e.g. eslint(no-unused-vars), gcc(-Wunused-variable), ts(2322).
    source: issue.ruleId.slice(0, issue.ruleId.indexOf(':')),
    code: issue.ruleId.slice(issue.ruleId.indexOf(':') + 1),
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

export function setAnalysisMarkers(model: monaco.editor.ITextModel, issues: readonly AnalysisIssue[]): void {
  monaco.editor.setModelMarkers(model, ANALYSIS_MARKER_OWNER, issues.map((issue) => toMarker(model, issue)));
}

export function clearAnalysisMarkers(model: monaco.editor.ITextModel): void {
  monaco.editor.setModelMarkers(model, ANALYSIS_MARKER_OWNER, []);
}

/** "2 errors, 3 warnings", "No issues found". */
export function issueSummary(issues: readonly AnalysisIssue[]): string {
  const count = (severity: AnalysisSeverity) => issues.filter((i) => i.severity === severity).length;
  const parts = ([['error', 'error'], ['warning', 'warning'], ['info', 'note']] as const)
    .map(([severity, noun]) => [count(severity), noun] as const)
    .filter(([n]) => n > 0)
    .map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'No issues found';
}
