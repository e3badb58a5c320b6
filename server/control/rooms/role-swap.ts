// Role swap (peer mode): the host or the candidate asks, the other answers within the TTL (60 s);
// an accepted swap exchanges the two roles, so host rights follow the interviewing peer.
import { randomUUID } from 'node:crypto';
import { AppError, type RoleSwapRequest, type RoomRole } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import type { RoleSwapRecord } from '../../storage/rooms/index.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { allow, requireOpen } from './room-access.ts';
import { withRoom } from './room-control.ts';
import type { RoomDeps } from './room-deps.ts';
import type { RoomEngine } from './room-engine.ts';
import { swapView } from './room-views.ts';

const PEERS: readonly RoomRole[] = ['host', 'candidate'];

export function requestRoleSwap(d: RoomDeps, user: AuthUser, roomId: string | undefined): Promise<RoleSwapRequest> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: PEERS });
    requireOpen(a.room);
    if (a.room.mode !== 'peer') throw new AppError('ROOM_MODE_UNSUPPORTED', 'Role swaps exist only in peer mode.');
    const { engine } = d;
    const pending = await engine.store.swaps.pendingOf(a.room.id);
    if (pending && pending.expiresAt > engine.now()) throw new AppError('ROOM_SWAP_PENDING', 'A role swap is already pending.');
    if (pending) await expireSwapInQueue(engine, pending);
    const otherRole: RoomRole = a.role === 'host' ? 'candidate' : 'host';
    const participants = await engine.store.rooms.listParticipants(a.room.id);
    const counterpart = participants.find((p) => p.state === 'active' && p.role === otherRole && p.userId !== user.id);
    if (!counterpart) throw new AppError('ROOM_ROLE_UNAVAILABLE', `There is no active ${otherRole} to swap with.`);
    const now = engine.now();
    const swap: RoleSwapRecord = {
      id: randomUUID(),
      roomId: a.room.id,
      requestedBy: user.id,
      counterpartId: counterpart.userId,
      status: 'pending',
      createdAt: now,
      expiresAt: now + engine.options.roleSwapTtlMs,
      resolvedAt: null,
    };
    const request = swapView(swap);
    await engine.push(a.room.id, { type: 'role-swap', action: 'requested', request, roles: null });
    await engine.store.swaps.insert(swap);
    await engine.record(a.room.id, 'role-swapped', user.id, { action: 'requested', request, roles: null });
    await engine.timers.roomChanged(a.room);
    return request;
  });
}

export function answerRoleSwap(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  requestId: string | undefined,
  parse: () => { accept: boolean },
): Promise<RoleSwapRequest> {
  return withRoom(d, user, roomId, async (a) => {
    const { engine } = d;
    const swap = isUuid(requestId) ? await engine.store.swaps.get(requestId) : undefined;
    const notFound = () => new AppError('ROOM_SWAP_NOT_FOUND', 'No pending role swap with that id.');
    if (!swap || swap.roomId !== a.room.id || swap.status !== 'pending') throw notFound();
    if (swap.expiresAt <= engine.now()) {
      await expireSwapInQueue(engine, swap);
      throw notFound();
    }
    allow(a, { roles: PEERS });
    if (user.id !== swap.counterpartId) throw new AppError('ROOM_FORBIDDEN', 'Only the other peer may answer this request.');
    const { accept } = parse();
    requireOpen(a.room);
    const now = engine.now();
    const resolved: RoleSwapRecord = { ...swap, status: accept ? 'accepted' : 'declined', resolvedAt: now };
    const request = swapView(resolved);
    if (!accept) {
      await engine.push(a.room.id, { type: 'role-swap', action: 'declined', request, roles: null });
      await engine.store.swaps.resolve(swap.id, 'declined', now);
      await engine.record(a.room.id, 'role-swapped', user.id, { action: 'declined', request, roles: null });
      return request;
    }
    const requester = await engine.store.rooms.getParticipant(a.room.id, swap.requestedBy);
    const answerer = a.me!;
    if (!requester || requester.state !== 'active') throw notFound();
    const roles: Record<string, RoomRole> = { [requester.userId]: answerer.role, [answerer.userId]: requester.role };
    await engine.push(a.room.id, { type: 'role-swap', action: 'accepted', request, roles });
    await engine.store.transaction(async () => {
      await engine.store.rooms.saveParticipant({ ...requester, role: answerer.role });
      await engine.store.rooms.saveParticipant({ ...answerer, role: requester.role });
      a.room.hostId = answerer.role === 'host' ? requester.userId : answerer.userId;
      await engine.save(a.room);
      await engine.store.swaps.resolve(swap.id, 'accepted', now);
      await engine.record(a.room.id, 'role-swapped', user.id, { action: 'accepted', request, roles });
    });
    return request;
  });
}

/** Marks a pending swap expired and broadcasts `role-swap` `expired` (best effort: the expiry stands). */
export async function expireSwapInQueue(engine: RoomEngine, swap: RoleSwapRecord): Promise<void> {
  const current = await engine.store.swaps.get(swap.id);
  if (!current || current.status !== 'pending') return;
  const now = engine.now();
  const request = swapView({ ...current, status: 'expired', resolvedAt: now });
  await engine.store.swaps.resolve(swap.id, 'expired', now);
  await engine.record(swap.roomId, 'role-swapped', null, { action: 'expired', request, roles: null });
  try {
    await engine.push(swap.roomId, { type: 'role-swap', action: 'expired', request, roles: null });
  } catch (error) {
    engine.log.warn('role-swap expiry broadcast failed', { roomId: swap.roomId, error: String(error) });
  }
}
