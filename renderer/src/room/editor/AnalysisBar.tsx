// Under the editor: the Analyse action, the count of issues the markers show, and the complexity estimate when the
// room's AI gave one.
import { ErrorCode } from '../../../../server/protocol/index.ts';
import { errorCode, errorText } from '../../ui/error-text.ts';
import { issueSummary } from './analysis-markers.ts';
import type { AnalysisState } from './use-analysis.ts';

export function AnalysisBar({ analysis, enabled }: { analysis: AnalysisState; enabled: boolean }) {
  const { job, busy, error, stale } = analysis;
  const result = job?.status === 'completed' ? job.result : null;
  return (
    <div className="analysis-bar" data-testid="analysis-bar">
      <button type="button" onClick={analysis.analyse} disabled={!enabled || busy} data-testid="analyse-button" title="Run the language's own checks (compiler warnings, linters)">
        {busy ? 'Analysing…' : 'Analyse'}
      </button>
      {busy && <span className="muted small" role="status"><span className="spinner" /> {job?.status === 'running' ? 'Analysing…' : 'Queued…'}</span>}
      {result && (
        <span className="small" role="status" data-testid="analysis-summary" data-stale={stale}>
          {issueSummary(result.issues)}
          {stale && <span className="muted"> (code changed since; analyse again)</span>}
        </span>
      )}
      {result?.complexity && (
        <span className="small muted" data-testid="analysis-complexity">
          Time {result.complexity.time} · Space {result.complexity.space}
        </span>
      )}
      {job?.status === 'failed' && <span className="small error" role="alert" data-error-code={job.error?.code}>Analysis failed: {job.error?.message}</span>}
      {error !== null && (
        <span className="small error" role="alert" data-error-code={errorCode(error)}>
          {errorCode(error) === ErrorCode.EXEC_UNAVAILABLE ? 'Static analysis is not available for this language on this server.' : errorText(error)}
        </span>
      )}
    </div>
  );
}
