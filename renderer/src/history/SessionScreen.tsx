// A finished (or live) session: timeline, snapshot slider and diff, final whiteboard, feedback.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { WhiteboardExport } from '../api/types.ts';
import { useSession } from '../app/session-context.tsx';
import { errorCode, errorText } from '../ui/error-text.ts';
import { formatDuration, formatTime } from '../ui/format.ts';
import { LANGUAGE_LABEL, MODE_LABEL, PHASE_LABEL, VERDICT_LABEL } from '../ui/labels.ts';
import { participantNames } from './event-labels.ts';
import { AiHistorySection } from './AiHistory.tsx';
import { FeedbackSection } from './FeedbackSection.tsx';
import type { ReplaySeek } from './replay/ReplayPlayer.tsx';
import { ReportExport } from './ReportExport.tsx';
import { getWhiteboard } from './session-actions.ts';
import { SessionTimeline } from './SessionTimeline.tsx';
import { SnapshotViewer } from './SnapshotViewer.tsx';
import { TrainingReportSection } from './TrainingReport.tsx';
import { useSessionData } from './use-session-data.ts';

const ReplayPlayer = lazy(() => import('./replay/ReplayPlayer.tsx').then((m) => ({ default: m.ReplayPlayer })));
const FinalWhiteboard = lazy(() => import('./FinalWhiteboard.tsx').then((m) => ({ default: m.FinalWhiteboard })));

export function SessionScreen({ sessionId }: { sessionId: string }) {
  const { api, user } = useSession();
  const { data, error } = useSessionData(api, sessionId);
  const [board, setBoard] = useState<WhiteboardExport | null>(null);
  const [showBoard, setShowBoard] = useState(false);
  // A timeline row asks the replay to show its moment; `n` makes a second click on the same row count.
  const [seek, setSeek] = useState<ReplaySeek | null>(null);
  useEffect(() => {
    if (!showBoard || board) return;
    getWhiteboard(api, sessionId).then(setBoard).catch(() => setBoard(null));
  }, [api, sessionId, showBoard, board]);

  if (error) return <p role="alert" className="card error" data-error-code={errorCode(error)}>{errorText(error)}</p>;
  if (!data) return <p className="center muted" role="status">Loading the session…</p>;
  const { detail, timeline, snapshots } = data;
  const nameOf = participantNames(detail.participants);
  return (
    <div className="session stack" data-testid="session-page">
      <section className="card">
        <div className="row">
          <h2 className="grow">{detail.name}</h2>
          <ReportExport api={api} data={data} />
        </div>
        <p className="muted">
          {MODE_LABEL[detail.mode]} · {detail.problem?.title ?? 'no problem'} · {LANGUAGE_LABEL[detail.language]} ·{' '}
          {detail.status === 'finished' ? `finished ${formatTime(detail.finishedAt)}` : `still in ${PHASE_LABEL[detail.status]}`} · {formatDuration(detail.durationMs)}
          {detail.finalVerdict && <> · final verdict <strong data-testid="final-verdict">{VERDICT_LABEL[detail.finalVerdict]}</strong></>}
        </p>
        <p>{detail.participants.map((p) => `${p.displayName} (${p.role}${p.kicked ? ', kicked' : ''})`).join(', ')}</p>
      </section>
      {detail.reportStatus !== 'none' && <TrainingReportSection api={api} detail={detail} />}
      <section className="card">
        <h3>Replay</h3>
        <Suspense fallback={<p className="muted">Loading the player…</p>}>
          <ReplayPlayer api={api} detail={detail} timeline={timeline} seek={seek} />
        </Suspense>
      </section>
      <section className="card">
        <h3>Code over time</h3>
        <SnapshotViewer snapshots={snapshots} language={detail.language} />
      </section>
      <div className="session-grid">
        <section className="card">
          <h3>Timeline</h3>
          <SessionTimeline timeline={timeline} nameOf={nameOf} onSeek={(at) => setSeek((s) => ({ at, n: (s?.n ?? 0) + 1 }))} />
        </section>
        {user && <FeedbackSection api={api} detail={detail} me={user} />}
      </div>
      {user && <AiHistorySection api={api} detail={detail} meId={user.id} />}
      {detail.hasWhiteboard && (
        <section className="card">
          <h3>Whiteboard</h3>
          {!showBoard ? (
            <button type="button" onClick={() => setShowBoard(true)}>Show the final whiteboard</button>
          ) : board?.records ? (
            <Suspense fallback={<p className="muted">Loading the whiteboard…</p>}>
              <FinalWhiteboard records={board.records} fileName={`whiteboard-${detail.id.slice(0, 8)}`} />
            </Suspense>
          ) : (
            <p className="muted">Loading…</p>
          )}
        </section>
      )}
    </div>
  );
}

