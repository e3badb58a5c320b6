// The room's AI panel: the conversation with the AI interviewer (its reply streamed token by token as
// sanitised Markdown, stop, retry), hints at three levels, and a code review whose line comments are drawn
// in the editor. When the AI cannot answer here, the panel says why and what would change it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { ErrorCode } from '../../../../server/protocol/index.ts';
import type { JobAccepted } from '../../../../server/protocol/index.ts';
import type { AiHintJob, AiReviewJob } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { errorCode, errorText } from '../../ui/error-text.ts';
import { renderMarkdown } from '../../ui/markdown.ts';
import type { RoomView } from '../collab/room-view.ts';
import { useJob } from '../panels/use-job.ts';
import { roomActions } from '../room-actions.ts';
import { aiActions } from './ai-actions.ts';
import { AiBlockedNotice } from './AiBlockedNotice.tsx';
import { showReviewComments, type ReviewComment } from './review-decorations.ts';
import { ReviewSummary } from './ReviewSummary.tsx';
import { useAiChat, type FeedEntry } from './use-ai-chat.ts';
import './ai-panel.css';

export interface AiPanelProps {
  view: RoomView;
  readCode: () => string;
  /** The code editor, once Monaco has loaded (review comments are drawn in it). */
  editor: MonacoEditor.IStandaloneCodeEditor | null;
}

const HINT_LEVELS = [
  { level: 1, label: 'Nudge' },
  { level: 2, label: 'Approach' },
  { level: 3, label: 'Detailed' },
] as const;

/** Failure texts of a reply by code; anything else falls back to the shared error text. */
const REPLY_FAILURE: Partial<Record<string, string>> = {
  [ErrorCode.AI_UNAVAILABLE]: 'The AI provider did not answer.',
  [ErrorCode.AI_CANCELLED]: 'The reply was stopped.',
  [ErrorCode.RATE_LIMITED]: 'Too many requests. Wait a moment.',
};

