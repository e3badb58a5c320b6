// The /v1/rooms/:roomId/ai routes: the AI plane's jobs over REST. Every route authenticates, finds the room,
// and answers 503 AI_UNAVAILABLE when no provider is configured; then the permission matrix's AI rows. New
// work (messages, hints, reviews) also needs `config.aiEnabled` (AI_DISABLED), an open room (ROOM_CLOSED)
// and, in hosted mode with a configured allowance, quota left (USER_QUOTA_EXCEEDED). A job or conversation
// the caller may not see is AI_JOB_NOT_FOUND / ROOM_FORBIDDEN, exactly as an unknown one.
import { AppError, type RoomRole, type SupportedLanguage } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { jobView, type AiJobKind, type AiJobRecord, type AiService, type RoomContext } from '../../ai/index.ts';
import type { ExecutionPlane } from '../../execution/types.ts';
import type { ApiContext } from '../../http/api-context.ts';
import type { ControlServices, RouteKit } from '../context.ts';
import { handle } from '../handle-route.ts';
import type { RoomEngine } from '../rooms/room-engine.ts';
import { allow, NON_SPECTATOR, requireOpen, roomAccess, type RoomAccess } from '../rooms/room-access.ts';
import { roomContext, type ContextSources } from './ai-contexts.ts';
import { conversationPage } from './conversation-page.ts';
import { errorFields } from '../../error-fields.ts';

