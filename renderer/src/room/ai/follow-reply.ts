// Follows one reply of the AI interviewer: its text from the stream endpoint as it is generated, then the
// finished job. If the stream breaks (network, a proxy), the job is polled to its end instead: the server
// keeps generating whether or not anyone listens.
import { ClientErrorCode, isApiError } from '../../api/api-client.ts';
import type { AiMessage, AiMessageJob } from '../../api/types.ts';
import { readSse } from '../../api/sse-parser.ts';
import { POLL_DELAYS_MS } from '../panels/use-job.ts';
import type { AiActions } from './ai-actions.ts';

export type ReplyOutcome = { ok: true; message: AiMessage } | { ok: false; code: string; message: string };

/** Resolves with the outcome; rejects only when `signal` aborts (the user stopped the reply). */
export async function followReply(
  actions: AiActions,
  jobId: string,
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<ReplyOutcome> {
  let text = '';
  let outcome: ReplyOutcome | null = null;
  try {
    await readSse(await actions.stream(jobId, signal), (event) => {
      if (outcome) return;
      const data = parseJson(event.data);
      if (event.event === 'delta' && typeof data?.content === 'string') {
        text += data.content;
        onText(text);
      } else if (event.event === 'done' && data) {
        outcome = fromJob(data as AiMessageJob);
      } else if (event.event === 'error' && data) {
        outcome = { ok: false, code: String(data.code ?? 'INTERNAL'), message: String(data.message ?? '') };
      }
    });
  } catch (error) {
    if (signal.aborted) throw error;
    // The stream broke or could not open: the job's own state still tells how it ended.
  }
  return outcome ?? pollReply(actions, jobId, signal);
}

async function pollReply(actions: AiActions, jobId: string, signal: AbortSignal): Promise<ReplyOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      const job = await actions.message(jobId);
      if (job.status === 'completed' || job.status === 'failed') return fromJob(job);
    } catch (error) {
      if (signal.aborted) throw error;
      // Offline for a moment: keep trying, as the job keeps running on the server. Any answer ends it.
      if (isApiError(error) && error.code !== ClientErrorCode.NETWORK_UNREACHABLE) return { ok: false, code: error.code, message: error.message };
    }
    await delay(POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)]!, signal);
  }
}

function fromJob(job: AiMessageJob): ReplyOutcome {
  if (job.status === 'completed' && job.result) return { ok: true, message: job.result };
  return { ok: false, code: job.error?.code ?? 'INTERNAL', message: job.error?.message ?? '' };
}

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
