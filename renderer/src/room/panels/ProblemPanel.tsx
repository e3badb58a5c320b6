import { useEffect, useMemo, useState } from 'react';
import type { ProblemDetail } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { getProblem } from '../../lobby/problem-actions.ts';
import { errorText } from '../../ui/error-text.ts';
import { renderMarkdown } from '../../ui/markdown.ts';

export function ProblemPanel({ problemId }: { problemId: string | null }) {
  const { api } = useSession();
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setProblem(null);
    setError(null);
    if (!problemId) return;
    getProblem(api, problemId)
      .then((p) => {
        setProblem(p);
        remember(p);
      })
      .catch((e: unknown) => {
        // Offline (or a reload while offline): the statement last seen still helps.
        const cached = recall(problemId);
        if (cached) setProblem(cached);
        else setError(errorText(e));
      });
  }, [api, problemId]);
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

const cacheKey = (id: string) => `syncode.problem:${id}`;

function remember(p: ProblemDetail): void {
  try {
    localStorage.setItem(cacheKey(p.id), JSON.stringify(p));
  } catch {
    // Storage full: the panel just needs the network next time.
  }
}

function recall(id: string): ProblemDetail | null {
  try {
    const raw = localStorage.getItem(cacheKey(id));
    return raw ? (JSON.parse(raw) as ProblemDetail) : null;
  } catch {
    return null;
  }
}
