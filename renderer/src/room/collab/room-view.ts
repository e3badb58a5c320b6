// The room as the UI sees it: the last REST RoomDetail, corrected live by room events.
import { assertNever, MAX_DOCUMENT_BYTES, type CollabDoc, type LockReason, type RoomEvent, type RoomRole, type RoomStatus, type SupportedLanguage } from '../../../../server/protocol/index.ts';
import type { ExecutionFinishedEvent, RoleSwapRequest, TimerState } from '../../../../server/protocol/index.ts';
import type { JoinRoomResponse, RoomDetail, RoomParticipantSummary } from '../../api/types.ts';
import type { DocStop, DocSyncState } from './doc-connection.ts';

export interface DocStatus {
  state: DocSyncState;
  pending: number;
}

export interface RoomView {
  room: RoomDetail;
  me: RoomParticipantSummary;
  role: RoomRole;
  phase: RoomStatus;
  editorLocked: boolean;
  lockReason: LockReason | null;
  problemId: string | null;
  language: SupportedLanguage;
  timer: TimerState | null;
  /** serverTime − local time when the timer was received; count down from endsAt with it. */
  clockOffsetMs: number;
  code: DocStatus;
  whiteboard: DocStatus;
  stop: DocStop | null;
  /** A sentence the user must see once (e.g. discarded edits). */
  notice: string | null;
  lastExecution: ExecutionFinishedEvent | null;
  snapshotsTaken: number;
  rateLimitedUntil: number | null;
  /** The peer-mode role swap last seen (pending, or resolved until dismissed), with its own clock offset. */
  roleSwap: { request: RoleSwapRequest; clockOffsetMs: number } | null;
}

export function initialView(join: JoinRoomResponse, clockOffsetMs?: number): RoomView {
  const { room, me } = join;
  const offset = clockOffsetMs ?? (room.timer ? offsetFrom(room.timer.serverTime) : 0);
  return {
    room,
    me,
    role: room.myRole ?? me.role,
    phase: room.status,
    editorLocked: room.editorLocked,
    lockReason: room.lockReason,
    problemId: room.problem?.id ?? null,
    language: room.language,
    timer: room.timer,
    clockOffsetMs: offset,
    code: { state: 'connecting', pending: 0 },
    whiteboard: { state: 'connecting', pending: 0 },
    stop: null,
    notice: null,
    lastExecution: null,
    snapshotsTaken: 0,
    rateLimitedUntil: null,
    roleSwap: room.pendingRoleSwap ? { request: room.pendingRoleSwap, clockOffsetMs: offset } : null,
  };
}

/** The view after `event`, and whether the REST detail should be refetched (participants, problem, …). */
export function applyRoomEvent(view: RoomView, event: RoomEvent): { view: RoomView; refetch: boolean } {
  switch (event.type) {
    case 'room-state':
      return {
        view: {
          ...view,
          phase: event.phase,
          editorLocked: event.editorLocked,
          lockReason: event.lockReason,
          role: event.role,
          problemId: event.problemId,
          language: event.language,
          ...withTimer(event.timer),
        },
        refetch: event.problemId !== view.problemId || event.phase !== view.phase,
      };
    case 'phase-changed':
      return { view: { ...view, phase: event.to }, refetch: true };
    case 'editor-lock':
      return { view: { ...view, editorLocked: event.locked, lockReason: event.reason }, refetch: false };
    case 'participant-joined':
    case 'participant-left':
    case 'participant-kicked':
      return { view, refetch: true };
    case 'participant-updated':
      return { view: event.userId === view.me.userId ? { ...view, role: event.role } : view, refetch: true };
    case 'problem-changed':
      return { view: { ...view, problemId: event.problemId, language: event.language }, refetch: true };
    case 'settings-changed':
      return { view: { ...view, room: { ...view.room, name: event.name, config: event.config } }, refetch: false };
    case 'timer':
      return { view: { ...view, ...withTimer(event.timer) }, refetch: false };
    case 'role-swap': {
      const mine = event.roles?.[view.me.userId];
      const roleSwap = { request: event.request, clockOffsetMs: offsetFrom(event.at) };
      return { view: { ...view, roleSwap, ...(mine ? { role: mine } : {}) }, refetch: event.action === 'accepted' };
    }
    case 'room-closed':
      return { view: { ...view, phase: 'finished', stop: { kind: 'room-closed' } }, refetch: false };
    case 'snapshot-taken':
      return { view: { ...view, snapshotsTaken: view.snapshotsTaken + 1 }, refetch: false };
    case 'execution-finished':
      return { view: { ...view, lastExecution: event }, refetch: false };
    case 'room-warning':
      return { view: { ...view, notice: documentFullNotice(event.doc) }, refetch: false };
    case 'recording-changed':
    case 'update-rejected':
      // update-rejected is handled by the document's connection (resync); recording has no UI yet.
      return { view, refetch: false };
    default:
      return assertNever(event);
  }
}

/** What host and interviewers read when a document hit its size limit (the server refuses edits that grow it). */
function documentFullNotice(doc: CollabDoc): string {
  const what = doc === 'code' ? 'The shared code' : 'The whiteboard';
  const limit = `${MAX_DOCUMENT_BYTES[doc] / (1024 * 1024)} MiB`;
  return `${what} has reached its size limit (${limit}): edits that would make it larger are refused. Delete some content to make room.`;
}

/** Adopts a freshly fetched RoomDetail, keeping live fields that events own. */
export function withRoomDetail(view: RoomView, room: RoomDetail): RoomView {
  const timer = withTimer(room.timer);
  return {
    ...view,
    roleSwap: room.pendingRoleSwap
      ? { request: room.pendingRoleSwap, clockOffsetMs: room.timer ? timer.clockOffsetMs : view.clockOffsetMs }
      : view.roleSwap?.request.status === 'pending'
        ? null
        : view.roleSwap,
    room,
    phase: room.status,
    editorLocked: room.editorLocked,
    lockReason: room.lockReason,
    problemId: room.problem?.id ?? null,
    language: room.language,
    role: room.myRole ?? view.role,
    ...timer,
  };
}

function withTimer(timer: TimerState | null): Pick<RoomView, 'timer' | 'clockOffsetMs'> {
  return { timer, clockOffsetMs: timer ? offsetFrom(timer.serverTime) : 0 };
}

/** serverTime − local time, for a timestamp the server stamped just now. */
function offsetFrom(serverTime: string): number {
  return Date.parse(serverTime) - Date.now();
}

/** Milliseconds left on the phase timer, on the server's clock. */
export function remainingMs(timer: TimerState, clockOffsetMs: number, now = Date.now()): number {
  if (!timer.running || !timer.endsAt) return timer.remainingMs;
  return msUntil(timer.endsAt, clockOffsetMs, now);
}

/** Milliseconds until `at` (a server timestamp), on the server's clock. */
export function msUntil(at: string, clockOffsetMs: number, now = Date.now()): number {
  return Math.max(0, Date.parse(at) - (now + clockOffsetMs));
}

export function isStaff(role: RoomRole): boolean {
  return role === 'host' || role === 'interviewer';
}
