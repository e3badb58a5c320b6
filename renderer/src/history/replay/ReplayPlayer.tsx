// The session replay: code and whiteboard on one clock, with play/pause, speeds 1×–32×, scrubbing, idle
// skipping, keyboard shortcuts, the session's events as markers that jump the player, and a diff between any
// two moments.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { SupportedLanguage } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { SessionDetail, SessionEvent } from '../../api/types.ts';
import { errorText } from '../../ui/error-text.ts';
import { eventLabel, MARKER_KINDS, participantNames } from '../event-labels.ts';
import { authorTints } from './author-tints.ts';
import { ReplayCode } from './ReplayCode.tsx';
import { ReplayClock } from './replay-clock.ts';
import { ReplayDiff } from './ReplayDiff.tsx';
import { ReplayKeys, SPEEDS } from './ReplayKeys.tsx';
import type { ReplayTrack } from './replay-track.ts';
import { useReplayTracks } from './use-replay-tracks.ts';

const ReplayBoard = lazy(() => import('./ReplayBoard.tsx').then((m) => ({ default: m.ReplayBoard })));

const STEP_MS = 5000;

/** A request from outside the player (the session's timeline) to show a moment; `n` tells repeated requests apart. */
export interface ReplaySeek {
  at: number;
  n: number;
}

export interface ReplayPlayerProps {
  api: ApiClient;
  detail: SessionDetail;
  timeline: SessionEvent[];
  seek: ReplaySeek | null;
}

export function ReplayPlayer({ api, detail, timeline, seek }: ReplayPlayerProps) {
  const { code, board, progress, error } = useReplayTracks(api, detail);
  if (error) return <p role="alert" className="error">The replay could not be loaded: {errorText(error)}</p>;
  if (!code || !board) {
    return (
      <div className="replay-loading" role="status" data-testid="replay-loading">
        Loading the history… <progress max={1} value={progress} /> {Math.round(progress * 100)} %
      </div>
    );
  }
  return <LoadedPlayer code={code} board={board} detail={detail} timeline={timeline} seek={seek} />;
}

function LoadedPlayer({ code, board, detail, timeline, seek }: { code: ReplayTrack; board: ReplayTrack } & Omit<ReplayPlayerProps, 'api'>) {
  const nameOf = useMemo(() => participantNames(detail.participants), [detail]);
  const markers = useMemo(
    () =>
      timeline
        .filter((e) => MARKER_KINDS[e.type])
        .map((e) => ({ id: e.id, at: Date.parse(e.at), kind: MARKER_KINDS[e.type]!, label: eventLabel(e, nameOf), verdict: typeof e.data.verdict === 'string' ? e.data.verdict : null })),
    [timeline, nameOf],
  );
  const [skipIdle, setSkipIdle] = useState(true);
  const clock = useMemo(
    () => new ReplayClock([...code.steps.map((s) => s.at), ...board.steps.map((s) => s.at), ...markers.map((m) => m.at)], skipIdle),
    [code, board, markers, skipIdle],
  );
  const [wall, setWall] = useState(() => clock.end);
  const [seekId, setSeekId] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const play = clock.toPlay(wall);
  const seekWall = (at: number) => {
    setWall(Math.max(clock.start, Math.min(at, clock.end)));
    setSeekId((n) => n + 1);
  };
  const seekPlay = (p: number) => seekWall(clock.toWall(p));

  // A moment asked for from outside (a timeline row; also one asked for while the history loaded): pause there and
  // bring the player into view.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!seek) return;
    setPlaying(false);
    seekWall(seek.at);
    root.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    // Only a new request seeks, not a new clock (skipping idle time on or off).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seek]);

  // Playback: play time advances by the frame's duration times the speed; it stops at the end.
  const state = useRef({ play, speed, clock });
  state.current = { play, speed, clock };
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const { play: p, speed: s, clock: c } = state.current;
      const next = Math.min(c.duration, p + (now - last) * s);
      last = now;
      setWall(c.toWall(next));
      if (next >= c.duration) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const tints = useMemo(() => authorTints(timeline, detail.participants), [timeline, detail]);

  const toggle = () => {
    if (playing) return setPlaying(false);
    if (play >= clock.duration) seekPlay(0);
    setPlaying(true);
  };
  const onKey = (key: string, shift: boolean): boolean => {
    if (key === ' ') toggle();
    else if (key === 'ArrowLeft') seekPlay(play - STEP_MS * (shift ? 6 : 1));
    else if (key === 'ArrowRight') seekPlay(play + STEP_MS * (shift ? 6 : 1));
    else if (/^[1-6]$/.test(key)) setSpeed(SPEEDS[Number(key) - 1]!);
    else return false;
    return true;
  };

  const codeCount = code.countAt(wall);
  const elapsed = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
  return (
    <div className="replay stack" data-testid="replay-player" ref={root}>
      <style>{tints.css}</style>
      <div className="replay-controls">
        <button type="button" onClick={toggle} data-testid="replay-play" aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label>
          Speed{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed" data-testid="replay-speed">
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <label title="Quiet stretches longer than 3 seconds play as 3 seconds">
          <input type="checkbox" checked={skipIdle} onChange={(e) => setSkipIdle(e.target.checked)} data-testid="replay-skip-idle" /> Skip idle time
        </label>
        <span className="muted small" data-testid="replay-time">
          {elapsed(play)} / {elapsed(clock.duration)} · {new Date(wall).toLocaleTimeString()}
        </span>
        <span className="grow" />
        <ReplayKeys onKey={onKey} />
      </div>
      <div className="replay-track">
        <div className="replay-markers" data-testid="replay-markers">
          {markers.map((m) => (
            <button
              type="button"
              key={m.id}
              className={`replay-marker ${m.kind}${m.verdict ? ` verdict-${m.verdict === 'ACCEPTED' ? 'ok' : 'bad'}` : ''}`}
              style={{ left: `${clock.duration ? (clock.toPlay(m.at) / clock.duration) * 100 : 0}%` }}
              title={`${new Date(m.at).toLocaleTimeString()} · ${m.label}`}
              aria-label={m.label}
              data-kind={m.kind}
              onClick={() => seekWall(m.at)}
            />
          ))}
        </div>
        <input
          type="range"
          min={0}
          max={clock.duration}
          step={100}
          value={play}
          onChange={(e) => seekPlay(Number(e.target.value))}
          aria-label="Replay position"
          data-testid="replay-scrub"
        />
      </div>
      <div className="replay-panes">
        <ReplayCode track={code} count={codeCount} seekId={seekId} language={detail.language as SupportedLanguage} authorClass={tints.classes} />
        <Suspense fallback={<p className="muted">Loading the whiteboard…</p>}>
          <ReplayBoard track={board} count={board.countAt(wall)} fileName={`whiteboard-${detail.id.slice(0, 8)}`} />
        </Suspense>
      </div>
      <div className="replay-legend small">
        {[...tints.classes].map(([id, cls]) => (
          <span key={id} className={cls}>{nameOf(id)}</span>
        ))}
      </div>
      <ReplayDiff track={code} wall={wall} clock={clock} language={detail.language as SupportedLanguage} />
    </div>
  );
}