export function AiPanel({ view, readCode, editor }: AiPanelProps) {
  const { api } = useSession();
  const roomId = view.room.id;
  const actions = useMemo(() => aiActions(api, roomId), [api, roomId]);
  const context = () => ({ code: readCode(), language: view.language });
  const chat = useAiChat(actions, context);
  const [draft, setDraft] = useState('');
  const [hintLevel, setHintLevel] = useState<1 | 2 | 3>(1);
  const [hintJob, setHintJob] = useState<JobAccepted | null>(null);
  const [reviewJob, setReviewJob] = useState<JobAccepted | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const hint = useJob<AiHintJob>(api, hintJob, null);
  const review = useJob<AiReviewJob>(api, reviewJob, null);
  const [marksShown, setMarksShown] = useState(true);
  const feedEnd = useRef<HTMLDivElement>(null);

  const aiOff = !view.room.config.aiEnabled;
  const blocked = aiOff ? { code: ErrorCode.AI_DISABLED, details: undefined } : chat.blocked;
  const mayHint = view.role === 'host' || view.role === 'candidate';
  const busy = chat.pending !== null && chat.pending.state !== 'failed';
  const reviewResult = review.result?.status === 'completed' ? review.result.result : null;

  useEffect(() => {
    const h = hint.result;
    if (h?.status === 'completed' && h.result) chat.addHint(h.id, h.result.level, h.result.content);
  }, [hint.result, chat.addHint]);

  useEffect(() => {
    if (!editor || !reviewResult || !marksShown) return;
    return showReviewComments(editor, reviewResult.comments);
  }, [editor, reviewResult, marksShown]);

  useEffect(() => {
    feedEnd.current?.scrollIntoView({ block: 'end' });
  }, [chat.feed.length, chat.pending?.text]);

  const start = async (request: () => Promise<JobAccepted>, set: (job: JobAccepted) => void) => {
    setActionError(null);
    setNote(null);
    try {
      set(await request());
    } catch (e) {
      if (!chat.block(e)) setActionError(e);
    }
  };
  const askHint = () => void start(() => actions.hint({ level: hintLevel, ...context() }), setHintJob);
  const askReview = () => {
    const code = readCode();
    if (!code.trim()) return setNote('Write some code first: the review reads the editor.');
    setMarksShown(true);
    void start(() => actions.review({ code, language: view.language }), setReviewJob);
  };
  const send = () => {
    const content = draft.trim();
    if (!content || busy) return;
    setDraft('');
    void chat.send(content);
  };
  const reveal = (c: ReviewComment) => {
    if (!editor || c.line === null) return;
    editor.revealLineInCenter(c.line);
    editor.setPosition({ lineNumber: c.line, column: 1 });
    editor.focus();
  };
  const enableAi = view.role === 'host' ? () => void roomActions(api, roomId).saveSettings({ config: { aiEnabled: true } }).catch(setActionError) : null;

  const hintPending = hintJob !== null && (hint.result === null || hint.result.status === 'queued' || hint.result.status === 'running');
  const reviewPending = reviewJob !== null && (review.result === null || review.result.status === 'queued' || review.result.status === 'running');
  const jobFailure = [hint.result, review.result].find((j) => j?.status === 'failed')?.error ?? null;

  return (
    <section className="ai-panel" data-testid="ai-panel" aria-label="AI interviewer">
      {blocked ? (
        <AiBlockedNotice reason={blocked} onEnable={aiOff ? enableAi : null} />
      ) : (
        <div className="ai-tools row tight">
          {mayHint && (
            <>
              <select aria-label="Hint level" value={hintLevel} onChange={(e) => setHintLevel(Number(e.target.value) as 1 | 2 | 3)}>
                {HINT_LEVELS.map((h) => <option key={h.level} value={h.level}>{h.level} · {h.label}</option>)}
              </select>
              <button type="button" onClick={askHint} disabled={hintPending} data-testid="ai-hint">
                {hintPending ? <span className="spinner" /> : 'Hint'}
              </button>
            </>
          )}
          <button type="button" onClick={askReview} disabled={reviewPending} data-testid="ai-review-button">
            {reviewPending ? <><span className="spinner" /> Reviewing…</> : 'Review my code'}
          </button>
        </div>
      )}
      {(actionError !== null || jobFailure) && (
        <p className="error small" role="alert" data-error-code={jobFailure?.code ?? errorCode(actionError)}>
          {jobFailure ? (REPLY_FAILURE[jobFailure.code] ?? `The AI could not finish (${jobFailure.code}).`) : errorText(actionError)}
        </p>
      )}
      {note && <p className="muted small" role="status">{note}</p>}
      {reviewResult && marksShown && <ReviewSummary review={reviewResult} onReveal={reveal} onClear={() => setMarksShown(false)} />}

      <div className="ai-feed" data-testid="ai-feed" aria-live="polite">
        {chat.loading && <p className="muted">Loading the conversation…</p>}
        {chat.loadError !== null && <p className="error" role="alert">{errorText(chat.loadError)}</p>}
        {!chat.loading && !blocked && chat.feed.length === 0 && !chat.pending && (
          <p className="muted">
            {view.room.mode === 'practice'
              ? 'Your interviewer is here. Start by restating the problem in your own words, or ask a clarifying question.'
              : 'Ask the AI about the problem or the code. Only you see this conversation (and the host).'}
          </p>
        )}
        {chat.feed.map((entry) => <FeedItem key={entry.id} entry={entry} />)}
        {chat.pending && (
          <div className={`ai-message assistant ${chat.pending.state}`} data-testid="ai-pending" data-state={chat.pending.state}>
            {chat.pending.text ? <Markdown text={chat.pending.text} /> : chat.pending.state !== 'failed' && <span className="muted"><span className="spinner" /> Thinking…</span>}
            {chat.pending.state === 'failed' && (
              <p className="error small" role="alert" data-error-code={chat.pending.code ?? ''}>
                {REPLY_FAILURE[chat.pending.code ?? ''] ?? `No reply (${chat.pending.code}).`}{' '}
                <button type="button" className="link" onClick={() => void chat.send(chat.pending!.prompt)} data-testid="ai-retry">Retry</button>{' '}
                <button type="button" className="link" onClick={chat.dismissFailure}>Dismiss</button>
              </p>
            )}
          </div>
        )}
        <div ref={feedEnd} />
      </div>

      {!blocked && (
        <form className="ai-composer" onSubmit={(e) => { e.preventDefault(); send(); }}>
          <textarea
            aria-label="Message to the AI interviewer"
            placeholder="Message the interviewer… (Enter to send, Shift+Enter for a new line)"
            value={draft}
            rows={3}
            maxLength={4000}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send();
              }
            }}
          />
          {busy ? (
            <button type="button" onClick={chat.stop} data-testid="ai-stop">Stop</button>
          ) : (
            <button type="submit" className="primary" disabled={!draft.trim()} data-testid="ai-send">Send</button>
          )}
        </form>
      )}
    </section>
  );
}

function FeedItem({ entry }: { entry: FeedEntry }) {
  switch (entry.kind) {
    case 'message':
      return (
        <div className={`ai-message ${entry.role}`} data-testid={`ai-message-${entry.role}`}>
          {entry.role === 'user' ? <p className="plain">{entry.content}</p> : <Markdown text={entry.content} />}
        </div>
      );
    case 'stopped':
      return (
        <div className="ai-message assistant stopped" data-testid="ai-message-stopped">
          {entry.content && <Markdown text={entry.content} />}
          <p className="muted small">Stopped.</p>
        </div>
      );
    case 'hint':
      return (
        <div className="ai-message hint" data-testid="ai-hint-result">
          <p className="muted small">Hint · level {entry.level} ({HINT_LEVELS[entry.level - 1]!.label.toLowerCase()})</p>
          <Markdown text={entry.content} />
        </div>
      );
  }
}

function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
