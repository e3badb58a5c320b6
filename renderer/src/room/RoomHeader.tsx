import { useEffect } from 'react';
import { nextPhase, SUPPORTED_LANGUAGES, type RoomStatus, type SupportedLanguage } from '../../../server/protocol/index.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { windowTitle } from '../app/screen-title.ts';
import { useSession } from '../app/session-context.tsx';
import { desktopInviteLink, webInviteLink } from '../lobby/invite-link.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { LANGUAGE_LABEL, MODE_LABEL } from '../ui/labels.ts';
import { isStaff, type RoomView } from './collab/room-view.ts';
import { Countdown } from './panels/Countdown.tsx';
import { PhaseStepper } from './panels/PhaseStepper.tsx';
import { StatusChip } from './panels/StatusChip.tsx';

export interface RoomHeaderProps {
  view: RoomView;
  /** A phase change is on its way: the button waits for the room to move. */
  advancing: boolean;
  onAdvance: (to: RoomStatus) => void;
  onLanguage: (language: SupportedLanguage) => void;
  onLeave: () => void;
}

export function RoomHeader({ view, advancing, onAdvance, onLanguage, onLeave }: RoomHeaderProps) {
  const { server } = useSession();
  const staff = isStaff(view.role);
  const languages = view.room.problem?.languages ?? SUPPORTED_LANGUAGES;
  const canChangeLanguage = staff || (view.role === 'candidate' && !view.editorLocked);
  const next = nextPhase(view.phase);
  const link = view.room.code ? webInviteLink(server.baseUrl, view.room.code) : null;
  useEffect(() => {
    document.title = windowTitle(view.room.name);
  }, [view.room.name]);
  return (
    <section className="room-header" aria-label="Room">
      <div className="room-title">
        <h2>{view.room.name}</h2>
        <span className="muted small">{MODE_LABEL[view.room.mode]} · you are the {view.role}</span>
      </div>
      <PhaseStepper phase={view.phase} canAdvance={staff} onAdvance={onAdvance} />
      <Countdown timer={view.timer} clockOffsetMs={view.clockOffsetMs} />
      {staff && next && (
        <button type="button" onClick={() => onAdvance(next)} disabled={advancing} data-testid="advance-phase">
          {next === 'finished' ? 'Finish' : 'Next phase'}
        </button>
      )}
      <span className="grow" />
      <select aria-label="Language" value={view.language} disabled={!canChangeLanguage} onChange={(e) => onLanguage(e.target.value as SupportedLanguage)}>
        {languages.map((l) => <option key={l} value={l}>{LANGUAGE_LABEL[l]}</option>)}
      </select>
      {link && view.room.mode !== 'practice' && (
        <span className="row tight invite" title={desktopBridge() ? desktopInviteLink(view.room.code) : link}>
          <code data-testid="room-code">{view.room.code}</code>
          <CopyButton text={link} label="Copy invite" />
        </span>
      )}
      <StatusChip view={view} />
      <button type="button" onClick={onLeave} title="Leave the room (you can rejoin while it is open)">Leave</button>
    </section>
  );
}
