// Talks to an OpenAI-compatible provider from main: its model list (`GET <baseUrl>/models`) and the model
// servers on this computer's default ports. Plain Node fetch, so tests run it against a real HTTP server.
import * as z from 'zod';
import type { LocalAiServer, ModelListing } from '../../preload/api.ts';

/** Where Ollama and llama.cpp's server listen out of the box (both serve the OpenAI API under /v1). */
export const LOCAL_AI_SERVERS: readonly Omit<LocalAiServer, 'models'>[] = [
  { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
  { kind: 'llama.cpp', baseUrl: 'http://127.0.0.1:8080/v1' },
];

const zModelList = z.object({ data: z.array(z.object({ id: z.string().min(1) })) });

export async function listModels(baseUrl: string, apiKey: string | null, { timeoutMs = 5000 } = {}): Promise<ModelListing> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, {
      headers: { accept: 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, problem: timedOut ? 'timeout' : 'unreachable', status: null };
  }
  if (!res.ok) {
    await res.body?.cancel();
    const problem = res.status === 401 || res.status === 403 ? 'unauthorized' : res.status === 404 ? 'not-openai-compatible' : 'http-error';
    return { ok: false, problem, status: res.status };
  }
  const parsed = zModelList.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return { ok: false, problem: 'not-openai-compatible', status: res.status };
  return { ok: true, models: [...new Set(parsed.data.data.map((m) => m.id))].sort() };
}

/** The candidates that answer with a model list (a refused port fails fast; a silent one after `timeoutMs`). */
export async function detectLocalAiServers(
  candidates: readonly Omit<LocalAiServer, 'models'>[] = LOCAL_AI_SERVERS,
  { timeoutMs = 1500 } = {},
): Promise<LocalAiServer[]> {
  const found = await Promise.all(
    candidates.map(async (c) => {
      const listing = await listModels(c.baseUrl, null, { timeoutMs });
      return listing.ok ? { ...c, models: listing.models } : null;
    }),
  );
  return found.filter((s) => s !== null);
}
