import type { ExampleRow } from './run-outcome.ts';

const STATE_TEXT = { 'not-run': 'not run', running: 'running…', pass: 'pass', fail: 'fail' } as const;

/** Per example: pass or fail, with the expected and the actual output side by side. */
export function ExampleResults({ rows, nameOf }: { rows: ExampleRow[]; nameOf: (userId: string) => string }) {
  return (
    <div className="verdicts" data-testid="example-results">
      <table>
        <thead>
          <tr><th>#</th><th>Result</th><th>Input</th><th>Expected</th><th>Actual</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index} className={row.state} data-testid={`example-${row.index + 1}`} data-state={row.state}>
              <td>{row.index + 1}</td>
              <td>
                {STATE_TEXT[row.state]}
                {row.reason && <div className="small">{row.reason}</div>}
                {row.run && <div className="muted small">by {nameOf(row.run.userId)}</div>}
              </td>
              <td><pre>{row.input}</pre></td>
              <td>{row.expected.trim() === '' ? <span className="muted">(no output)</span> : <pre>{row.expected}</pre>}</td>
              <td>
                {row.run?.result && (row.run.result.stdout.trim() === '' ? <span className="muted" data-testid="actual">(no output)</span> : <pre data-testid="actual">{row.run.result.stdout}</pre>)}
                {row.run?.result?.stderr && <pre className="stderr">{row.run.result.stderr}</pre>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
