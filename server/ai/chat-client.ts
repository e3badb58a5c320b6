// The one OpenAI-compatible chat-completions client of the server (the `openai` package: its SSE parser, its
// retries with backoff for 408/409/429/5xx and failed connections, its per-attempt timeout until the response
// starts). On top of it: a watchdog that fails a stream whose provider goes silent between tokens, one more
// attempt for a stream that breaks before its first token, the model chosen from GET /models when none is
// configured, and JSON answers requested with the strongest `response_format` the provider accepts. Every
// failure becomes an AiProviderError (the job fails with AI_UNAVAILABLE) or, when the caller aborted,
// AiCancelledError. The SDK is imported on the first request, not at start-up: its top level loads Node's
// undici, about 4 MiB of every server process that never asks the AI anything. An SDK that cannot be loaded is
// an AiProviderError too.
import type OpenAI from 'openai';
import type { Logger } from '../server-options.ts';
import type { AiLimits, AiProviderOptions } from './ai-options.ts';
import { errorFields } from '../error-fields.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The provider failed (unreachable, an error status, silent too long, an answer that is not a completion). */
export class AiProviderError extends Error {
  override readonly name = 'AiProviderError';
}

/** The caller's signal aborted the request (a user stopped the generation, or the server is closing). */
export class AiCancelledError extends Error {
  override readonly name = 'AiCancelledError';
}

/** A JSON answer's schema, sent as `response_format: json_schema` where the provider supports it. */
export interface JsonFormat {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  maxTokens: number;
  signal?: AbortSignal;
}

export interface ChatClient {
  /** The reply, token by token as the provider streams it. */
  streamText(request: ChatRequest): AsyncGenerator<string, void, undefined>;
  /** The whole content of a JSON answer (not yet parsed or validated). */
  completeJson(request: ChatRequest & { format: JsonFormat }): Promise<string>;
  /** Model ids the provider lists. */
  listModels(signal?: AbortSignal): Promise<string[]>;
}

/** How JSON is asked for: dropped one step each time a provider refuses the stronger form with 400/422. */
type JsonMode = 'json_schema' | 'json_object' | 'prompt';

const STREAM_RETRY_BASE_MS = 250;

type Sdk = typeof import('openai');

export function createChatClient(options: AiProviderOptions, limits: AiLimits, log: Logger): ChatClient {
  let connecting: Promise<{ sdk: Sdk; client: OpenAI }> | undefined;
  const connect = (): Promise<{ sdk: Sdk; client: OpenAI }> =>
    (connecting ??= import('openai').then((sdk) => ({
      sdk,
      client: new sdk.default({
        baseURL: options.baseUrl,
        // The SDK insists on a key; local servers need none, and then no Authorization header is sent at all.
        apiKey: options.apiKey ?? 'unused',
        defaultHeaders: options.apiKey ? {} : { authorization: null },
        timeout: limits.timeoutMs,
        maxRetries: limits.maxRetries,
        logLevel: 'off',
      }),
    }),
    (error: unknown) => {
      // A broken install: said once per attempt in the log, as AI_UNAVAILABLE to the user; the next request tries again.
      connecting = undefined;
      log.error('the AI client library (openai) could not be loaded', errorFields(error));
      throw new AiProviderError('The AI client library could not be loaded: the installation is incomplete.');
    }));
  let jsonMode: JsonMode = 'json_schema';
  let model: Promise<string> | undefined;

  function resolveModel(signal?: AbortSignal): Promise<string> {
    if (options.model) return Promise.resolve(options.model);
    model ??= listModels(signal).then((ids) => {
      if (ids.length === 0) throw new AiProviderError('The AI provider lists no model; set SYNCODE_AI_MODEL.');
      return ids[0]!;
    });
    // A failed lookup is not kept: the next request asks again.
    model.catch(() => (model = undefined));
    return model;
  }

  async function listModels(signal?: AbortSignal): Promise<string[]> {
    const { sdk, client } = await connect();
    try {
      const page = await client.models.list({ signal });
      return page.data.map((m) => m.id);
    } catch (error) {
      throw providerError(sdk, error, signal);
    }
  }

  async function* streamText(request: ChatRequest): AsyncGenerator<string, void, undefined> {
    const name = await resolveModel(request.signal);
    const { sdk, client } = await connect();
    for (let attempt = 0; ; attempt++) {
      const watchdog = new IdleWatchdog(limits.timeoutMs, request.signal);
      let yielded = false;
      try {
        const stream = await client.chat.completions.create(
          { model: name, messages: request.messages, stream: true, max_tokens: request.maxTokens },
          { signal: watchdog.signal },
        );
        watchdog.touch();
        for await (const chunk of stream) {
          watchdog.touch();
          const content = chunk.choices[0]?.delta?.content;
          if (content) {
            yielded = true;
            yield content;
          }
        }
        // The SDK ends an aborted stream's iteration quietly: an abort must not pass for a complete reply.
        if (watchdog.signal.aborted) throw new Error('aborted');
        return;
      } catch (error) {
        const failure = watchdog.explain(sdk, error, request.signal);
        // Once tokens reached the caller the reply cannot be restarted; before that, a broken stream is retried.
        if (yielded || failure instanceof AiCancelledError || attempt >= limits.maxRetries || !isTransient(sdk, error)) throw failure;
        log.warn('AI stream broke before its first token; retrying', { attempt: attempt + 1, error: failure.message });
        await delay(STREAM_RETRY_BASE_MS * 2 ** attempt, request.signal);
      } finally {
        watchdog.stop();
      }
    }
  }

  async function completeJson(request: ChatRequest & { format: JsonFormat }): Promise<string> {
    const name = await resolveModel(request.signal);
    const { sdk, client } = await connect();
    for (;;) {
      const mode = jsonMode;
      try {
        const completion = await client.chat.completions.create(
          {
            model: name,
            messages: mode === 'prompt' ? withSchemaInstruction(request.messages, request.format) : request.messages,
            max_tokens: request.maxTokens,
            ...responseFormat(mode, request.format),
          },
          { signal: request.signal },
        );
        const content = completion.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new AiProviderError('The AI provider answered without any content.');
        return content;
      } catch (error) {
        if (mode !== 'prompt' && (error instanceof sdk.BadRequestError || error instanceof sdk.UnprocessableEntityError)) {
          // Servers without structured outputs refuse the field; ask the next weaker way from now on.
          jsonMode = mode === 'json_schema' ? 'json_object' : 'prompt';
          log.warn('AI provider refused response_format; falling back', { refused: mode, next: jsonMode });
          continue;
        }
        throw providerError(sdk, error, request.signal);
      }
    }
  }

  return { streamText, completeJson, listModels };
}

