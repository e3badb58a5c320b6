// The training report of a finished session: written by the AI after the finish (pending, then ready,
// failed or unavailable), polled while pending. Scores per dimension with their evidence, strengths and
// what to improve.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionDetail, TrainingReport } from '../api/types.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { dimensionLabel } from '../ui/labels.ts';
import { renderMarkdown } from '../ui/markdown.ts';
import { ScoreBadge, ScoreBar } from '../ui/Score.tsx';
import { getReport } from './session-actions.ts';
import './ai-sections.css';

/** A report is usually ready within a minute: look again every few seconds while it is written. */
const PENDING_POLL_MS = 3000;

export function TrainingReportSection({ api, detail }: { api: ApiClient; detail: SessionDetail }) {
  const [report, setReport] = useState<TrainingReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const finished = detail.status === 'finished';

  useEffect(() => {
    if (!finished) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      getReport(api, detail.id)
        .then((r) => {
          if (!live) return;
          setReport(r);
          setError(null);
          if (r.status === 'pending') timer = setTimeout(load, PENDING_POLL_MS);
        })
        .catch((e: unknown) => live && setError(e));
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, detail.id, finished]);

  return (
    <section className="card training-report" data-testid="training-report" data-status={report?.status ?? (error ? 'error' : 'loading')}>
      <h3>Training report</h3>
      {!finished && <p className="muted">The report is written once the session has finished.</p>}
      <ErrorAlert error={error} />
      {finished && !report && error === null && <p className="muted">Loading…</p>}
      {report?.status === 'pending' && (
        <p role="status"><span className="spinner" /> The AI is writing the report. This page updates when it is ready.</p>
      )}
      {report?.status === 'unavailable' && (
        <p className="muted">No report: no AI provider was configured when this session finished.</p>
      )}
      {report?.status === 'failed' && <p className="muted">The AI could not write a report for this session (the provider failed or answered something unusable).</p>}
      {report?.status === 'ready' && <ReadyReport report={report} />}
    </section>
  );
}

function ReadyReport({ report }: { report: TrainingReport }) {
  return (
    <div className="stack">
      <div className="row tight report-overall">
        {report.overallScore !== null && <ScoreBadge score={report.overallScore} />}
        <span className="grow">
          {report.summary && <span className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(report.summary) }} />}
        </span>
      </div>
      <ul className="report-dimensions" data-testid="report-dimensions">
        {report.dimensions.map((d) => (
          <li key={d.name}>
            <div className="row tight">
              <strong className="grow">{dimensionLabel(d.name)}</strong>
              <ScoreBar score={d.score} />
            </div>
            <p className="small">{d.summary}</p>
            {d.evidence.length > 0 && (
              <ul className="evidence">
                {d.evidence.map((e, i) => (
                  <li key={i} className="small">
                    {e.line !== null && <span className="muted">line {e.line}: </span>}
                    {e.quote && <code>{e.quote}</code>} {e.note}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className="report-lists">
        <div>
          <h4>Strengths</h4>
          <ul>{report.strengths.map((s, i) => <li key={i}>{s}</li>)}</ul>
        </div>
        <div>
          <h4>To improve</h4>
          <ul>{report.improvements.map((s, i) => <li key={i}>{s}</li>)}</ul>
        </div>
      </div>
    </div>
  );
}
