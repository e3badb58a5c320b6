import { useState } from 'react';
import type { RoomSummary } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useAction } from '../ui/use-action.ts';
import { endRoom, listMyRooms } from './lobby-actions.ts';
import { MODE_LABEL, PHASE_LABEL } from '../ui/labels.ts';
import { usePagedList } from '../ui/use-paged-list.ts';

/**
 * `version` changes when a room was created or ended here, so the list reloads. The host may end an unfinished room
 * here (`onEnded` follows).
 */
export function MyRooms({ version, onEnded }: { version: number; onEnded: () => void }) {
  const { api, user } = useSession();
  const { items: rooms, error, more } = usePagedList((cursor) => listMyRooms(api, cursor), [api, version]);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const ending = useAction();
  const askEnd = (room: RoomSummary) =>
    setConfirm({
      title: `End ${room.name}?`,
      text: 'Everyone in it is disconnected and nobody can join again; it moves to History as a finished session.',
      confirmLabel: 'End the room',
      danger: true,
      onConfirm: () =>
        void ending.run(async () => {
          await endRoom(api, room.id);
          onEnded();
        }),
    });
  return (
    <section className="card" aria-labelledby="my-rooms-title">
      <h2 id="my-rooms-title">My rooms</h2>
      {error && <p role="alert" className="error">{error}</p>}
      <ErrorAlert error={ending.error} />
      {rooms === null && !error && <p className="muted">Loading…</p>}
      {rooms?.length === 0 && <p className="muted">No rooms yet.</p>}
      <ul className="list" data-testid="my-rooms">
        {rooms?.map((r) => (
          <li key={r.id} className="list-row">
            <span className="grow">
              <strong>{r.name}</strong> <span className="muted">{MODE_LABEL[r.mode]} · {PHASE_LABEL[r.status]}{r.problemTitle ? ` · ${r.problemTitle}` : ''}</span>
            </span>
            {r.status === 'finished' ? (
              <button type="button" onClick={() => navigate({ name: 'session', sessionId: r.id })}>Session</button>
            ) : (
              <>
                {r.hostId === user?.id && (
                  <button type="button" onClick={() => askEnd(r)} aria-label={`End ${r.name}`}>End</button>
                )}
                <button type="button" onClick={() => navigate({ name: 'room', roomId: r.id })}>Open</button>
              </>
            )}
          </li>
        ))}
      </ul>
      {more && <button type="button" onClick={more} data-testid="more-rooms">More rooms</button>}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </section>
  );
}
