// A fake of an external service we cannot run in tests: an OpenAI-compatible chat-completions provider
// (Ollama, llama.cpp's server, vLLM, a hosted API). Real HTTP on 127.0.0.1 port 0, real SSE for
// `stream: true` (one `chat.completion.chunk` per token at a configurable pace, then `data: [DONE]`),
// plain JSON completions otherwise, and `GET /v1/models`. Every request is recorded (headers, including
// Authorization, and the parsed body). Replies are scripted: queued replies are used in order, then the
// default reply (or a function of the request); failures cover what real providers do: an HTTP error
// status (500, 429 with Retry-After, 400 for an unsupported `response_format`), a connection dropped
// mid-stream, a body that is not JSON, and a request that hangs until the client gives up.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeReply =
  /** Assistant text; streamed in `chunkSize`-character tokens when the request asks for a stream. */
  | { text: string; hold?: FakeHold }
  /** Assistant content that is this value serialised as JSON (structured outputs); `hold` delays the answer. */
  | { json: unknown; hold?: FakeHold }
  /** An HTTP error with an OpenAI-style error body. */
  | { status: number; message?: string; retryAfterSeconds?: number }
  /** Sends `afterChunks` tokens of `text` (stream) or nothing (plain), then destroys the socket. */
  | { drop: true; text?: string; afterChunks?: number }
  /** A 200 response whose body is not JSON (plain) or a chunk that is not JSON (stream). */
  | { invalidBody: true }
  /** Never answers; the connection stays open until the client gives up or the fake closes. */
  | { hang: true };

/** Stops a streamed reply after `afterChunks` tokens (a plain reply before it is sent) until `release()` is called. */
export interface FakeHold {
  afterChunks: number;
  released: Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined for GET or a body that is not JSON). */
  body: ChatRequestBody | undefined;
  receivedAt: number;
  /** Tokens written so far (streamed replies). */
  chunksSent: number;
  /** When the last token was written (streamed replies), null until then. */
  lastChunkAt: number | null;
  /** When each token was written: `performance.timeOrigin + performance.now()`, comparable across processes. */
  chunkTimes: number[];
  /** The client closed the connection before the reply was complete. */
  abortedByClient: boolean;
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: unknown };
  max_tokens?: number;
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface FakeOpenAiOptions {
  /** Delay between streamed tokens (the token rate). Default 0. */
  chunkDelayMs?: number;
  /** Characters per streamed token. Default 4. */
  chunkSize?: number;
  /** Model ids listed by GET /v1/models. Default ['fake-model']. */
  models?: string[];
  /** Answer `response_format: json_schema` with 400, as servers without structured outputs do. */
  rejectJsonSchema?: boolean;
}

export interface FakeOpenAi {
  /** The OpenAI base URL, `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Chat-completion requests only, in arrival order. */
  chatRequests(): RecordedRequest[];
  /** Queues replies, used one per chat-completion request in order before the default. */
  reply(...replies: FakeReply[]): void;
  /** The reply once the queue is empty (default: the text "OK"). */
  setDefault(reply: FakeReply | ((request: RecordedRequest) => FakeReply)): void;
  setChunkDelay(ms: number): void;
  /** A hold for a streamed reply, and the function that lets it continue. */
  hold(afterChunks: number): { hold: FakeHold; release: () => void };
  /** Requests being answered right now. */
  inFlight(): number;
  /** The most chat-completion requests that were ever in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let fallback: FakeReply | ((request: RecordedRequest) => FakeReply) = { text: 'OK' };
  let chunkDelayMs = options.chunkDelayMs ?? 0;
  const chunkSize = options.chunkSize ?? 4;
  const models = options.models ?? ['fake-model'];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: (req.url ?? '/').split('?')[0]!,
        headers: req.headers,
        body: parseJson(raw) as ChatRequestBody | undefined,
        receivedAt: Date.now(),
        chunksSent: 0,
        lastChunkAt: null,
        chunkTimes: [],
        abortedByClient: false,
      };
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.abortedByClient = true;
      });
      if (record.method === 'GET' && record.path === '/v1/models') {
        return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      }
      if (record.method !== 'POST' || record.path !== '/v1/chat/completions') {
        return sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
      }
      if (options.rejectJsonSchema && record.body?.response_format?.type === 'json_schema') {
        return sendJson(res, 400, { error: { message: 'response_format json_schema is not supported', type: 'invalid_request_error' } });
      }
      const reply = queue.shift() ?? (typeof fallback === 'function' ? fallback(record) : fallback);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      void answer(record, reply, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function answer(record: RecordedRequest, reply: FakeReply, res: ServerResponse): Promise<void> {
    const model = record.body?.model ?? models[0]!;
    const stream = record.body?.stream === true;
    if ('hang' in reply) return;
    if ('status' in reply) {
      const headers: Record<string, string> = reply.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) };
      return sendJson(res, reply.status, { error: { message: reply.message ?? `fake error ${reply.status}`, type: 'server_error' } }, headers);
    }
    if ('invalidBody' in reply) {
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"choices": [ this is not json');
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      return void res.end('data: {"choices": [ this is not json\n\n');
    }
    if ('drop' in reply) {
      if (stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const tokens = splitTokens(reply.text ?? 'partial reply that never ends', chunkSize).slice(0, reply.afterChunks ?? 1);
        for (const token of tokens) {
          if (!(await writeToken(record, res, model, token))) return;
        }
      }
      res.socket?.destroy();
      return;
    }
    const content = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
    const hold = reply.hold;
    if (!stream) {
      if (hold) await hold.released;
      if (res.destroyed) return;
      return sendJson(res, 200, {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        usage: usage(record, content),
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const tokens = splitTokens(content, chunkSize);
    for (const [i, token] of tokens.entries()) {
      if (hold && i === hold.afterChunks) await hold.released;
      if (!(await writeToken(record, res, model, token))) return;
    }
    res.write(sse({ ...chunkBase(model), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    res.end('data: [DONE]\n\n');
  }

  /** Writes one token after the configured delay; false when the client has gone. */
  async function writeToken(record: RecordedRequest, res: ServerResponse, model: string, token: string): Promise<boolean> {
    if (chunkDelayMs > 0) await new Promise((r) => setTimeout(r, chunkDelayMs));
    if (res.destroyed) return false;
    const delta = record.chunksSent === 0 ? { role: 'assistant', content: token } : { content: token };
    // Waiting for the write to flush keeps a following drop from discarding tokens the test counts as sent.
    await new Promise<void>((resolve) => res.write(sse({ ...chunkBase(model), choices: [{ index: 0, delta, finish_reason: null }] }), () => resolve()));
    record.chunksSent++;
    record.lastChunkAt = Date.now();
    record.chunkTimes.push(performance.timeOrigin + performance.now());
    return true;
  }

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    reply: (...replies) => void queue.push(...replies),
    setDefault: (reply) => void (fallback = reply),
    setChunkDelay: (ms) => void (chunkDelayMs = ms),
    hold(afterChunks) {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      return { hold: { afterChunks, released }, release };
    },
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function chunkBase(model: string) {
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
}

function usage(record: RecordedRequest, content: string) {
  const prompt = JSON.stringify(record.body?.messages ?? []).length;
  return { prompt_tokens: Math.ceil(prompt / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: Math.ceil((prompt + content.length) / 4) };
}

function splitTokens(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

function sse(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}
