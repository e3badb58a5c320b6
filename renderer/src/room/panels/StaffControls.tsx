// Host and interviewer controls: lock, timer, problem and language, manual snapshot, settings.
import { useState } from 'react';
import type { SupportedLanguage } from '../../../../server/protocol/index.ts';
import type { RouteBody } from '../../../../server/protocol/api/routes/index.ts';
import type { RoomDetail } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { NO_FILTER, useProblems } from '../../lobby/use-problems.ts';
import type { RoomView } from '../collab/room-view.ts';
import { roomActions } from '../room-actions.ts';

export interface StaffControlsProps {
  view: RoomView;
  act: (fn: () => Promise<unknown>) => void;
}

export function StaffControls({ view, act }: StaffControlsProps) {
  const { api } = useSession();
  const { items: problems } = useProblems(NO_FILTER);
  const [problemId, setProblemId] = useState(view.problemId ?? '');
  const [showSettings, setShowSettings] = useState(false);
  const room = roomActions(api, view.room.id);
  const timer = view.timer;
  const chosen = problems?.find((p) => p.id === problemId);

  return (
    <div className="staff-controls stack" data-testid="staff-controls">
      <div className="row">
        {view.editorLocked ? (
          <button type="button" onClick={() => act(room.unlockEditor)} data-testid="unlock-button">Unlock editor</button>
        ) : (
          // Nobody else edits in solo practice: locking would only lock yourself out.
          view.room.mode !== 'practice' && <button type="button" onClick={() => act(room.lockEditor)} data-testid="lock-button">Lock editor</button>
        )}
        {timer && (timer.running ? (
          <button type="button" onClick={() => act(room.pauseTimer)}>Pause timer</button>
        ) : (
          <button type="button" onClick={() => act(room.resumeTimer)}>Resume timer</button>
        ))}
        <button type="button" onClick={() => act(room.takeSnapshot)} data-testid="snapshot-button">Snapshot</button>
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
              room.selectProblem({
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
      {/* Keyed by what it edits: a change saved elsewhere (the AI tab turning the AI on) shows here at once. */}
      {showSettings && (
        <Settings key={JSON.stringify([view.room.name, view.room.config])} room={view.room} onSave={(body) => act(() => room.saveSettings(body))} />
      )}
    </div>
  );
}

function Settings({ room, onSave }: { room: RoomDetail; onSave: (body: RouteBody<'PATCH /v1/rooms/:roomId/settings'>) => void }) {
  const [name, setName] = useState(room.name);
  const [spectators, setSpectators] = useState(room.config.allowSpectators);
  const [coding, setCoding] = useState(Math.round(room.config.codingDurationMs / 60_000));
  const [autoAdvance, setAutoAdvance] = useState(room.config.autoAdvance);
  const [ai, setAi] = useState(room.config.aiEnabled);
  return (
    <form
      className="stack settings"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ name, config: { allowSpectators: spectators, codingDurationMs: coding * 60_000, autoAdvance, aiEnabled: ai } });
      }}
    >
      <label>Room name<input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} /></label>
      <label>Coding minutes<input type="number" min={0} max={240} value={coding} onChange={(e) => setCoding(Number(e.target.value) || 0)} /></label>
      <label className="check"><input type="checkbox" checked={spectators} onChange={(e) => setSpectators(e.target.checked)} /> Allow spectators</label>
      <label className="check"><input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance(e.target.checked)} /> Advance phases when the timer ends</label>
      {/* Off, nobody but the host sees an AI tab; on, candidates can chat with it and ask for hints. */}
      <label className="check"><input type="checkbox" checked={ai} onChange={(e) => setAi(e.target.checked)} /> AI interviewer, hints and reviews</label>
      <button type="submit">Save settings</button>
    </form>
  );
}
