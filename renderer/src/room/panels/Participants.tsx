import { useState } from 'react';
import type { RoomRole } from '../../../../server/protocol/index.ts';
import type { RoomParticipantSummary } from '../../api/types.ts';
import { ParticipantProfile } from './ParticipantProfile.tsx';

export interface ParticipantsProps {
  participants: RoomParticipantSummary[];
  meId: string;
  myRole: RoomRole;
  interviewMode: boolean;
  online: Set<string>;
  /** Users whose connection went silent (shown as reconnecting until they return or time out). */
  reconnecting: Set<string>;
  /** Our own connection is down: the others' presence is unknown, not away. */
  selfOffline: boolean;
  onKick: (p: RoomParticipantSummary) => void;
  onRole: (p: RoomParticipantSummary, role: RoomRole) => void;
}

export function Participants({ participants, meId, myRole, interviewMode, online, reconnecting, selfOffline, onKick, onRole }: ParticipantsProps) {
  const isHost = myRole === 'host';
  /** The participant whose profile is open (one at a time). */
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <ul className="participants" data-testid="participants">
      {participants.map((p) => {
        const presence =
          selfOffline && p.userId !== meId ? 'unknown' : online.has(p.userId) ? 'online' : reconnecting.has(p.userId) ? 'reconnecting' : 'away';
        return (
          <li key={p.userId} data-testid={`participant-${p.displayName}`} data-presence={presence}>
            <div className="participant-line">
              <span className={`avatar ${presence}`} style={{ background: p.color }} aria-hidden="true">
                {p.displayName.slice(0, 1).toUpperCase()}
                <span className="presence-dot" />
              </span>
              <span className="grow participant-name">
                <button
                  type="button"
                  className="link name"
                  title={`About ${p.displayName}`}
                  aria-expanded={opened === p.userId}
                  aria-controls={`profile-${p.userId}`}
                  onClick={() => setOpened(opened === p.userId ? null : p.userId)}
                >
                  {p.displayName}
                </button>
                {p.userId === meId && <span className="muted"> (you)</span>}
                <br />
                <span className="muted small" title={presence === 'unknown' ? 'Not known while you are offline' : undefined}>
                  {p.role} · {presence}
                </span>
              </span>
            </div>
            {opened === p.userId && <ParticipantProfile userId={p.userId} id={`profile-${p.userId}`} />}
            {isHost && p.userId !== meId && (
              <div className="row tight participant-actions">
                {interviewMode && p.role !== 'interviewer' && (
                  <button type="button" className="small-button" onClick={() => onRole(p, 'interviewer')} title={`${p.displayName} gets the interviewer's controls`}>
                    Make interviewer
                  </button>
                )}
                <button type="button" className="danger small-button" onClick={() => onKick(p)} data-testid={`kick-${p.displayName}`}>Remove</button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
