// Pure room rules that the server enforces and the renderer mirrors, so both always agree.
import { assertNever, ROOM_STATUSES, type RoomRole, type RoomStatus } from './enums.ts';
import type { CollabDoc } from './collab-messages.ts';

/** Why a role may not write a document right now. */
export type WriteRefusal = 'editor-locked' | 'read-only-role';

/**
 * Who may write the code and whiteboard documents: host and interviewer always; the candidate always on
 * the whiteboard and on the code unless the editor is locked; a spectator never. Null when allowed.
 */
export function writeRefusal(role: RoomRole, doc: CollabDoc, editorLocked: boolean): WriteRefusal | null {
  switch (role) {
    case 'host':
    case 'interviewer':
      return null;
    case 'candidate':
      return doc === 'code' && editorLocked ? 'editor-locked' : null;
    case 'spectator':
      return 'read-only-role';
    default:
      return assertNever(role);
  }
}

export function mayWrite(role: RoomRole, doc: CollabDoc, editorLocked: boolean): boolean {
  return writeRefusal(role, doc, editorLocked) === null;
}

/** The phase after `phase` (phases only move forward, autoAdvance one step at a time); `finished` has none. */
export function nextPhase(phase: RoomStatus): RoomStatus | null {
  return ROOM_STATUSES[ROOM_STATUSES.indexOf(phase) + 1] ?? null;
}
