// The /v1/sessions routes. A session is the durable record of a room (`sessionId` = `roomId`).
import { AppError } from '../../protocol/index.ts';
import type { SessionComparison } from '../../protocol/api/sessions.ts';
import type { RoomStore } from '../../storage/rooms/index.ts';
import type { SessionRouteDeps } from '../context.ts';
import { toPage, toPageAsync } from '../../pagination.ts';
import { fromTimestamp, toTimestamp } from '../../protocol/timestamps.ts';
import { handle } from '../handle-route.ts';
import { snapshotView } from '../rooms/code-snapshots.ts';
import { feedbackView } from '../rooms/room-feedback.ts';
import type { RoomProblems } from '../rooms/room-problems.ts';
import { readLiveWhiteboard } from './live-whiteboard.ts';
import { readReplayPage, replayDoc } from './session-replay.ts';
import { defaultReportSubject, isReportSubject, isSessionStaff, requireFinished, sessionAccess, type SessionAccess } from './session-access.ts';
import { COMPARISON_DIMENSIONS, eventView, sessionDetail, sessionSummary, whiteboardRecords } from './session-views.ts';
import { conversationPage } from '../ai/conversation-page.ts';
import { reportScore } from '../ai/session-reports.ts';

export function registerSessionRouteTable(ctx: SessionRouteDeps, store: RoomStore, problems: RoomProblems): void {
  const { router, auth, cursors, ai } = ctx;

  handle(router, 'GET /v1/sessions', async (api, { query }) => {
    const user = await auth.requireUser(api);
    const q = query();
    const after = q.cursor ? cursors.decode('sessions.mine', q.cursor) : undefined;
    const rows = await store.sessions.listFinishedSessionsOf(user.id, {
      mode: q.mode,
      from: q.from === undefined ? undefined : fromTimestamp(q.from),
      to: q.to === undefined ? undefined : fromTimestamp(q.to),
      limit: q.limit,
      after: after ? [Number(after[0]), String(after[1])] : undefined,
    });
    const page = await toPageAsync(rows, q.limit, cursors, 'sessions.mine', (r) => [r.finishedAt ?? 0, r.id], async (r) => {
      const role = (await store.rooms.getParticipant(r.id, user.id))!.role;
      return sessionSummary(r, role, problems, ctx.execution, await reportScore(ai, r.id, user.id));
    });
    return { status: 200, body: { ...page, items: await Promise.all(page.items) } };
  });

  handle(router, 'GET /v1/sessions/compare', async (api, { query }) => {
    const user = await auth.requireUser(api);
    const { ids } = query();
    const accesses: SessionAccess[] = [];
    for (const id of ids) accesses.push(await sessionAccess(store, id, user));
    for (const a of accesses) {
      if (!a.me || !isReportSubject(a.room.mode, a.me.role)) throw new AppError('SESSION_FORBIDDEN', 'You are not the report subject of every session.');
    }
    for (const a of accesses) requireFinished(a.room);
    const rooms = accesses.map((a) => a.room).sort((x, y) => x.finishedAt! - y.finishedAt!);
    const reports = await Promise.all(rooms.map((r) => ai.reports.view(r.id, user.id)));
    const body: SessionComparison = {
      sessions: await Promise.all(
        rooms.map(async (r, i) => ({
          sessionId: r.id,
          finishedAt: toTimestamp(r.finishedAt!),
          problemTitle: r.problemId ? ((await problems.get(r.problemId))?.title ?? null) : null,
          overallScore: reports[i]!.overallScore,
        })),
      ),
      dimensions: COMPARISON_DIMENSIONS.map((name) => ({
        name,
        scores: reports.map((report) => report.dimensions.find((d) => d.name === name)?.score ?? null),
      })),
    };
    return { status: 200, body };
  });

  handle(router, 'GET /v1/sessions/:sessionId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    // A non-participant admin reads as an onlooker.
    const report = await ai.reports.view(a.room.id, defaultReportSubject(a));
    return { status: 200, body: await sessionDetail(store, a.room, a.me?.role ?? 'spectator', problems, ctx.execution, report) };
  });

  handle(router, 'DELETE /v1/sessions/:sessionId', async (api, { params }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    if (!a.me) throw new AppError('SESSION_FORBIDDEN', 'Only participants have this session in their history.');
    requireFinished(a.room);
    await store.sessions.markDeleted(a.room.id, user.id, Date.now());
    return { status: 204 };
  });

  handle(router, 'GET /v1/sessions/:sessionId/report', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const { userId } = query();
    const subject = userId ?? defaultReportSubject(a);
    if (subject !== user.id && !isSessionStaff(a) && !a.isAdmin) {
      throw new AppError('SESSION_FORBIDDEN', "Only the subject, the session's host or interviewer, and admins see this report.");
    }
    requireFinished(a.room);
    return { status: 200, body: await ai.reports.view(a.room.id, subject) };
  });

  handle(router, 'GET /v1/sessions/:sessionId/timeline', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const q = query();
    const after = q.cursor ? cursors.decode('sessions.timeline', q.cursor) : undefined;
    const rows = await store.sessions.listEvents(a.room.id, q.limit, after ? [Number(after[0]), Number(after[1])] : undefined);
    return { status: 200, body: toPage(rows, q.limit, cursors, 'sessions.timeline', (e) => [e.at, e.seq], eventView) };
  });

  handle(router, 'GET /v1/sessions/:sessionId/snapshots', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const q = query();
    const scope = `sessions.snapshots.${q.trigger ?? 'all'}`;
    const after = q.cursor ? cursors.decode(scope, q.cursor) : undefined;
    const rows = await store.sessions.listSnapshots(a.room.id, q.trigger, q.limit, after ? [Number(after[0]), String(after[1])] : undefined);
    return { status: 200, body: toPage(rows, q.limit, cursors, scope, (s) => [s.takenAt, s.id], snapshotView) };
  });

  handle(router, 'GET /v1/sessions/:sessionId/recording', async (api, { params }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    if (a.me?.role === 'spectator' && !a.isAdmin) throw new AppError('SESSION_FORBIDDEN', 'Spectators cannot download the recording.');
    requireFinished(a.room);
    // No LiveKit egress exists in this deployment, so no session has a recording.
    throw new AppError('SESSION_RECORDING_NOT_FOUND', 'This session has no recording.');
  });

  handle(router, 'GET /v1/sessions/:sessionId/feedback', async (api, { params }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const all = await store.feedback.listForRoom(a.room.id);
    const visible = isSessionStaff(a) || a.isAdmin ? all : a.room.status === 'finished' ? all.filter((f) => f.targetUserId === user.id) : [];
    return { status: 200, body: { items: visible.map(feedbackView) } };
  });

  handle(router, 'GET /v1/sessions/:sessionId/whiteboard', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const format = query().format ?? 'json';
    const notFound = () => new AppError('SESSION_WHITEBOARD_NOT_FOUND', `This session has no ${format} whiteboard export.`);
    if (format === 'png') {
      requireFinished(a.room);
      throw notFound(); // No renderer produces a PNG at finish in this deployment.
    }
    // A finished room: the final state delivered with the session-end snapshots. Otherwise the live document.
    let records: Record<string, unknown>[];
    if (a.room.status === 'finished') {
      const state = await store.sessions.getWhiteboard(a.room.id);
      if (!state) throw notFound();
      records = whiteboardRecords(state.bytes);
    } else {
      records = await readLiveWhiteboard(ctx.collab, ctx.log, a.room.id);
    }
    const body = { sessionId: a.room.id, format, exportedAt: toTimestamp(), records, url: null, expiresAt: null };
    return { status: 200, body };
  });

  handle(router, 'GET /v1/sessions/:sessionId/replay/:doc', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const doc = replayDoc(params.doc);
    const { after, limit } = query();
    return { status: 200, body: await readReplayPage(ctx.collab, ctx.log, a.room.id, { doc, after: after ?? 0, limit }) };
  });

  handle(router, 'GET /v1/sessions/:sessionId/ai-history', async (api, { params, query }) => {
    const user = await auth.requireUser(api);
    const a = await sessionAccess(store, params.sessionId, user);
    const q = query();
    const owner = q.userId ?? user.id;
    if (owner !== user.id && !isSessionStaff(a) && !a.isAdmin) {
      throw new AppError('SESSION_FORBIDDEN', "Only the session's host or interviewer and admins read others' conversations.");
    }
    return { status: 200, body: await conversationPage(ai, cursors, 'sessions.ai-history', { roomId: a.room.id, userId: owner }, q) };
  });
}
