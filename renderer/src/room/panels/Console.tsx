// Run with stdin (Ctrl/Cmd+Enter), Run examples (one run per visible example, compared with its expected
// output) and Submit (Ctrl/Cmd+Shift+Enter, after a read-only confirmation of the synced text). Every tab shows
// the room's newest results, whoever started them, so the interviewer watches the candidate's runs live.
import { useImperativeHandle, useState, type Ref } from 'react';
import { useSession } from '../../app/session-context.tsx';
import { errorCode, errorText } from '../../ui/error-text.ts';
import type { RoomView } from '../collab/room-view.ts';
import { roomActions } from '../room-actions.ts';
import { ExampleResults } from './ExampleResults.tsx';
import { nulCharacterRefusal } from './nul-character.ts';
import { exampleRows } from './run-outcome.ts';
import { RunOutput } from './RunOutput.tsx';
import { useProblem } from './use-problem.ts';
import { useRoomResults } from './use-room-results.ts';
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

type ConsoleTab = 'run' | 'examples' | 'submit';

export function Console({ view, readCode, ref }: ConsoleProps) {
  const { api } = useSession();
  const room = roomActions(api, view.room.id);
  const results = useRoomResults(api, view.room.id, view.lastExecution);
  const { problem } = useProblem(view.problemId);
  const [stdin, setStdin] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [tab, setTab] = useState<ConsoleTab>('run');
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const examples = problem?.examples ?? [];
  const rows = exampleRows(examples, results.runs);
  const latestRun = results.runs[0] ?? null;
  const nameOf = (userId: string) =>
    userId === view.me.userId ? 'you' : (view.room.participants.find((p) => p.userId === userId)?.displayName ?? 'someone');

  const spectator = view.role === 'spectator';
  const canExecute = !spectator && (view.role !== 'candidate' || !view.editorLocked);
  // Runs from the warm-up on, submissions from coding on; none once finished.
  const runPhase = view.phase === 'warmup' || view.phase === 'coding' || view.phase === 'wrapup';
  const submitPhase = view.phase === 'coding' || view.phase === 'wrapup';
  const canRun = canExecute && runPhase;
  const canSubmit = canExecute && submitPhase && view.problemId !== null;
  const runBusy = latestRun !== null && latestRun.userId === view.me.userId && isPending(latestRun.status);
  const examplesBusy = rows.some((r) => r.state === 'running');
  const judging = isPending(results.submission?.status) || view.lockReason === 'submit';
  const why = !canExecute
    ? spectator ? 'Spectators watch; they do not run code.' : 'The editor is locked.'
    : !runPhase ? 'Runs start with the warm-up, submissions with coding.'
    : !submitPhase ? 'Submissions open when coding starts.'
    : view.problemId === null ? 'Choose a problem to submit against.'
    : '';

  const start = async (next: ConsoleTab, go: () => Promise<void>) => {
    setTab(next);
    setError(null);
    try {
      await go();
    } catch (e) {
      setError({ code: errorCode(e), text: errorText(e) });
    }
  };
  /** The code, unless it holds what no judge takes (then the console says where, and nothing is sent). */
  const runnableCode = (next: ConsoleTab): string | null => {
    const code = readCode();
    const refusal = nulCharacterRefusal(code, stdin);
    if (refusal) {
      setTab(next);
      setError({ code: 'NUL_CHARACTER', text: refusal });
      return null;
    }
    return code;
  };
  const startRun = () => {
    const code = canRun ? runnableCode('run') : null;
    return code !== null && start('run', async () => results.follow('run', await room.run({ code, language: view.language, stdin })));
  };
  const runExamples = () => {
    const code = canRun ? runnableCode('examples') : null;
    return (
      code !== null &&
      start('examples', async () => {
        for (const ex of examples) results.follow('run', await room.run({ code, language: view.language, stdin: ex.input }));
      })
    );
  };
  const askSubmit = () => {
    const code = canSubmit ? runnableCode('submit') : null;
    if (code !== null) setConfirming(code);
  };
  const submit = () => {
    setConfirming(null);
    void start('submit', async () => results.follow('submission', await room.submit({ language: view.language })));
  };
  useImperativeHandle(ref, () => ({ run: () => void startRun(), askSubmit }));

  const passed = rows.filter((r) => r.state === 'pass').length;
  return (
    <section className="console" aria-label="Console">
      <div className="console-bar">
        <button type="button" aria-pressed={tab === 'run'} onClick={() => setTab('run')}>Output</button>
        {examples.length > 0 && (
          <button type="button" aria-pressed={tab === 'examples'} onClick={() => setTab('examples')} data-testid="examples-tab">
            Examples{rows.some((r) => r.state !== 'not-run') ? ` ${passed}/${rows.length}` : ''}
          </button>
        )}
        <button type="button" aria-pressed={tab === 'submit'} onClick={() => setTab('submit')} data-testid="verdict-tab">Verdict</button>
        <span className="grow muted small" data-testid="console-hint">{why}</span>
        <span className="console-actions">
          <button type="button" onClick={() => void startRun()} disabled={!canRun || runBusy} title={why || 'Run with the stdin below (Ctrl/Cmd+Enter)'} data-testid="run-button">
            {runBusy ? 'Running…' : 'Run'}
          </button>
          {examples.length > 0 && (
            <button type="button" onClick={() => void runExamples()} disabled={!canRun || examplesBusy} title={why || 'Run once per example and compare with its expected output'} data-testid="run-examples-button">
              {examplesBusy ? 'Running examples…' : 'Run examples'}
            </button>
          )}
          <button type="button" className="primary" onClick={askSubmit} disabled={!canSubmit || judging} title={why || 'Judge against every test (Ctrl/Cmd+Shift+Enter)'} data-testid="submit-button">
            {judging ? 'Judging…' : 'Submit'}
          </button>
        </span>
      </div>
      {error !== null && <p role="alert" className="error" data-error-code={error.code}>{error.text}</p>}
      {results.error !== null && error === null && <p role="alert" className="error small">Could not read a result: {errorText(results.error)}</p>}
      {tab === 'run' && (
        // A spectator never runs code, so there is no input to type for them: the output takes the width.
        <div className={spectator ? 'console-body' : 'console-body run'}>
          {!spectator && (
            <label className="stdin">
              Input (stdin)
              <textarea value={stdin} onChange={(e) => setStdin(e.target.value)} rows={4} spellCheck={false} data-testid="stdin" />
            </label>
          )}
          <RunOutput run={latestRun} by={latestRun ? nameOf(latestRun.userId) : ''} solo={view.room.mode === 'practice'} />
        </div>
      )}
      {tab === 'examples' && (
        <div className="console-body">
          <ExampleResults rows={rows} nameOf={nameOf} />
        </div>
      )}
      {tab === 'submit' && (
        <div className="console-body" data-testid="verdict-body">
          {results.submission ? (
            <VerdictTable result={results.submission} by={nameOf(results.submission.userId)} />
          ) : (
            <p className="muted">{judging ? 'Judging…' : 'No submission yet.'}</p>
          )}
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

function isPending(status: string | undefined): boolean {
  return status === 'queued' || status === 'running';
}