export interface AiRouteDeps {
  engine: RoomEngine;
  control: RouteKit & Pick<ControlServices, 'mode' | 'cursors' | 'problems' | 'log'>;
  execution: ExecutionPlane;
  ai: AiService;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function registerAiRoutes(d: AiRouteDeps): void {
  const { router, auth, cursors } = d.control;
  const { ai, engine } = d;
  const sources: ContextSources = { store: engine.store, problems: d.control.problems, execution: d.execution, hintsUsed: ai.hintsUsed };

  /** Authentication → room → provider: what every AI route checks first. */
  async function enter(api: ApiContext, roomId: string): Promise<RoomAccess> {
    const user = await auth.requireUser(api);
    const access = await roomAccess(engine, roomId, user);
    if (!ai.available) throw new AppError('AI_UNAVAILABLE', 'No AI provider is configured on this server.');
    return access;
  }

  /** After the body: an open room, and quota left (hosted mode with a configured allowance). */
  async function admitWork(a: RoomAccess): Promise<RoomRole> {
    requireOpen(a.room);
    if (d.control.mode === 'hosted' && ai.requestsPerDay !== null) {
      const dayStart = Math.floor(Date.now() / DAY_MS) * DAY_MS;
      if ((await ai.requestsSince(a.user.id, dayStart)) >= ai.requestsPerDay) {
        throw new AppError('USER_QUOTA_EXCEEDED', 'Your daily AI requests are used up.', {
          quota: 'aiRequestsPerDay',
          limit: ai.requestsPerDay,
          resetsAt: toTimestamp(dayStart + DAY_MS),
        });
      }
    }
    return a.role!;
  }

  /**
   * The checks of a request for new work, in the error order (authentication → room → provider → permission →
   * AI_DISABLED → body → ROOM_CLOSED → quota), and the room context the AI is given with it.
   */
  async function startWork<B extends { code?: string; language?: SupportedLanguage }>(
    api: ApiContext,
    roomId: string,
    roles: readonly RoomRole[],
    body: () => B,
  ): Promise<{ a: RoomAccess; input: B; context: RoomContext }> {
    const a = await enter(api, roomId);
    allow(a, { roles });
    if (!a.room.config.aiEnabled) throw new AppError('AI_DISABLED', 'AI is not enabled in this room.');
    const input = body();
    const role = await admitWork(a);
    return { a, input, context: await roomContext(sources, a.room, role, input) };
  }

  function accepted(roomId: string, job: AiJobRecord, kind: string) {
    const pollUrl = `/v1/rooms/${roomId}/ai/${kind}/${job.id}`;
    return { status: 202 as const, body: { id: job.id, status: job.status, pollUrl }, headers: { location: pollUrl } };
  }

  /**
   * A job of this room and kind the caller may see: its author, or (message jobs) the room's host and
   * interviewer. Anything else is AI_JOB_NOT_FOUND, as an unknown id is.
   */
  async function visibleJob<K extends AiJobKind>(a: RoomAccess, jobId: string, kind: K, ownerOnly = false): Promise<AiJobRecord & { kind: K }> {
    const job = isUuid(jobId) ? await ai.job(jobId) : undefined;
    const staff = a.role === 'host' || a.role === 'interviewer';
    const visible = job && job.roomId === a.room.id && job.kind === kind && (job.userId === a.user.id || (!ownerOnly && kind === 'message' && staff));
    if (!visible) throw new AppError('AI_JOB_NOT_FOUND', 'No such AI job.');
    return job as AiJobRecord & { kind: K };
  }

  async function messageJobView(job: AiJobRecord & { kind: 'message' }) {
    return jobView(job, job.replyMessageId ? await ai.message(job.replyMessageId) : undefined);
  }

  handle(router, 'POST /v1/rooms/:roomId/ai/messages', async (api, { params, body }) => {
    const { a, input, context } = await startWork(api, params.roomId, NON_SPECTATOR, body);
    const job = await ai.submitMessage({ roomId: a.room.id, userId: a.user.id, content: input.content, context });
    return accepted(a.room.id, job, 'messages');
  });

  handle(router, 'GET /v1/rooms/:roomId/ai/messages', async (api, { params, query }) => {
    const a = await enter(api, params.roomId);
    allow(a, { roles: NON_SPECTATOR, admin: true });
    const q = query();
    const owner = q.userId ?? a.user.id;
    if (owner !== a.user.id && !(a.role === 'host' || a.role === 'interviewer' || a.isAdmin)) {
      throw new AppError('ROOM_FORBIDDEN', "Only the room's host and interviewer read others' conversations.");
    }
    return { status: 200, body: await conversationPage(ai, cursors, 'ai.messages', { roomId: a.room.id, userId: owner }, q) };
  });

  handle(router, 'GET /v1/rooms/:roomId/ai/messages/:jobId', async (api, { params }) => {
    const a = await enter(api, params.roomId);
    allow(a, { roles: NON_SPECTATOR });
    return { status: 200, body: await messageJobView(await visibleJob(a, params.jobId, 'message')) };
  });

  handle(
    router,
    'GET /v1/rooms/:roomId/ai/messages/:jobId/stream',
    async (api, { params, signal }) => {
      const a = await enter(api, params.roomId);
      allow(a, { roles: NON_SPECTATOR });
      const job = await visibleJob(a, params.jobId, 'message', true);
      return { status: 200, events: replyStream(ai, job.id, signal, messageJobView) };
    },
    (error) => d.control.log.error('AI reply stream failed', errorFields(error)),
  );

  handle(router, 'POST /v1/rooms/:roomId/ai/messages/:jobId/cancel', async (api, { params, body }) => {
    const a = await enter(api, params.roomId);
    allow(a, { roles: NON_SPECTATOR });
    const job = await visibleJob(a, params.jobId, 'message', true);
    body();
    const ended = (await ai.cancel(job.id)) as AiJobRecord & { kind: 'message' };
    return { status: 200, body: await messageJobView(ended) };
  });

  handle(router, 'POST /v1/rooms/:roomId/ai/hints', async (api, { params, body }) => {
    const { a, input, context } = await startWork(api, params.roomId, ['host', 'candidate'], body);
    const job = await ai.submitHint({ roomId: a.room.id, userId: a.user.id, level: input.level ?? 1, context });
    return accepted(a.room.id, job, 'hints');
  });

  handle(router, 'GET /v1/rooms/:roomId/ai/hints/:jobId', async (api, { params }) => {
    const a = await enter(api, params.roomId);
    allow(a, { roles: NON_SPECTATOR });
    return { status: 200, body: jobView(await visibleJob(a, params.jobId, 'hint')) };
  });

  handle(router, 'POST /v1/rooms/:roomId/ai/reviews', async (api, { params, body }) => {
    const { a, input, context } = await startWork(api, params.roomId, NON_SPECTATOR, body);
    const job = await ai.submitReview({ roomId: a.room.id, userId: a.user.id, context });
    return accepted(a.room.id, job, 'reviews');
  });

  handle(router, 'GET /v1/rooms/:roomId/ai/reviews/:jobId', async (api, { params }) => {
    const a = await enter(api, params.roomId);
    allow(a, { roles: NON_SPECTATOR });
    return { status: 200, body: jobView(await visibleJob(a, params.jobId, 'review')) };
  });

  handle(router, 'GET /v1/rooms/:roomId/ai/weaknesses', async (api, { params }) => {
    const a = await enter(api, params.roomId);
    allow(a, { roles: NON_SPECTATOR });
    return { status: 200, body: { items: await ai.weaknesses(a.user.id) } };
  });
}

/** The SSE events of a reply: `delta`s, then `done` (completed) or `error` (failed, cancelled). */
async function* replyStream(
  ai: AiService,
  jobId: string,
  signal: AbortSignal,
  view: (job: AiJobRecord & { kind: 'message' }) => Promise<ReturnType<typeof jobView<'message'>>>,
) {
  for await (const update of ai.replyEvents(jobId, signal)) {
    if (update.type === 'delta') {
      yield { event: 'delta' as const, data: { content: update.content } };
    } else if (update.job.status === 'completed') {
      yield { event: 'done' as const, data: await view(update.job as AiJobRecord & { kind: 'message' }) };
    } else {
      yield { event: 'error' as const, data: update.job.error ?? { code: 'INTERNAL', message: 'The AI job ended without a result.' } };
    }
  }
}
