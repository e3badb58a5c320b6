// Host and interviewer controls: lock, timer, problem and language, manual snapshot, settings.
import { useState } from 'react';
import type { SupportedLanguage } from '../../../../server/protocol/index.ts';
import type { RoomDetail } from '../../api/types.ts';
import { NO_FILTER, useProblems } from '../../lobby/use-problems.ts';
import type { RoomView } from '../collab/room-view.ts';

export interface StaffControlsProps {
  view: RoomView;
  act: (fn: () => Promise<unknown>) => void;
  post: <T>(path: string, body?: unknown) => Promise<T>;
  patch: <T>(path: string, body: unknown) => Promise<T>;
}

export function StaffControls({ view, act, post, patch }: StaffControlsProps) {
  const { items: problems } = useProblems(NO_FILTER);
  const [problemId, setProblemId] = useState(view.problemId ?? '');
  const [showSettings, setShowSettings] = useState(false);
  const base = `/v1/rooms/${view.room.id}`;
  const timer = view.timer;
  const chosen = problems?.find((p) => p.id === problemId);

  return (
    <div className="staff-controls stack" data-testid="staff-controls">
      <div className="row">
        {view.editorLocked ? (
          <button type="button" onClick={() => act(() => post(`${base}/control/unlock`))} data-testid="unlock-button">Unlock editor</button>
        ) : (
          <button type="button" onClick={() => act(() => post(`${base}/control/lock`))} data-testid="lock-button">Lock editor</button>
        )}
        {timer && (timer.running ? (
          <button type="button" onClick={() => act(() => post(`${base}/control/timer/pause`))}>Pause timer</button>
        ) : (
          <button type="button" onClick={() => act(() => post(`${base}/control/timer/resume`))}>Resume timer</button>
        ))}
        <button type="button" onClick={() => act(() => post(`${base}/control/snapshot`))} data-testid="snapshot-button">Snapshot</button>
        <button type="button" onClick={() => setShowSettings((s) => !s)} aria-expanded={showSettings}>Settings</button>
      </div>
      <div className="row">
        <select aria-label="Problem" value={problemId} onChange={(e) => setProblemId(e.target.value)} className="grow">
          <option value="">No problem</option>
          {problems?.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
        </select>
        <button
          type="button"
          disabled={problemId === (view.problemId ?? '')}
          onClick={() =>
            act(() =>
              post(`${base}/control/problem`, {
                problemId: problemId || null,
                ...(chosen && !chosen.languages.includes(view.language) ? { language: chosen.languages[0] as SupportedLanguage } : {}),
                resetCode: true,
              }),
            )
          }
        >
          Use problem
        </button>
      </div>
      {showSettings && <Settings room={view.room} onSave={(body) => act(() => patch<RoomDetail>(`${base}/settings`, body))} />}
    </div>
  );
}

function Settings({ room, onSave }: { room: RoomDetail; onSave: (body: unknown) => void }) {
  const [name, setName] = useState(room.name);
  const [spectators, setSpectators] = useState(room.config.allowSpectators);
  const [coding, setCoding] = useState(Math.round(room.config.codingDurationMs / 60_000));
  const [autoAdvance, setAutoAdvance] = useState(room.config.autoAdvance);
  return (
    <form
      className="stack settings"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ name, config: { allowSpectators: spectators, codingDurationMs: coding * 60_000, autoAdvance } });
      }}
    >
      <label>Room name<input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} /></label>
      <label>Coding minutes<input type="number" min={0} max={240} value={coding} onChange={(e) => setCoding(Number(e.target.value) || 0)} /></label>
      <label className="check"><input type="checkbox" checked={spectators} onChange={(e) => setSpectators(e.target.checked)} /> Allow spectators</label>
      <label className="check"><input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance(e.target.checked)} /> Advance phases when the timer ends</label>
      <button type="submit">Save settings</button>
    </form>
  );
}
