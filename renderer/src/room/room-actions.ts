// The room's REST calls. `joinRoom` is the one place that POSTs /join (opening a room, renewing the collab
// token, the invite screen); every join is remembered so that an offline reload can reopen the room.
import type { RoomRole, RoomStatus } from '../../../server/protocol/index.ts';
import type { RouteBody } from '../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { JoinRoomResponse } from '../api/types.ts';
import { rememberJoin } from './collab/join-cache.ts';

export async function joinRoom(api: ApiClient, roomId: string, body: RouteBody<'POST /v1/rooms/:roomId/join'> = {}): Promise<JoinRoomResponse> {
  const join = await api.call('POST /v1/rooms/:roomId/join', { roomId }, body);
  rememberJoin(api.baseUrl, join);
  return join;
}

/** Every other call on one room. */
export function roomActions(api: ApiClient, roomId: string) {
  const room = { roomId };
  return {
    detail: () => api.call('GET /v1/rooms/:roomId', room),
    leave: () => api.call('POST /v1/rooms/:roomId/leave', room),
    advancePhase: (to: RoomStatus) => api.call('POST /v1/rooms/:roomId/control/phase', room, { to }),
    selectProblem: (body: RouteBody<'POST /v1/rooms/:roomId/control/problem'>) => api.call('POST /v1/rooms/:roomId/control/problem', room, body),
    lockEditor: () => api.call('POST /v1/rooms/:roomId/control/lock', room),
    unlockEditor: () => api.call('POST /v1/rooms/:roomId/control/unlock', room),
    pauseTimer: () => api.call('POST /v1/rooms/:roomId/control/timer/pause', room),
    resumeTimer: () => api.call('POST /v1/rooms/:roomId/control/timer/resume', room),
    takeSnapshot: () => api.call('POST /v1/rooms/:roomId/control/snapshot', room),
    saveSettings: (body: RouteBody<'PATCH /v1/rooms/:roomId/settings'>) => api.call('PATCH /v1/rooms/:roomId/settings', room, body),
    kick: (userId: string) => api.call('DELETE /v1/rooms/:roomId/participants/:userId', { roomId, userId }),
    setRole: (userId: string, role: RoomRole) => api.call('PATCH /v1/rooms/:roomId/participants/:userId', { roomId, userId }, { role }),
    setMuted: (userId: string, muted: boolean) => api.call('PATCH /v1/rooms/:roomId/participants/:userId', { roomId, userId }, { muted }),
    requestRoleSwap: () => api.call('POST /v1/rooms/:roomId/control/role-swap', room),
    answerRoleSwap: (requestId: string, accept: boolean) =>
      api.call('POST /v1/rooms/:roomId/control/role-swap/:requestId', { roomId, requestId }, { accept }),
    mediaToken: () => api.call('POST /v1/rooms/:roomId/media/token', room),
    run: (body: RouteBody<'POST /v1/rooms/:roomId/run'>) => api.call('POST /v1/rooms/:roomId/run', room, body),
    submit: (body: RouteBody<'POST /v1/rooms/:roomId/submit'>) => api.call('POST /v1/rooms/:roomId/submit', room, body),
    recentRuns: (limit: number) => api.call('GET /v1/rooms/:roomId/runs', room, { limit }),
    recentSubmissions: (limit: number) => api.call('GET /v1/rooms/:roomId/submissions', room, { limit }),
    getRun: (runId: string) => api.call('GET /v1/runs/:runId', { runId }),
    getSubmission: (submissionId: string) => api.call('GET /v1/submissions/:submissionId', { submissionId }),
    myFeedback: () => api.call('GET /v1/rooms/:roomId/feedback/mine', room),
    analyse: (body: RouteBody<'POST /v1/rooms/:roomId/analysis'>) => api.call('POST /v1/rooms/:roomId/analysis', room, body),
  };
}

export type RoomActions = ReturnType<typeof roomActions>;
