// Run with stdin (Ctrl/Cmd+Enter) and Submit (Ctrl/Cmd+Shift+Enter, after a read-only confirmation of the
// synced text). Results come from polling the job and from `execution-finished` events.
import { useImperativeHandle, useState, type Ref } from 'react';
import type { RunResult, SubmissionResult } from '../../../../server/protocol/index.ts';
import type { JobAccepted } from '../../../../server/protocol/index.ts';
import { useSession } from '../../app/session-context.tsx';
import { errorCode, errorText } from '../../ui/error-text.ts';
import type { RoomView } from '../collab/room-view.ts';
import { useJob } from './use-job.ts';
import { roomActions } from '../room-actions.ts';
import { VerdictTable } from './VerdictTable.tsx';

export interface ConsoleHandle {
  run(): void;
  askSubmit(): void;
}

export interface ConsoleProps {
  view: RoomView;
  readCode: () => string;
  ref?: Ref<ConsoleHandle>;
}

export function Console({ view, readCode, ref }: ConsoleProps) {
  const { api } = useSession();
  const [stdin, setStdin] = useState('');
  const [runJob, setRunJob] = useState<JobAccepted | null>(null);
  const [submitJob, setSubmitJob] = useState<JobAccepted | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [tab, setTab] = useState<'run' | 'submit'>('run');
  const [error, setError] = useState<unknown>(null);
  const finishedId = view.lastExecution?.id ?? null;
  const run = useJob<RunResult>(api, runJob, finishedId);
  const submission = useJob<SubmissionResult>(api, submitJob, finishedId);
  const canExecute = view.role !== 'spectator' && (view.role !== 'candidate' || !view.editorLocked);
  // Runs from the warm-up on, submissions from coding on; none once finished.
  const canRun = canExecute && (view.phase === 'warmup' || view.phase === 'coding' || view.phase === 'wrapup');
  const canSubmit = canExecute && (view.phase === 'coding' || view.phase === 'wrapup') && view.problemId !== null;
  const phaseHint = view.phase === 'waiting' ? 'Runs start with the warm-up, submissions with coding.' : '';

  const startRun = async () => {
    if (!canRun) return;
    setTab('run');
    setError(null);
    try {
      setRunJob(await roomActions(api, view.room.id).run({ code: readCode(), language: view.language, stdin }));
    } catch (e) {
      setError(e);
    }
  };
  const askSubmit = () => {
    if (canSubmit) setConfirming(readCode());
  };
  const submit = async () => {
    setConfirming(null);
    setTab('submit');
    setError(null);
    try {
      setSubmitJob(await roomActions(api, view.room.id).submit({ language: view.language }));
    } catch (e) {
      setError(e);
    }
  };
  useImperativeHandle(ref, () => ({ run: () => void startRun(), askSubmit }));

  const runBusy = runJob !== null && (run.result === null || run.result.status === 'queued' || run.result.status === 'running');
  const submitBusy = submitJob !== null && (submission.result === null || submission.result.status === 'queued' || submission.result.status === 'running');

  return (
    <section className="console" aria-label="Console">
      <div className="console-bar">
        <button type="button" aria-pressed={tab === 'run'} onClick={() => setTab('run')}>Output</button>
        <button type="button" aria-pressed={tab === 'submit'} onClick={() => setTab('submit')}>Verdict</button>
        <span className="grow muted small">{phaseHint}</span>
        <button type="button" onClick={startRun} disabled={!canRun || runBusy} title="Ctrl/Cmd+Enter" data-testid="run-button">
          {runBusy ? 'Running…' : 'Run'}
        </button>
        <button type="button" className="primary" onClick={askSubmit} disabled={!canSubmit || submitBusy} title="Ctrl/Cmd+Shift+Enter" data-testid="submit-button">
          {submitBusy ? 'Judging…' : 'Submit'}
        </button>
      </div>
      {error !== null && <p role="alert" className="error" data-error-code={errorCode(error)}>{errorText(error)}</p>}
      {tab === 'run' ? (
        <div className="console-body run">
          <label className="stdin">
            stdin
            <textarea value={stdin} onChange={(e) => setStdin(e.target.value)} rows={3} spellCheck={false} data-testid="stdin" />
          </label>
          <RunOutput result={run.result} busy={runBusy} />
        </div>
      ) : (
        <div className="console-body">
          {submission.result ? <VerdictTable result={submission.result} /> : <p className="muted">{submitBusy ? 'Judging…' : 'No submission yet.'}</p>}
        </div>
      )}
      {confirming !== null && (
        <div className="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="submit-confirm">
          <div className="modal-card">
            <h3 id="confirm-title">Submit this code?</h3>
            <p className="muted">This is the synced text the server will judge. The editor locks while it is judged.</p>
            <pre className="code-preview">{confirming}</pre>
            <div className="row">
              <button type="button" className="primary" onClick={submit}>Submit</button>
              <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function RunOutput({ result, busy }: { result: RunResult | null; busy: boolean }) {
  if (busy) return <p className="muted" role="status"><span className="spinner" /> {result?.status === 'running' ? 'Running…' : 'Queued…'}</p>;
  if (!result) return <p className="muted">Run your code to see its output here.</p>;
  if (result.status === 'failed') return <p role="alert" className="error" data-error-code={result.error?.code}>Run failed: {result.error?.code}</p>;
  const r = result.result;
  if (!r) return null;
  return (
    <div className="run-output" data-testid="run-output">
      <p className="meta">
        <span className={`badge ${r.verdict === 'ACCEPTED' ? 'ok' : 'bad'}`}>{r.verdict}</span> exit {r.exitCode ?? 'signal'} · {r.timeMs} ms · {Math.round(r.memoryKb / 1024)} MiB
      </p>
      <pre className="stdout" data-testid="stdout">{r.stdout}{r.stdoutTruncated ? '\n… (truncated)' : ''}</pre>
      {r.stderr && <pre className="stderr">{r.stderr}{r.stderrTruncated ? '\n… (truncated)' : ''}</pre>}
    </div>
  );
}
