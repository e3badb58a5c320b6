// "Export report": the whole session as one self-contained HTML file, built in the browser (the final
// whiteboard is rendered to a PNG with tldraw's export and inlined), then offered for download; in the
// desktop app also as a PDF.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { getProblem } from '../lobby/problem-actions.ts';
import { errorText } from '../ui/error-text.ts';
import { renderMarkdown } from '../ui/markdown.ts';
import { participantNames, timelineRows } from './event-labels.ts';
import { reportHtml } from './report-html.ts';
import { getWhiteboard, listSessionFeedback } from './session-actions.ts';
import { decodeSnapshot } from './snapshot-text.ts';
import type { SessionData } from './use-session-data.ts';

export function ReportExport({ api, data }: { api: ApiClient; data: SessionData }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ html: string; url: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const bridge = desktopBridge();
  const baseName = `syncode-${data.detail.name.replace(/[^\w.-]+/g, '-').slice(0, 60)}-${data.detail.id.slice(0, 8)}`;
  useEffect(() => () => {
    if (report) URL.revokeObjectURL(report.url);
  }, [report]);

  // Building takes a few seconds (the board is rendered), longer than a click counts as the user's own
  // gesture for a download; so the file is offered as a link once it is ready.
  const prepare = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const html = await buildReport(api, data);
      setReport({ html, url: URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' })) });
    } catch (e) {
      setMessage(`The report could not be made: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const savePdf = async (html: string) => {
    try {
      const { saved } = await bridge!.reportSavePdf({ html, fileName: `${baseName}.pdf` });
      setMessage(saved ? 'Saved the PDF.' : null);
    } catch (e) {
      setMessage(`The PDF could not be saved: ${errorText(e)}`);
    }
  };

  return (
    <span className="row tight">
      {report ? (
        <>
          <a className="button" href={report.url} download={`${baseName}.html`} data-testid="report-download">Download report (HTML)</a>
          {bridge && <button type="button" onClick={() => void savePdf(report.html)}>Save as PDF</button>}
        </>
      ) : (
        <button type="button" onClick={() => void prepare()} disabled={busy} data-testid="export-report">
          {busy ? 'Preparing the report…' : 'Export report'}
        </button>
      )}
      {message && <span className="muted small" role="status">{message}</span>}
    </span>
  );
}

async function buildReport(api: ApiClient, data: SessionData): Promise<string> {
  const { detail, timeline, snapshots } = data;
  const nameOf = participantNames(detail.participants);
  const [problem, feedback, board] = await Promise.all([
    detail.problem ? getProblem(api, detail.problem.id).catch(() => null) : null,
    listSessionFeedback(api, detail.id).then((r) => r.items),
    detail.hasWhiteboard ? getWhiteboard(api, detail.id) : null,
  ]);
  const last = snapshots.at(-1);
  // tldraw is loaded only when a report with a board is made.
  const whiteboardPng = board?.records?.length ? await (await import('./whiteboard-image.tsx')).whiteboardPng(board.records) : null;
  return reportHtml({
    detail,
    problemHtml: problem ? renderMarkdown(problem.description) : null,
    finalCode: last ? decodeSnapshot(last.bytes).text : '',
    feedback,
    timeline: timelineRows(timeline, nameOf).map((r) => ({ at: r.event.at, text: r.text })),
    whiteboardPng,
    generatedAt: new Date(),
  });
}
