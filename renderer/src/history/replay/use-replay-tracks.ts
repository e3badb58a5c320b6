// Loads both documents' replay logs for the player, with a progress figure (0..1) while long sessions page in.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client.ts';
import type { ReplayUpdate, SessionDetail } from '../../api/types.ts';
import { readReplayLog } from './replay-actions.ts';
import { ReplayTrack } from './replay-track.ts';

function trackOf(items: readonly ReplayUpdate[]): ReplayTrack {
  const track = new ReplayTrack();
  track.append(items);
  return track;
}

export function useReplayTracks(api: ApiClient, detail: SessionDetail) {
  const [tracks, setTracks] = useState<{ code: ReplayTrack; board: ReplayTrack } | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    const start = Date.parse(detail.startedAt ?? '') || null;
    const end = Date.parse(detail.finishedAt ?? '') || Date.now();
    // Progress is how far into the session the code log has been read.
    const onCodePage = (last: ReplayUpdate) => {
      if (!abort.signal.aborted && start !== null) setProgress(Math.min(1, Math.max(0, (Date.parse(last.at) - start) / Math.max(1, end - start))));
    };
    Promise.all([readReplayLog(api, detail.id, 'code', onCodePage, abort.signal), readReplayLog(api, detail.id, 'whiteboard', () => {}, abort.signal)])
      .then(([code, board]) => abort.signal.aborted || setTracks({ code: trackOf(code), board: trackOf(board) }))
      .catch((e: unknown) => abort.signal.aborted || setError(e));
    return () => abort.abort();
  }, [api, detail]);
  return { code: tracks?.code ?? null, board: tracks?.board ?? null, progress, error };
}
