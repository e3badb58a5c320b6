import { useMemo } from 'react';
import { renderMarkdown } from '../../ui/markdown.ts';
import { useProblem } from './use-problem.ts';

export function ProblemPanel({ problemId }: { problemId: string | null }) {
  const { problem, error } = useProblem(problemId);
  const html = useMemo(() => (problem ? renderMarkdown(withoutTitleHeading(problem.description, problem.title)) : ''), [problem]);

  if (!problemId) return <div className="problem-panel muted">No problem selected yet. The interviewer chooses one.</div>;
  if (error) return <div className="problem-panel error" role="alert">{error}</div>;
  if (!problem) return <div className="problem-panel muted">Loading problem…</div>;
  return (
    <article className="problem-panel" data-testid="problem-panel">
      <h2>
        {problem.title} <span className={`badge ${problem.difficulty}`}>{problem.difficulty}</span>
      </h2>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
      {problem.examples.length > 0 && (
        <section>
          <h3>Examples</h3>
          {problem.examples.map((ex, i) => (
            <div key={i} className="example">
              <div><strong>Input</strong><pre>{ex.input}</pre></div>
              <div><strong>Output</strong><pre>{ex.output}</pre></div>
              {ex.explanation && <p className="muted">{ex.explanation}</p>}
            </div>
          ))}
        </section>
      )}
      {problem.constraints.length > 0 && (
        <section>
          <h3>Constraints</h3>
          <ul>{problem.constraints.map((c, i) => <li key={i}><code>{c}</code></li>)}</ul>
        </section>
      )}
      <p className="muted small">Time limit {problem.timeLimitMs} ms · memory {Math.round(problem.memoryLimitKb / 1024)} MiB</p>
    </article>
  );
}

/** Statements often open with `# <title>`; the panel already shows the title. */
function withoutTitleHeading(markdown: string, title: string): string {
  const m = /^\s*#\s+(.+)\n/.exec(markdown);
  return m && m[1]!.trim() === title.trim() ? markdown.slice(m[0].length) : markdown;
}
