// The /v1/rooms/:roomId control and settings routes: phase, problem and language, editor lock, timer,
// role swap, manual snapshot, settings.
import { handle } from '../handle-route.ts';
import type { RoomDeps } from './room-deps.ts';
import { changePhase, changeProblem, changeSettings, lockEditor, manualSnapshot, pauseOrResume } from './room-control.ts';
import { answerRoleSwap, requestRoleSwap } from './role-swap.ts';

export function registerRoomControlRoutes(d: RoomDeps): void {
  const { router, auth } = d.control;

  handle(router, 'POST /v1/rooms/:roomId/control/phase', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await changePhase(d, user, params.roomId, body) };
  });

  handle(router, 'POST /v1/rooms/:roomId/control/problem', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await changeProblem(d, user, params.roomId, body) };
  });

  handle(router, 'PATCH /v1/rooms/:roomId/settings', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await changeSettings(d, user, params.roomId, body) };
  });

  for (const [key, locked] of [['POST /v1/rooms/:roomId/control/lock', true], ['POST /v1/rooms/:roomId/control/unlock', false]] as const) {
    handle(router, key, async (api, { params }) => {
      const user = await auth.requireUser(api);
      return { status: 200, body: await lockEditor(d, user, params.roomId, locked) };
    });
  }

  for (const [key, action] of [['POST /v1/rooms/:roomId/control/timer/pause', 'paused'], ['POST /v1/rooms/:roomId/control/timer/resume', 'resumed']] as const) {
    handle(router, key, async (api, { params }) => {
      const user = await auth.requireUser(api);
      return { status: 200, body: await pauseOrResume(d, user, params.roomId, action) };
    });
  }

  handle(router, 'POST /v1/rooms/:roomId/control/role-swap', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 202, body: await requestRoleSwap(d, user, params.roomId) };
  });

  handle(router, 'POST /v1/rooms/:roomId/control/role-swap/:requestId', async (api, { params, body }) => {
    const user = await auth.requireUser(api);
    return { status: 200, body: await answerRoleSwap(d, user, params.roomId, params.requestId, body) };
  });

  handle(router, 'POST /v1/rooms/:roomId/control/snapshot', async (api, { params }) => {
    const user = await auth.requireUser(api);
    return { status: 201, body: await manualSnapshot(d, user, params.roomId) };
  });
}
