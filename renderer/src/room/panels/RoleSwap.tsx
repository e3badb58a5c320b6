// Peer-mode role swap (the request, then the `role-swap` room events): the request button, the
// counterpart's Accept / Decline banner with the expiry countdown, and the requester's notices. The room's
// `role-swap` events drive all of it, so both peers' UIs change roles the moment the swap is accepted.
import { useState, type ReactNode } from 'react';
import { assertNever, ErrorCode, type RoomRole } from '../../../../server/protocol/index.ts';
import { isApiError } from '../../api/api-client.ts';
import { useSession } from '../../app/session-context.tsx';
import { errorCode, errorText } from '../../ui/error-text.ts';
import { msUntil, type RoomView } from '../collab/room-view.ts';
import { roomActions, type RoomActions } from '../room-actions.ts';
import { clockText, useTick } from './Countdown.tsx';

/** Swap errors in words that fit this feature better than the generic text. */
const SWAP_ERROR_TEXT: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.ROOM_SWAP_PENDING]: 'A role swap is already waiting for an answer.',
  [ErrorCode.ROOM_SWAP_NOT_FOUND]: 'That swap request has expired or was already answered.',
  [ErrorCode.ROOM_ROLE_UNAVAILABLE]: 'Your peer is not in the room, so there is nobody to swap with.',
};

/** In a peer room `host` is the interviewing peer. */
function peerRole(role: RoomRole | undefined): string {
  return role === 'host' ? 'interviewer' : 'candidate';
}

/** Makes a swap call on the room; keeps the busy flag and the last error (by code). */
function useSwapCall(roomId: string) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const call = (fn: (room: RoomActions) => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    fn(roomActions(api, roomId))
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };
  const errorView = error ? (
    <p className="error small" role="alert" data-testid="role-swap-error" data-error-code={errorCode(error)}>
      {(isApiError(error) && SWAP_ERROR_TEXT[error.code as ErrorCode]) || errorText(error)}
    </p>
  ) : null;
  return { busy, call, errorView };
}

function pendingLeftMs(view: RoomView): number {
  const swap = view.roleSwap;
  return swap?.request.status === 'pending' ? msUntil(swap.request.expiresAt, swap.clockOffsetMs) : 0;
}

/** "Swap roles", for either peer; disabled while a request waits for its answer. */
export function SwapRolesButton({ view }: { view: RoomView }) {
  const { busy, call, errorView } = useSwapCall(view.room.id);
  const pending = pendingLeftMs(view) > 0;
  useTick(pending, view.roleSwap?.request.id);
  return (
    <div className="stack">
      <button
        type="button"
        disabled={busy || pending}
        onClick={() => call((room) => room.requestRoleSwap())}
        data-testid="swap-roles-button"
        title={pending ? 'A swap request is waiting for an answer' : 'Ask your peer to swap interviewer and candidate'}
      >
        Swap roles
      </button>
      {errorView}
    </div>
  );
}

/** The banner above the workspace: the counterpart answers here; the requester waits and hears the outcome. */
export function RoleSwapBanner({ view, onDismiss }: { view: RoomView; onDismiss: () => void }) {
  const { busy, call, errorView } = useSwapCall(view.room.id);
  const left = pendingLeftMs(view);
  useTick(left > 0, view.roleSwap?.request.id);
  const swap = view.roleSwap;
  if (!swap) return null;
  const { request } = swap;
  const me = view.me.userId;
  if (me !== request.requestedBy && me !== request.counterpartId) return null; // spectators are not asked
  const nameOf = (id: string) => view.room.participants.find((p) => p.userId === id)?.displayName ?? 'Your peer';
  const other = nameOf(me === request.requestedBy ? request.counterpartId : request.requestedBy);
  const dismiss = <button type="button" className="link" onClick={onDismiss}>Dismiss</button>;
  const banner = (className: string, content: ReactNode) => (
    <div className={`banner ${className}`} role="status" data-testid="role-swap-banner" data-status={request.status}>
      {content}
      {errorView}
    </div>
  );

  switch (request.status) {
    case 'pending': {
      if (left === 0) return null; // the server's `expired` event follows
      const expires = <span className="countdown" data-testid="role-swap-countdown">{clockText(left)}</span>;
      if (me === request.counterpartId) {
        const answer = (accept: boolean) => call((room) => room.answerRoleSwap(request.id, accept));
        return banner(
          'warn',
          <span className="row">
            <span className="grow">
              {other} asks to swap roles: you would become the {view.role === 'host' ? 'candidate' : 'interviewer'}. Expires in {expires}
            </span>
            <button type="button" className="primary" disabled={busy} onClick={() => answer(true)} data-testid="role-swap-accept">Accept</button>
            <button type="button" disabled={busy} onClick={() => answer(false)} data-testid="role-swap-decline">Decline</button>
          </span>,
        );
      }
      return banner('locked', <>Waiting for {other} to accept the role swap… {expires}</>);
    }
    case 'accepted':
      return banner('locked', <>Roles swapped: you are now the {peerRole(view.role)}. {dismiss}</>);
    case 'declined':
      return banner('error', <>{me === request.requestedBy ? `${other} declined the role swap.` : 'You declined the role swap.'} {dismiss}</>);
    case 'expired':
      return banner('warn', <>The role-swap request expired without an answer. {dismiss}</>);
    default:
      return assertNever(request.status);
  }
}
