import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { listMyRooms } from './lobby-actions.ts';
import { MODE_LABEL, PHASE_LABEL } from '../ui/labels.ts';
import { usePagedList } from '../ui/use-paged-list.ts';

/** `version` changes when a room was created here, so the list reloads. */
export function MyRooms({ version }: { version: number }) {
  const { api } = useSession();
  const { items: rooms, error, more } = usePagedList((cursor) => listMyRooms(api, cursor), [api, version]);
  return (
    <section className="card" aria-labelledby="my-rooms-title">
      <h2 id="my-rooms-title">My rooms</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {rooms === null && !error && <p className="muted">Loading…</p>}
      {rooms?.length === 0 && <p className="muted">No rooms yet.</p>}
      <ul className="list">
        {rooms?.map((r) => (
          <li key={r.id} className="list-row">
            <span className="grow">
              <strong>{r.name}</strong> <span className="muted">{MODE_LABEL[r.mode]} · {PHASE_LABEL[r.status]}{r.problemTitle ? ` · ${r.problemTitle}` : ''}</span>
            </span>
            {r.status === 'finished' ? (
              <button type="button" onClick={() => navigate({ name: 'session', sessionId: r.id })}>Session</button>
            ) : (
              <button type="button" onClick={() => navigate({ name: 'room', roomId: r.id })}>Open</button>
            )}
          </li>
        ))}
      </ul>
      {more && <button type="button" onClick={more} data-testid="more-rooms">More rooms</button>}
    </section>
  );
}
