// The /v1/rooms/:roomId control and settings routes of §9.5.
import { zEmpty } from '../../protocol/api/common.ts';
import {
  zPhaseBody,
  zProblemBody,
  zRoleSwapAnswerBody,
  zRoleSwapRequest,
  zRoomDetail,
  zSettingsBody,
  zTimerState,
} from '../../protocol/api/rooms.ts';
import { zCodeSnapshot } from '../../protocol/api/sessions.ts';
import { defineRoute } from '../route-docs.ts';
import { parseBody } from '../../protocol/validation.ts';
import type { RoomDeps } from './room-deps.ts';
import { changePhase, changeProblem, changeSettings, lockEditor, manualSnapshot, pauseOrResume } from './room-control.ts';
import { answerRoleSwap, requestRoleSwap } from './role-swap.ts';

const ROOM = '/v1/rooms/:roomId';

export function registerRoomControlRoutes(d: RoomDeps): void {
  const { router, docs, auth } = d.control;
  const tag = 'room-control';

  defineRoute(router, docs, 'POST', `${ROOM}/control/phase`, { summary: 'Advance the phase', tag, body: zPhaseBody, response: zRoomDetail,
    errors: ['ROOM_INVALID_TRANSITION', 'ROOM_CLOSED'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await changePhase(d, user, api.params.roomId, () => parseBody(zPhaseBody, api.body)) };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/control/problem`, { summary: 'Select the problem or language', tag, body: zProblemBody, response: zRoomDetail,
    errors: ['PROBLEM_NOT_FOUND', 'PROBLEM_LANGUAGE_UNSUPPORTED', 'ROOM_EDITOR_LOCKED', 'ROOM_CLOSED'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await changeProblem(d, user, api.params.roomId, () => parseBody(zProblemBody, api.body)) };
  });

  defineRoute(router, docs, 'PATCH', `${ROOM}/settings`, { summary: 'Change name and config (host)', tag, body: zSettingsBody, response: zRoomDetail,
    errors: ['VALIDATION_FAILED', 'ROOM_CLOSED'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await changeSettings(d, user, api.params.roomId, () => parseBody(zSettingsBody, api.body)) };
  });

  for (const [path, locked] of [['lock', true], ['unlock', false]] as const) {
    defineRoute(router, docs, 'POST', `${ROOM}/control/${path}`, { summary: `${locked ? 'Lock' : 'Unlock'} the editor`, tag, body: zEmpty, response: zRoomDetail,
      errors: ['ROOM_CLOSED'] }, async (api) => {
      const user = await auth.requireUser(api);
      return { status: 200, body: await lockEditor(d, user, api.params.roomId, locked) };
    });
  }

  for (const [path, action] of [['pause', 'paused'], ['resume', 'resumed']] as const) {
    defineRoute(router, docs, 'POST', `${ROOM}/control/timer/${path}`, { summary: `${path} the phase timer`, tag, body: zEmpty, response: zTimerState,
      errors: ['ROOM_TIMER_CONFLICT'] }, async (api) => {
      const user = await auth.requireUser(api);
      return { status: 200, body: await pauseOrResume(d, user, api.params.roomId, action) };
    });
  }

  defineRoute(router, docs, 'POST', `${ROOM}/control/role-swap`, { summary: 'Request a role swap (peer mode)', tag, body: zEmpty, status: 202, response: zRoleSwapRequest,
    errors: ['ROOM_MODE_UNSUPPORTED', 'ROOM_SWAP_PENDING', 'ROOM_ROLE_UNAVAILABLE'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 202, body: await requestRoleSwap(d, user, api.params.roomId) };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/control/role-swap/:requestId`, { summary: 'Accept or decline a role swap', tag, body: zRoleSwapAnswerBody, response: zRoleSwapRequest,
    errors: ['ROOM_SWAP_NOT_FOUND', 'ROOM_FORBIDDEN'] }, async (api) => {
    const user = await auth.requireUser(api);
    const body = await answerRoleSwap(d, user, api.params.roomId, api.params.requestId, () => parseBody(zRoleSwapAnswerBody, api.body));
    return { status: 200, body };
  });

  defineRoute(router, docs, 'POST', `${ROOM}/control/snapshot`, { summary: 'Take a manual code snapshot', tag, body: zEmpty, status: 201, response: zCodeSnapshot,
    errors: ['ROOM_CLOSED', 'ROOM_COLLAB_UNAVAILABLE'] }, async (api) => {
    const user = await auth.requireUser(api);
    return { status: 201, body: await manualSnapshot(d, user, api.params.roomId) };
  });
}
