// What someone in the room tells about themselves (GET /v1/users/:userId): their bio and track record, read when
// the participant's name is opened, so an interviewer can see who joined without leaving the room.
import { useSession } from '../../app/session-context.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';

export function ParticipantProfile({ userId, id }: { userId: string; id: string }) {
  const { api } = useSession();
  const { data: profile, error } = useLoaded(() => api.call('GET /v1/users/:userId', { userId }), [api, userId]);
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
