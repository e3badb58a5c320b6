import type { SubmissionResult } from '../../../../server/protocol/index.ts';
import { VERDICT_LABEL } from '../../ui/labels.ts';

/** A submission's verdict and per-test results; `by` names who submitted. */
export function VerdictTable({ result, by }: { result: SubmissionResult; by: string }) {
  if (result.status === 'failed') return <p role="alert" className="error">Judging failed: {result.error?.code}</p>;
  if (result.status !== 'completed') return <p className="muted" role="status"><span className="spinner" /> Judging the submission by {by}… ({result.status})</p>;
  return (
    <div className="verdicts" data-testid="verdict-table">
      <p className="meta">
        <span className={`badge ${result.verdict === 'ACCEPTED' ? 'ok' : 'bad'}`} data-testid="verdict" data-verdict={result.verdict ?? ''}>{result.verdict ? VERDICT_LABEL[result.verdict] : result.status}</span> {result.passed}/{result.total} tests passed
        {result.maxTimeMs !== null && <> · max {result.maxTimeMs} ms</>} · <span className="muted">submitted by {by}</span>
      </p>
      {result.compileOutput && <pre className="stderr">{result.compileOutput}</pre>}
      <table>
        <thead>
          <tr><th>#</th><th>Verdict</th><th>Time</th><th>Input</th><th>Expected</th><th>Actual</th></tr>
        </thead>
        <tbody>
          {result.tests.map((t) => (
            <tr key={t.testCaseId} className={t.verdict === 'ACCEPTED' ? 'pass' : 'fail'}>
              <td>{t.index + 1}</td>
              {/* Hidden tests say only pass or fail: the kind of failure would leak what they check. */}
              <td>{t.verdict === 'ACCEPTED' ? 'pass' : t.hidden ? 'fail' : VERDICT_LABEL[t.verdict]}</td>
              <td>{t.timeMs} ms</td>
              {t.hidden && t.input === null ? (
                <td colSpan={3} className="muted">hidden test</td>
              ) : (
                <>
                  <td><pre>{t.input}</pre></td>
                  <td><pre>{t.expectedOutput}</pre></td>
                  <td><pre>{t.actualOutput}</pre></td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
