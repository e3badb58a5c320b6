import type { RunResult } from '../../../../server/protocol/index.ts';
import { runOutcome } from './run-outcome.ts';

/** The room's newest run: how it ended (exit status, never a verdict), its output, and who started it. */
export function RunOutput({ run, by, solo }: { run: RunResult | null; by: string; solo: boolean }) {
  if (!run) return <p className="muted">Run the code to see its output here.{solo ? '' : ' Everyone in the room sees every run.'}</p>;
  if (run.status === 'queued' || run.status === 'running') {
    return <p className="muted" role="status"><span className="spinner" /> {run.status === 'running' ? 'Running' : 'Queued'} (started by {by})…</p>;
  }
  if (run.status === 'failed' || !run.result) {
    return <p role="alert" className="error" data-error-code={run.error?.code}>The run failed: {run.error?.message ?? run.error?.code}</p>;
  }
  const r = run.result;
  const outcome = runOutcome(r);
  return (
    <div className="run-output" data-testid="run-output">
      <p className="meta">
        <span className={`badge ${outcome.ok ? 'ok' : 'bad'}`} data-testid="run-status">{outcome.text}</span> {r.timeMs} ms · {Math.round(r.memoryKb / 1024)} MiB ·{' '}
        <span className="muted">run by {by}</span>
      </p>
      <pre className="stdout" data-testid="stdout">{r.stdout}{r.stdoutTruncated ? '\n… (truncated)' : ''}</pre>
      {r.stderr && <pre className="stderr">{r.stderr}{r.stderrTruncated ? '\n… (truncated)' : ''}</pre>}
    </div>
  );
}
