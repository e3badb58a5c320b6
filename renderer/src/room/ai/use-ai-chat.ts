// The conversation with the AI interviewer: the stored history, the reply being streamed, stop and retry,
// and hints in the same feed. Codes that make the AI unusable here (no provider, turned off, quota) are
// kept apart as `blocked`, so the panel explains them instead of showing a failed message.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, type SupportedLanguage } from '../../../../server/protocol/index.ts';
import { isApiError } from '../../api/api-client.ts';
import type { AiMessage } from '../../api/types.ts';
import type { AiActions } from './ai-actions.ts';
import { followReply } from './follow-reply.ts';

export type FeedEntry =
  | { kind: 'message'; id: string; role: AiMessage['role']; content: string }
  | { kind: 'stopped'; id: string; content: string }
  | { kind: 'hint'; id: string; level: 1 | 2 | 3; content: string };

export interface PendingReply {
  prompt: string;
  jobId: string | null;
  /** The text streamed so far. */
  text: string;
  state: 'sending' | 'streaming' | 'failed';
  /** Why it failed (an error code), null otherwise. */
  code: string | null;
}

/** Codes after which asking again cannot help until something changes outside the panel. */
const BLOCKING: readonly string[] = [ErrorCode.AI_UNAVAILABLE, ErrorCode.AI_DISABLED, ErrorCode.USER_QUOTA_EXCEEDED];

export interface BlockedReason {
  code: string;
  details: Record<string, unknown> | undefined;
}

const HISTORY_LIMIT = 500;

export function useAiChat(actions: AiActions, context: () => { code: string; language: SupportedLanguage }) {
  const [feed, setFeed] = useState<FeedEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [pending, setPending] = useState<PendingReply | null>(null);
  const [blocked, setBlocked] = useState<BlockedReason | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const streaming = useRef<AbortController | null>(null);
  const contextRef = useRef(context);
  contextRef.current = context;

  const block = useCallback((error: unknown): boolean => {
    if (!isApiError(error) || !BLOCKING.includes(error.code)) return false;
    setBlocked({ code: error.code, details: error.details });
    return true;
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      const items: AiMessage[] = [];
      let cursor: string | undefined;
      do {
        const page = await actions.history(cursor);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < HISTORY_LIMIT);
      return items;
    })()
      .then((items) => live && setFeed(items.map((m) => ({ kind: 'message', id: m.id, role: m.role, content: m.content }))))
      .catch((error: unknown) => live && !block(error) && setLoadError(error))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
      // Leaving the room stops reading the stream; the reply is still stored and shows up next time.
      streaming.current?.abort();
    };
  }, [actions, block]);

  const send = useCallback(
    async (prompt: string) => {
      if (streaming.current) return;
      const controller = new AbortController();
      streaming.current = controller;
      setPending({ prompt, jobId: null, text: '', state: 'sending', code: null });
      try {
        const { code, language } = contextRef.current();
        let jobId: string;
        try {
          ({ id: jobId } = await actions.send({ content: prompt, code, language }));
        } catch (error) {
          if (block(error)) setPending(null);
          else setPending({ prompt, jobId: null, text: '', state: 'failed', code: isApiError(error) ? error.code : 'UNKNOWN' });
          return;
        }
        setBlocked(null);
        setFeed((f) => [...f, { kind: 'message', id: `sent-${jobId}`, role: 'user', content: prompt }]);
        setPending({ prompt, jobId, text: '', state: 'streaming', code: null });
        const outcome = await followReply(actions, jobId, controller.signal, (text) => setPending((p) => (p?.jobId === jobId ? { ...p, text } : p)));
        if (outcome.ok) {
          setFeed((f) => [...f, { kind: 'message', id: outcome.message.id, role: 'assistant', content: outcome.message.content }]);
          setPending(null);
        } else {
          setPending((p) => (p ? { ...p, state: 'failed', code: outcome.code } : p));
        }
      } catch {
        // Aborted by stop(), which already moved the partial reply into the feed.
      } finally {
        if (streaming.current === controller) streaming.current = null;
      }
    },
    [actions, block],
  );

  const stop = useCallback(() => {
    const controller = streaming.current;
    if (!controller) return;
    streaming.current = null;
    controller.abort();
    if (pending?.jobId) {
      void actions.cancel(pending.jobId).catch(() => undefined); // a reply that just finished has nothing to cancel
      setFeed((f) => [...f, { kind: 'stopped', id: `stopped-${pending.jobId}`, content: pending.text }]);
    }
    setPending(null);
  }, [actions, pending]);

  const addHint = useCallback((id: string, level: 1 | 2 | 3, content: string) => {
    setFeed((f) => (f.some((e) => e.id === id) ? f : [...f, { kind: 'hint', id, level, content }]));
  }, []);

  return { feed, loading, loadError, pending, blocked, block, send, stop, addHint, dismissFailure: () => setPending(null) };
}
