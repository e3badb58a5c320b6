// What someone in the room tells about themselves (GET /v1/users/:userId): their bio and track record, read when
// the participant's name is opened, so an interviewer can see who joined without leaving the room.
import { useEffect, useState } from 'react';
import type { PublicProfile } from '../../../../server/protocol/api/users.ts';
import { useSession } from '../../app/session-context.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export function ParticipantProfile({ userId, id }: { userId: string; id: string }) {
  const { api } = useSession();
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.call('GET /v1/users/:userId', { userId }).then((p) => live && setProfile(p), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, userId]);
  return (
    <div id={id} className="participant-profile small" data-testid="participant-profile">
      <ErrorAlert error={error} />
      {!profile && error === null && <span className="muted">Loading…</span>}
      {profile && (
        <>
          {profile.bio ? <p className="bio">{profile.bio}</p> : <p className="muted">No bio.</p>}
          <p className="muted">
            Member since {new Date(profile.createdAt).toLocaleDateString(undefined, { month: 'short', year: 'numeric' })} · {profile.stats.sessionsCompleted}{' '}
            {profile.stats.sessionsCompleted === 1 ? 'session' : 'sessions'} · {profile.stats.problemsSolved} solved
          </p>
        </>
      )}
    </div>
  );
}
