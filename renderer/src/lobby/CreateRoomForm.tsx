import { useState, type FormEvent } from 'react';
import { ROOM_MODES, SUPPORTED_LANGUAGES, type RoomMode, type SupportedLanguage } from '../../../server/protocol/index.ts';
import type { RouteBody } from '../../../server/protocol/api/routes/index.ts';
import type { RoomDetail } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useAction } from '../ui/use-action.ts';
import { desktopInviteLink, webInviteLink } from './invite-link.ts';
import { createRoom } from './lobby-actions.ts';
import { NO_FILTER, useProblems } from './use-problems.ts';
import { useHealth } from '../app/use-health.ts';
import { LanguageAvailability, offeredLanguages } from './LanguageAvailability.tsx';
import { LANGUAGE_LABEL, MODE_LABEL } from '../ui/labels.ts';

const MINUTE = 60_000;
/** Each mode's phase minutes (the server's defaults): an interview warms up and wraps up; solo practice does neither. */
type PhaseMinutes = { warmup: number; coding: number; wrapup: number };
const MODE_MINUTES: Record<RoomMode, PhaseMinutes> = {
  interview: { warmup: 5, coding: 45, wrapup: 10 },
  peer: { warmup: 0, coding: 45, wrapup: 10 },
  practice: { warmup: 0, coding: 45, wrapup: 0 },
};

export function CreateRoomForm({ onCreated }: { onCreated: () => void }) {
  const { api, server, user } = useSession();
  const { items: problems } = useProblems(NO_FILTER);
  const { health } = useHealth(server.baseUrl);
  const [mode, setMode] = useState<RoomMode>('interview');
  const [name, setName] = useState('');
  const [problemId, setProblemId] = useState('');
  const [language, setLanguage] = useState<SupportedLanguage>(user?.preferredLanguage ?? 'python');
  const [minutes, setMinutes] = useState<PhaseMinutes>(MODE_MINUTES.interview);
  const setPhaseMinutes = (phase: keyof PhaseMinutes) => (value: number) => setMinutes((m) => ({ ...m, [phase]: value }));
  const changeMode = (next: RoomMode) => {
    setMode(next);
    setMinutes(MODE_MINUTES[next]);
  };
  const [spectators, setSpectators] = useState(true);
  const [created, setCreated] = useState<RoomDetail | null>(null);
  const creation = useAction();
  const problem = problems?.find((p) => p.id === problemId);
  const languages = offeredLanguages(health, problem ? problem.languages : SUPPORTED_LANGUAGES);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: RouteBody<'POST /v1/rooms'> = {
      mode,
      ...(name.trim() ? { name: name.trim() } : {}),
      language: languages.includes(language) ? language : languages[0],
      ...(problemId ? { problemId } : {}),
      config: {
        warmupDurationMs: minutes.warmup * MINUTE,
        codingDurationMs: minutes.coding * MINUTE,
        wrapupDurationMs: minutes.wrapup * MINUTE,
        ...(mode === 'practice' ? {} : { allowSpectators: spectators }),
      },
    };
    void creation.run(async () => {
      const room = await createRoom(api, body);
      if (mode === 'practice') {
        navigate({ name: 'room', roomId: room.id });
      } else {
        setCreated(room);
        onCreated();
      }
    });
  };

  if (created) {
    const link = webInviteLink(server.baseUrl, created.code);
    return (
      <section className="card" aria-labelledby="created-title">
        <h2 id="created-title">Room ready: {created.name}</h2>
        <p>Send this link to the candidate. It works in any browser, nothing to install.</p>
        <div className="row">
          <input readOnly value={link} aria-label="Invite link" data-testid="invite-link" className="grow" onFocus={(e) => e.target.select()} />
          <CopyButton text={link} label="Copy link" />
        </div>
        <p className="muted">
          Code <strong data-testid="invite-code">{created.code}</strong>
          {desktopBridge() && <> · app link <code>{desktopInviteLink(created.code)}</code></>}
        </p>
        <div className="row">
          <button type="button" className="primary" onClick={() => navigate({ name: 'room', roomId: created.id })}>
            Enter room
          </button>
          <button type="button" onClick={() => setCreated(null)}>Create another</button>
        </div>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="create-title">
      <h2 id="create-title">Create a room</h2>
      <form onSubmit={submit} className="stack">
        <div className="row">
          <label className="grow">
            Mode
            <select name="mode" value={mode} onChange={(e) => changeMode(e.target.value as RoomMode)}>
              {ROOM_MODES.map((m) => <option key={m} value={m}>{MODE_LABEL[m]}</option>)}
            </select>
          </label>
          <label className="grow">
            Language
            <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as SupportedLanguage)}>
              {languages.map((l) => <option key={l} value={l}>{LANGUAGE_LABEL[l]}</option>)}
            </select>
          </label>
        </div>
        <LanguageAvailability health={health} />
        <label>
          Room name (optional)
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder={`${user?.displayName ?? 'My'}'s room`} />
        </label>
        <label>
          Problem
          <select name="problem" value={problemId} onChange={(e) => setProblemId(e.target.value)}>
            <option value="">No problem yet (choose in the room)</option>
            {problems?.map((p) => <option key={p.id} value={p.id}>{p.title} ({p.difficulty})</option>)}
          </select>
        </label>
        <fieldset className="row">
          <legend>Phase durations (minutes, 0 = untimed)</legend>
          <NumberField label="Warm-up" value={minutes.warmup} onChange={setPhaseMinutes('warmup')} max={60} />
          <NumberField label="Coding" value={minutes.coding} onChange={setPhaseMinutes('coding')} max={240} />
          <NumberField label="Wrap-up" value={minutes.wrapup} onChange={setPhaseMinutes('wrapup')} max={60} />
        </fieldset>
        {mode !== 'practice' && (
          <label className="check">
            <input type="checkbox" checked={spectators} onChange={(e) => setSpectators(e.target.checked)} /> Allow spectators
          </label>
        )}
        <ErrorAlert error={creation.error} />
        <button type="submit" className="primary">Create room</button>
      </form>
    </section>
  );
}

function NumberField({ label, value, onChange, max }: { label: string; value: number; onChange: (v: number) => void; max: number }) {
  return (
    <label className="grow">
      {label}
      <input type="number" min={0} max={max} value={value} onChange={(e) => onChange(Math.max(0, Math.min(max, Number(e.target.value) || 0)))} />
    </label>
  );
}
