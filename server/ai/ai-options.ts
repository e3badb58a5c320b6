// Configuration of the AI plane: the provider (ServerOptions.ai, mapped from SYNCODE_AI_* by the CLI or
// passed by the desktop app's supervisor) and the limits that keep one provider usable by many users.

export interface AiProviderOptions {
  /** OpenAI-compatible base URL, e.g. `http://127.0.0.1:11434/v1` (Ollama). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; local servers usually need none. */
  apiKey?: string;
  /** Model id; when absent the first model the provider lists (GET /models) is used. */
  model?: string;
  /** AI requests (messages, hints, reviews) per user per UTC day in hosted mode; absent = unlimited. */
  requestsPerDay?: number;
  limits?: Partial<AiLimits>;
}

export interface AiLimits {
  /** A provider silent this long (before its first byte, or between two tokens) fails the attempt. */
  timeoutMs: number;
  /** Retries of a transient failure (429, 5xx, a failed connection) before the first token, with backoff. */
  maxRetries: number;
  /** Provider requests in flight for the whole server. */
  maxConcurrent: number;
  /** Provider requests in flight for one user; more wait in the queue. */
  maxConcurrentPerUser: number;
  /** Jobs waiting for a slot; beyond this a new request is refused (503 AI_UNAVAILABLE, busy). */
  maxQueued: number;
  /** `max_tokens` of a chat reply or hint. */
  maxReplyTokens: number;
  /** `max_tokens` of a structured answer (review, report, complexity). */
  maxStructuredTokens: number;
  /** Earlier messages of the conversation sent as context. */
  historyMessages: number;
}

export const DEFAULT_AI_LIMITS: AiLimits = {
  timeoutMs: 60_000,
  maxRetries: 2,
  maxConcurrent: 8,
  maxConcurrentPerUser: 2,
  maxQueued: 200,
  maxReplyTokens: 1024,
  maxStructuredTokens: 2048,
  historyMessages: 30,
};
