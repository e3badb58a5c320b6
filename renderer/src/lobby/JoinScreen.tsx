// `/join/<code>`: where invite links land. Shows the room, lets the joiner pick a seat, then enters.
import { useEffect, useState } from 'react';
import type { RoomPreview } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { joinRoom } from '../room/room-actions.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { MODE_LABEL, PHASE_LABEL } from '../ui/labels.ts';
import { lookupRoom } from './lobby-actions.ts';

export function JoinScreen({ code }: { code: string }) {
  const { api } = useSession();
  const [preview, setPreview] = useState<RoomPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    lookupRoom(api, code).then(setPreview).catch(setError);
  }, [api, code]);

  const join = async (role: 'candidate' | 'spectator' | undefined) => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      await joinRoom(api, preview.id, { code, ...(role ? { role } : {}) });
      navigate({ name: 'room', roomId: preview.id }, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="join-room-title">
      <h2 id="join-room-title">{preview ? preview.name : `Joining ${code}`}</h2>
      {preview && (
        <>
          <p>
            Hosted by <strong>{preview.hostName}</strong> · {MODE_LABEL[preview.mode]} · {PHASE_LABEL[preview.status]} · {preview.participantCount}/{preview.maxParticipants} people
          </p>
          <p data-testid="join-problem">
            {preview.problemTitle ? <>Problem: <strong>{preview.problemTitle}</strong></> : <span className="muted">The interviewer has not chosen a problem yet.</span>}
          </p>
          <div className="row">
            <button type="button" className="primary" disabled={busy || !preview.candidateSeatFree} onClick={() => join('candidate')}>
              Join as candidate
            </button>
            {preview.allowSpectators && (
              <button type="button" disabled={busy} onClick={() => join('spectator')}>
                Watch as spectator
              </button>
            )}
          </div>
          {!preview.candidateSeatFree && <p className="muted">The candidate seat is taken.</p>}
        </>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
