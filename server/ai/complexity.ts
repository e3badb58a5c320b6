// The AI estimate of a piece of code's time and space complexity, for static analysis (AnalysisJob's
// `complexity`). It takes a provider slot like any other request, on behalf of the server rather than a user.
// An analysis does not fail for want of an estimate: without a provider, or when the provider fails or
// answers nonsense twice, the estimate is null (the failure is logged).
import type { SupportedLanguage } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import type { AiLimits } from './ai-options.ts';
import type { ChatClient } from './chat-client.ts';
import type { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { requestStructured } from './structured-output.ts';
import { complexityMessages, zModelComplexity } from './prompts/complexity-prompt.ts';

export interface ComplexityInput {
  code: string;
  language: SupportedLanguage;
  problemStatement?: string;
}

export type EstimateComplexity = (input: ComplexityInput, signal?: AbortSignal) => Promise<{ time: string; space: string } | null>;

/** Analysis jobs share one per-user slot budget under this name. */
const ANALYSIS_SLOT_OWNER = 'static-analysis';

export function createComplexityEstimator(deps: {
  chat: ChatClient | undefined;
  limiter: ConcurrencyLimiter | undefined;
  limits: AiLimits;
  log: Logger;
}): EstimateComplexity {
  const { chat, limiter, limits, log } = deps;
  return async (input, signal) => {
    if (!chat || !limiter) return null;
    let release: (() => void) | undefined;
    try {
      release = await limiter.acquire(ANALYSIS_SLOT_OWNER, signal);
      return await requestStructured(chat, {
        name: 'complexity',
        schema: zModelComplexity,
        messages: complexityMessages(input),
        maxTokens: limits.maxStructuredTokens,
        signal,
      });
    } catch (error) {
      log.warn('complexity estimate failed', { error: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      release?.();
    }
  };
}
