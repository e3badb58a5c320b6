// One session as a single self-contained HTML document (the exported report): problem, final code,
// submissions with their verdicts, the scorecards, the timeline and the whiteboard image. Everything is
// inline and every value is escaped; the document's own CSP forbids loading anything, so opening it makes
// no request. The problem statement is the only HTML taken in, and it arrives sanitized (renderMarkdown).
import type { PeerFeedbackEntry, SessionDetail } from '../api/types.ts';
import { formatDuration, formatTime } from '../ui/format.ts';
import { LANGUAGE_LABEL, MODE_LABEL, VERDICT_LABEL } from '../ui/labels.ts';
import { RATING_KEYS, RATING_LABEL, RECOMMENDATION_LABEL } from '../ui/scorecard-labels.ts';

export interface ReportInput {
  detail: SessionDetail;
  /** The statement as sanitized HTML, or null when the session had no problem. */
  problemHtml: string | null;
  finalCode: string;
  feedback: PeerFeedbackEntry[];
  timeline: { at: string; text: string }[];
  /** A `data:image/png;base64,…` URL of the final whiteboard, or null when it was empty. */
  whiteboardPng: string | null;
  generatedAt: Date;
}

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function reportHtml(r: ReportInput): string {
  const d = r.detail;
  const names = new Map(d.participants.map((p) => [p.userId, p.displayName]));
  const nameOf = (id: string) => escapeHtml(names.get(id) ?? 'someone');
  const title = `${d.name}: session report`;
  const facts = [
    MODE_LABEL[d.mode],
    d.problem ? `${d.problem.title} (${d.problem.difficulty})` : 'no problem',
    LANGUAGE_LABEL[d.language],
    `finished ${formatTime(d.finishedAt)}`,
    formatDuration(d.durationMs),
  ];
  const whiteboard = r.whiteboardPng?.startsWith('data:image/png;base64,')
    ? `<img class="board" alt="The final whiteboard" src="${escapeHtml(r.whiteboardPng)}">`
    : '<p class="muted">The whiteboard was empty.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(d.name)}</h1>
<p class="muted">${facts.map(escapeHtml).join(' · ')}</p>
<p>${d.participants.map((p) => `${escapeHtml(p.displayName)} <span class="muted">(${escapeHtml(p.role)}${p.kicked ? ', removed' : ''})</span>`).join(', ')}</p>
${d.finalVerdict ? `<p>Final verdict: <strong id="final-verdict">${escapeHtml(VERDICT_LABEL[d.finalVerdict])}</strong></p>` : ''}
</header>
<main>
<section id="problem"><h2>Problem${d.problem ? `: ${escapeHtml(d.problem.title)}` : ''}</h2>${r.problemHtml ?? '<p class="muted">No problem was set.</p>'}</section>
<section id="code"><h2>Final code <span class="muted">(${escapeHtml(LANGUAGE_LABEL[d.language])})</span></h2><pre><code>${escapeHtml(r.finalCode)}</code></pre></section>
<section id="submissions"><h2>Submissions</h2>${submissionsTable(d, nameOf)}</section>
<section id="scorecard"><h2>Scorecards and feedback</h2>${feedbackBlock(r.feedback, nameOf)}</section>
<section id="whiteboard"><h2>Whiteboard</h2>${whiteboard}</section>
<section id="timeline"><h2>Timeline</h2><ol>${r.timeline.map((e) => `<li><span class="muted">${escapeHtml(new Date(e.at).toLocaleTimeString())}</span> ${escapeHtml(e.text)}</li>`).join('')}</ol></section>
</main>
<footer class="muted">Exported from SynCode on ${escapeHtml(r.generatedAt.toLocaleString())}.</footer>
</body>
</html>
`;
}

function submissionsTable(d: SessionDetail, nameOf: (id: string) => string): string {
  if (d.submissions.length === 0) return '<p class="muted">No submissions.</p>';
  const rows = d.submissions.map(
    (s) =>
      `<tr><td>${escapeHtml(new Date(s.createdAt).toLocaleTimeString())}</td><td>${nameOf(s.userId)}</td><td>${escapeHtml(LANGUAGE_LABEL[s.language])}</td>` +
      `<td class="${s.verdict === 'ACCEPTED' ? 'ok' : 'bad'}">${escapeHtml(s.verdict ? VERDICT_LABEL[s.verdict] : s.status)}</td><td>${s.passed}/${s.total}</td></tr>`,
  );
  return `<table><thead><tr><th>When</th><th>By</th><th>Language</th><th>Verdict</th><th>Tests passed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function feedbackBlock(entries: PeerFeedbackEntry[], nameOf: (id: string) => string): string {
  if (entries.length === 0) return '<p class="muted">No feedback was given.</p>';
  return entries
    .map(
      (f) => `<article class="feedback">
<h3>${escapeHtml(f.authorName)} about ${nameOf(f.targetUserId)}${f.recommendation ? `: <span class="rec">${escapeHtml(RECOMMENDATION_LABEL[f.recommendation])}</span>` : ''}</h3>
<table class="scores">${RATING_KEYS.map((k) => `<tr><th>${escapeHtml(RATING_LABEL[k])}</th><td>${f.ratings[k]}/5</td></tr>`).join('')}</table>
${f.comment ? `<p class="notes">${escapeHtml(f.comment)}</p>` : ''}
</article>`,
    )
    .join('\n');
}

const STYLE = `
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1f24; background: #fff; max-width: 960px; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 1.8rem; } h3 { font-size: 1rem; margin: .4rem 0; }
.muted { color: #57606a; } .ok { color: #1a7f37; font-weight: 600; } .bad { color: #cf222e; font-weight: 600; } .rec { color: #0969da; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .7rem; white-space: pre-wrap; word-break: break-word; font: 12.5px/1.45 ui-monospace, Menlo, monospace; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
.feedback { border: 1px solid #d0d7de; border-radius: 8px; padding: .6rem .9rem; margin: .6rem 0; page-break-inside: avoid; }
.notes { white-space: pre-wrap; } .board { max-width: 100%; border: 1px solid #d0d7de; border-radius: 6px; }
ol { padding-left: 1.6rem; } footer { margin-top: 2rem; font-size: .85rem; }
@media print { body { margin: 0 auto; } section { page-break-inside: auto; } }
`;
