// What the user sees when the room stopped for them (the client actions of docs/collab-protocol.md, "Close codes and reconnect").
import { useEffect } from 'react';
import { assertNever } from '../../../server/protocol/index.ts';
import { navigate } from '../app/router.ts';
import type { DocStop } from './collab/doc-connection.ts';

export function RoomStopScreen({ stop, roomId, onUseHere }: { stop: DocStop; roomId: string; onUseHere: () => void }) {
  // A finished interview goes straight to its session page, for everybody in the room.
  useEffect(() => {
    if (stop.kind === 'room-closed') navigate({ name: 'session', sessionId: roomId }, { replace: true });
  }, [stop.kind, roomId]);
  const lobby = (
    <button type="button" onClick={() => navigate({ name: 'lobby', tab: 'rooms' })}>Back to the lobby</button>
  );
  const body = (() => {
    switch (stop.kind) {
      case 'kicked':
        return { title: 'You were removed from this room', text: 'The host removed you. You cannot rejoin this room.', actions: lobby };
      case 'room-closed':
        return {
          title: 'This session has ended',
          text: 'The room is finished. Its code, snapshots and whiteboard are in the session history.',
          actions: (
            <>
              <button type="button" className="primary" onClick={() => navigate({ name: 'session', sessionId: roomId })} data-testid="view-session">View the session</button>
              {lobby}
            </>
          ),
        };
      case 'replaced':
        return {
          title: 'Opened somewhere else',
          text: 'This room is open in another tab or on another device, so this one was disconnected.',
          actions: (
            <>
              <button type="button" className="primary" onClick={onUseHere}>Use here</button>
              {lobby}
            </>
          ),
        };
      case 'unauthorized':
        return { title: 'Access to this room ended', text: 'Your access could not be renewed. Try joining again from the invite link.', actions: lobby };
      case 'left':
        return { title: 'You left the room', text: 'You can rejoin while the room is open.', actions: lobby };
      case 'not-found':
        return { title: 'Room not found', text: 'This room does not exist on this server.', actions: lobby };
      case 'client-error':
        return { title: 'Disconnected', text: `The server refused this connection (code ${stop.code}).`, actions: lobby };
      default:
        return assertNever(stop);
    }
  })();
  return (
    <section className="card narrow stop-screen" data-testid="room-stopped" data-stop={stop.kind} role="alert">
      <h2>{body.title}</h2>
      <p>{body.text}</p>
      <div className="row">{body.actions}</div>
    </section>
  );
}
