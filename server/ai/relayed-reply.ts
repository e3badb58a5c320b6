// Following a reply that another process of the cluster generates. The follower listens to the relayed
// tokens first, then reads the job: the text saved so far, and each relayed token from where that text ends.
// A token that starts beyond what was shown (it was published before the follower listened, or lost while
// Redis was unreachable) waits for a later save to fill the gap, so the text shown never has a hole or a
// repeat. The job is re-read every RECHECK_MS anyway and at the producer's `end`: a producer that died is
// noticed once its job is failed (ai-recovery.ts), and the end's text comes from the stored assistant message.
import type { AiJobRecord, AiStore } from '../storage/ai/index.ts';
import type { ReplyEvent } from './ai-jobs.ts';
import type { ReplyRelay } from './reply-relay.ts';

const RECHECK_MS = 2000;
/** Re-read sooner while a relayed token waits for the saved text to catch up with it. */
const GAP_RECHECK_MS = 250;

function ended(job: AiJobRecord): boolean {
  return job.status === 'completed' || job.status === 'failed';
}

/**
 * Like LiveReplies.follow for a reply generated elsewhere: the text so far, new text as it arrives, then `end`
 * with the job as it ended; a job that already ended gives `end` at once. Stops when `signal` aborts.
 */
export async function* followRelayedReply(jobId: string, deps: { store: AiStore; relay: ReplyRelay }, signal: AbortSignal): AsyncGenerator<ReplyEvent, void, undefined> {
  const { store, relay } = deps;
  const inbox: { offset: number; content: string }[] = [];
  let checkAt = 0;
  /** The producer said the job ended: its final state is stored, read it now. */
  let endSaid = false;
  let wake: (() => void) | undefined;
  const stopFollowing = await relay.follow(jobId, (update) => {
    if (update.type === 'chunk') inbox.push(update);
    else {
      endSaid = true;
      checkAt = 0;
    }
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    let shown = 0;
    let first = true;
    while (!signal.aborted) {
      let text = '';
      if (Date.now() >= checkAt) {
        const job = await store.jobs.get(jobId);
        if (!job) return;
        if (ended(job)) {
          if (!first) {
            const rest = (await finalText(store, job)).slice(shown);
            if (rest) yield { type: 'delta', content: rest };
          }
          yield { type: 'end', job };
          return;
        }
        first = false;
        const saved = job.replyText ?? '';
        text = saved.slice(shown);
        shown = Math.max(shown, saved.length);
        checkAt = Date.now() + (endSaid ? GAP_RECHECK_MS : RECHECK_MS);
      }
      // Tokens in offset order; what was shown already is skipped, what lies beyond a gap waits.
      inbox.sort((a, b) => a.offset - b.offset);
      while (inbox.length > 0 && inbox[0]!.offset <= shown) {
        const chunk = inbox.shift()!;
        text += chunk.content.slice(shown - chunk.offset);
        shown = Math.max(shown, chunk.offset + chunk.content.length);
      }
      if (inbox.length > 0) checkAt = Math.min(checkAt, Date.now() + GAP_RECHECK_MS);
      if (text) {
        yield { type: 'delta', content: text };
        continue;
      }
      const waitMs = checkAt - Date.now();
      if (waitMs > 0 && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  } finally {
    stopFollowing();
    signal.removeEventListener('abort', onAbort);
  }
}

/** The whole text of an ended reply: its assistant message, else (failed without one) what was saved. */
async function finalText(store: AiStore, job: AiJobRecord): Promise<string> {
  const message = job.replyMessageId ? await store.messages.get(job.replyMessageId) : undefined;
  return message?.content ?? job.replyText ?? '';
}