function responseFormat(mode: JsonMode, format: JsonFormat): Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming> {
  if (mode === 'json_schema') return { response_format: { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: false } } };
  if (mode === 'json_object') return { response_format: { type: 'json_object' } };
  return {};
}

/** Without response_format the schema goes into the prompt (the system message is always first). */
function withSchemaInstruction(messages: ChatMessage[], format: JsonFormat): ChatMessage[] {
  const instruction = `Answer with one JSON object only, no prose and no code fence, matching this JSON Schema:\n${JSON.stringify(format.schema)}`;
  return [...messages, { role: 'system', content: instruction }];
}

function isTransient(sdk: Sdk, error: unknown): boolean {
  if (error instanceof sdk.APIError && error.status !== undefined) return error.status === 429 || error.status >= 500;
  // A connection that broke or timed out, or a body cut off mid-way (undici's "terminated").
  return error instanceof sdk.APIConnectionError || error instanceof TypeError;
}

function providerError(sdk: Sdk, error: unknown, signal: AbortSignal | undefined): AiProviderError | AiCancelledError {
  if (signal?.aborted) return new AiCancelledError('The request was cancelled.');
  if (error instanceof AiProviderError || error instanceof AiCancelledError) return error;
  if (error instanceof sdk.APIConnectionTimeoutError) return new AiProviderError('The AI provider did not answer in time.');
  if (error instanceof sdk.APIUserAbortError) return new AiProviderError('The AI provider request was aborted.');
  if (error instanceof sdk.APIConnectionError) return new AiProviderError('The AI provider could not be reached.');
  if (error instanceof sdk.APIError && error.status !== undefined) return new AiProviderError(`The AI provider answered with HTTP ${error.status}.`);
  return new AiProviderError('The AI provider sent an invalid or incomplete answer.');
}

/** Aborts a stream whose provider stays silent for `ms`, telling that apart from the caller's own abort. */
class IdleWatchdog {
  readonly #controller = new AbortController();
  readonly #ms: number;
  readonly signal: AbortSignal;
  #timer: NodeJS.Timeout | undefined;
  #fired = false;

  constructor(ms: number, caller: AbortSignal | undefined) {
    this.#ms = ms;
    this.signal = caller ? AbortSignal.any([caller, this.#controller.signal]) : this.#controller.signal;
  }

  /** (Re)arms the timer: first when the response has started (until then the SDK's timeout and retries apply). */
  touch(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#fired = true;
      this.#controller.abort();
    }, this.#ms);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  explain(sdk: Sdk, error: unknown, caller: AbortSignal | undefined): AiProviderError | AiCancelledError {
    if (this.#fired && !caller?.aborted) return new AiProviderError('The AI provider stopped sending in time.');
    return providerError(sdk, error, caller);
  }
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AiCancelledError('The request was cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AiCancelledError('The request was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
