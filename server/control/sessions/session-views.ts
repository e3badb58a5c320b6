// Stored rooms → the session shapes of the /v1/sessions API (SessionSummary, SessionDetail, reports).
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { WHITEBOARD_ARRAY, type RoomRole, type SubmissionSummary } from '../../protocol/index.ts';
import type { SessionDetail, SessionEvent, SessionSummary, TrainingReport } from '../../protocol/api/sessions.ts';
import type { ExecutionPlane } from '../../execution/types.ts';
import type { RoomRecord, RoomStore, SessionEventRecord } from '../../storage/rooms/index.ts';
import { toTimestamp, toTimestampOrNull } from '../../protocol/timestamps.ts';
import type { RoomProblems } from '../rooms/room-problems.ts';
import { REPORT_DIMENSIONS } from '../../protocol/api/sessions.ts';

/** Every submission of the room, newest first (the execution plane pages at most 100 at a time). */
export async function allSubmissions(execution: ExecutionPlane, roomId: string): Promise<SubmissionSummary[]> {
  const out: SubmissionSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await execution.listSubmissions(roomId, cursor === undefined ? { limit: 100 } : { limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

/** `overallScore`: the caller's training-report score, null without a ready report. */
export async function sessionSummary(
  room: RoomRecord,
  myRole: RoomRole,
  problems: RoomProblems,
  execution: ExecutionPlane,
  overallScore: number | null,
): Promise<SessionSummary> {
  const problem = room.problemId ? await problems.get(room.problemId) : undefined;
  const last = (await execution.listSubmissions(room.id, { limit: 1 })).items[0];
  return {
    id: room.id,
    name: room.name,
    mode: room.mode,
    myRole,
    problem: problem ? { id: problem.id, title: problem.title, difficulty: problem.difficulty } : null,
    language: room.language,
    startedAt: toTimestampOrNull(room.startedAt),
    finishedAt: toTimestampOrNull(room.finishedAt),
    durationMs: room.startedAt !== null && room.finishedAt !== null ? room.finishedAt - room.startedAt : null,
    finalVerdict: last?.verdict ?? null,
    overallScore,
  };
}

/** `report`: the status and score of the report the caller sees by default (see defaultReportSubject). */
export async function sessionDetail(
  store: RoomStore,
  room: RoomRecord,
  myRole: RoomRole,
  problems: RoomProblems,
  execution: ExecutionPlane,
  report: { status: TrainingReport['status']; overallScore: number | null },
): Promise<SessionDetail> {
  return {
    ...(await sessionSummary(room, myRole, problems, execution, report.overallScore)),
    status: room.status,
    participants: (await store.rooms.listParticipants(room.id)).map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      role: p.role,
      joinedAt: toTimestamp(p.joinedAt),
      leftAt: toTimestampOrNull(p.leftAt),
      kicked: p.state === 'kicked',
    })),
    submissions: await allSubmissions(execution, room.id),
    snapshotCount: await store.sessions.countSnapshots(room.id),
    hasRecording: false,
    // True when the JSON export would succeed: a finished room with its stored final state, or a live room, whose
    // collab documents exist for its whole life (created before the room is stored, destroyed when it finishes).
    hasWhiteboard: room.status === 'finished' ? (await store.sessions.getWhiteboard(room.id)) !== undefined : true,
    reportStatus: room.status === 'finished' ? report.status : 'none',
  };
}

export function eventView(e: SessionEventRecord): SessionEvent {
  return {
    id: e.id,
    sessionId: e.roomId,
    at: toTimestamp(e.at),
    type: e.type as SessionEvent['type'],
    actorId: e.actorId,
    data: e.data,
  };
}

export const COMPARISON_DIMENSIONS = REPORT_DIMENSIONS;

/** Every tldraw record of a whiteboard state (YKeyValue over the `tldraw` array: one value per id). */
export function whiteboardRecords(bytes: Uint8Array): Record<string, unknown>[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
    const kv = new YKeyValue<Record<string, unknown>>(doc.getArray(WHITEBOARD_ARRAY));
    return [...kv.map.values()].map((entry) => entry.val);
  } finally {
    doc.destroy();
  }
}
