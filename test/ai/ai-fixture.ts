// AI tests: a real server on port 0 whose AI provider is the fake OpenAI-compatible server (real HTTP and
// SSE), both closed after the describe block; and a reader of the server's own text/event-stream replies.
import { afterAll, beforeAll } from 'vitest';
import type { AiLimits, AiProviderOptions, RoomContext } from '../../server/ai/index.ts';
import type { ServerOptions } from '../../server/server-options.ts';
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiOptions } from '../support/fake-openai.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN } from '../control/api.ts';
import { createSseParser } from '../../renderer/src/api/sse-parser.ts';

export const AI_KEY = 'sk-test-key-0123456789';
export const AI_MODEL = 'interviewer-model';

/** Short timeouts and no retries unless a test asks: failures show at once. */
export const FAST_LIMITS: Partial<AiLimits> = { timeoutMs: 2000, maxRetries: 0 };

/** A practice room in coding, nothing run yet: the context for tests of the AI plane on its own. */
export const PRACTICE_CONTEXT: RoomContext = {
  mode: 'practice',
  phase: 'coding',
  callerRole: 'candidate',
  problem: null,
  language: 'python',
  code: null,
  lastRun: null,
  lastSubmission: null,
  hintsUsed: 0,
};

export interface AiWorld {
  fake: FakeOpenAi;
  server: TestServer;
}

export interface AiWorldOptions {
  fake?: FakeOpenAiOptions;
  provider?: Partial<AiProviderOptions>;
  server?: Partial<ServerOptions>;
}

export async function startAiWorld(options: AiWorldOptions = {}): Promise<AiWorld> {
  const fake = await startFakeOpenAi(options.fake);
  try {
    const server = await startTestServer({
      rateLimits: false,
      webRoot: null,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      ...options.server,
      ai: { baseUrl: fake.baseUrl, apiKey: AI_KEY, model: AI_MODEL, ...options.provider, limits: { ...FAST_LIMITS, ...options.provider?.limits } },
    });
    return { fake, server };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** For the enclosing describe block: started in beforeAll, both closed in afterAll. Read fields inside tests. */
export function useAiWorld(options: AiWorldOptions = {}): AiWorld {
  const world = {} as AiWorld;
  beforeAll(async () => Object.assign(world, await startAiWorld(options)));
  afterAll(async () => {
    await world.server?.stop();
    await world.fake?.close();
  });
  return world;
}

export interface SseEvent {
  event: string;
  data: any;
}

/** Opens a server-sent event stream; `events` yields each event as it arrives. */
export async function openStream(url: string, token: string, signal?: AbortSignal): Promise<{ status: number; contentType: string | null; body: any; events: AsyncGenerator<SseEvent> }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal });
  const contentType = res.headers.get('content-type');
  if (!contentType?.startsWith('text/event-stream')) {
    return { status: res.status, contentType, body: await res.json(), events: (async function* () {})() };
  }
  return { status: res.status, contentType, body: undefined, events: parseEvents(res.body!) };
}

/** The server's events as they arrive, read with the renderer's own stream parser; `data` parsed as JSON. */
async function* parseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  const ready: SseEvent[] = [];
  const parser = createSseParser((e) => ready.push({ event: e.event, data: JSON.parse(e.data) }));
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    yield* ready.splice(0);
  }
}

/** Every event until the stream ends. */
export async function collect(events: AsyncGenerator<SseEvent>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}
