// The way back into an interview after a closed tab, a crash or a restart: the lobby names the unfinished room the
// user is still in (GET /v1/users/me/active-room) with one button to return. Nothing shows when there is none, or
// when the question fails (My rooms below still lists the room).
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { MODE_LABEL, PHASE_LABEL } from '../ui/labels.ts';
import { useLoaded } from '../ui/use-loaded.ts';
import { myActiveRoom } from './lobby-actions.ts';

/** `version` changes when a room was created or ended in the lobby, so the question is asked again. */
export function ActiveRoomBanner({ version }: { version: number }) {
  const { api } = useSession();
  const room = useLoaded(() => myActiveRoom(api), [api, version]).data?.room;
  if (!room) return null;
  return (
    <section className="card active-room" aria-labelledby="active-room-title" data-testid="active-room">
      <div className="row tight">
        <p className="grow" id="active-room-title">
          You have an unfinished room: <strong>{room.name}</strong> <span className="muted">({MODE_LABEL[room.mode]} · {PHASE_LABEL[room.status]})</span>.
        </p>
        <button type="button" className="primary" onClick={() => navigate({ name: 'room', roomId: room.id })}>Return to the room</button>
      </div>
    </section>
  );
}
