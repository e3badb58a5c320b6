// "Download report": the whole session as one self-contained HTML file, built in the browser (the final
// whiteboard is rendered to a PNG with tldraw's export and inlined). In the desktop app, also "Save as PDF".
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { getProblem } from '../lobby/problem-actions.ts';
import { downloadBlob } from '../ui/download.ts';
import { errorText } from '../ui/error-text.ts';
import { renderMarkdown } from '../ui/markdown.ts';
import { eventLabel, timelineEvents } from './event-labels.ts';
import { reportHtml } from './report-html.ts';
import { getWhiteboard, listSessionFeedback } from './session-actions.ts';
import { decodeSnapshot } from './snapshot-text.ts';
import type { SessionData } from './use-session-data.ts';

export function ReportExport({ api, data }: { api: ApiClient; data: SessionData }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const bridge = desktopBridge();
  const baseName = `syncode-${data.detail.name.replace(/[^\w.-]+/g, '-').slice(0, 60)}-${data.detail.id.slice(0, 8)}`;

  const run = async (deliver: (html: string) => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await deliver(await buildReport(api, data)));
    } catch (e) {
      setMessage(`The report could not be made: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const downloadHtml = () =>
    run(async (html) => {
      downloadBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), `${baseName}.html`);
      return null;
    });
  const savePdf = () =>
    run(async (html) => ((await bridge!.reportSavePdf({ html, fileName: `${baseName}.pdf` })).saved ? 'Saved the PDF.' : null));

  return (
    <span className="row tight">
      <button type="button" onClick={() => void downloadHtml()} disabled={busy} data-testid="export-html">
        {busy ? 'Preparing the report…' : 'Download report'}
      </button>
      {bridge && <button type="button" onClick={() => void savePdf()} disabled={busy}>Save as PDF</button>}
      {message && <span className="muted small" role="status">{message}</span>}
    </span>
  );
}

async function buildReport(api: ApiClient, data: SessionData): Promise<string> {
  const { detail, timeline, snapshots } = data;
  const names = new Map(detail.participants.map((p) => [p.userId, p.displayName]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'Someone') : 'Someone');
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
    timeline: timelineEvents(timeline).map((e) => ({ at: e.at, text: eventLabel(e, nameOf) })),
    whiteboardPng,
    generatedAt: new Date(),
  });
}
