// The interview room. Lazy-loaded: Monaco, Yjs and (on first open) tldraw never weigh on the lobby.
import { ErrorCode } from '../../../server/protocol/index.ts';
import { isApiError } from '../api/api-client.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { errorCode, errorText } from '../ui/error-text.ts';
import { RoomLayout } from './RoomLayout.tsx';
import { useRoomConnection } from './use-room-connection.ts';

export function RoomScreen({ roomId }: { roomId: string }) {
  const { api } = useSession();
  const opening = useRoomConnection(api, roomId);
  switch (opening.kind) {
    case 'opening':
      return <div className="center muted" role="status">Opening the room…</div>;
    case 'failed': {
      const closed = isApiError(opening.error) && opening.error.code === ErrorCode.ROOM_CLOSED;
      return (
        <section className="card narrow" data-testid="room-error" data-error-code={errorCode(opening.error)}>
          <h2>Cannot open this room</h2>
          <p role="alert">{errorText(opening.error)}</p>
          <div className="row">
            {closed && <button type="button" className="primary" onClick={() => navigate({ name: 'session', sessionId: roomId })}>View the session</button>}
            <button type="button" onClick={() => navigate({ name: 'lobby', tab: 'rooms' })}>Back to the lobby</button>
          </div>
        </section>
      );
    }
    case 'open':
      return <RoomLayout conn={opening.conn} />;
  }
}
