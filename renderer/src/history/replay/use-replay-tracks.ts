// Loads both documents' replay logs for the player, with a progress figure (0..1) while long sessions page in.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client.ts';
import type { SessionDetail } from '../../api/types.ts';
import { loadTrack, replayPages } from './replay-actions.ts';
import type { ReplayTrack } from './replay-track.ts';

export function useReplayTracks(api: ApiClient, detail: SessionDetail) {
  const [code, setCode] = useState<ReplayTrack | null>(null);
  const [board, setBoard] = useState<ReplayTrack | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    const start = Date.parse(detail.startedAt ?? '') || null;
    const end = Date.parse(detail.finishedAt ?? '') || Date.now();
    // Progress is how far into the session the code log has been read.
    const onCodePage = (track: ReplayTrack) => {
      const last = track.steps[track.steps.length - 1]?.at;
      if (!abort.signal.aborted && start !== null && last !== undefined) setProgress(Math.min(1, Math.max(0, (last - start) / Math.max(1, end - start))));
    };
    Promise.all([
      loadTrack(replayPages(api, detail.id, 'code'), onCodePage, abort.signal),
      loadTrack(replayPages(api, detail.id, 'whiteboard'), () => {}, abort.signal),
    ])
      .then(([c, b]) => {
        if (abort.signal.aborted) return;
        setCode(c);
        setBoard(b);
      })
      .catch((e: unknown) => abort.signal.aborted || setError(e));
    return () => abort.abort();
  }, [api, detail]);
  return { code, board, progress, error };
}
