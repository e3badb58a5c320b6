// Loads a session's replay: every page of GET /v1/sessions/:id/replay/:doc (following `nextAfter`) into a
// ReplayTrack, reporting progress as the loaded history's last moment.
import type { CollabDoc } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { ReplayUpdate } from '../../api/types.ts';
import { ReplayTrack } from './replay-track.ts';

const PAGE = 5000;

export type ReplayPageReader = (after: number) => Promise<{ items: ReplayUpdate[]; nextAfter: number | null }>;

export function replayPages(api: ApiClient, sessionId: string, doc: CollabDoc): ReplayPageReader {
  return (after) => api.call('GET /v1/sessions/:sessionId/replay/:doc', { sessionId, doc }, { after, limit: PAGE });
}

/** Reads every page into a new track; `onPage` gets the track after each page. Stops early once `signal` aborts. */
export async function loadTrack(read: ReplayPageReader, onPage: (track: ReplayTrack) => void, signal: AbortSignal): Promise<ReplayTrack> {
  const track = new ReplayTrack();
  let after: number | null = 0;
  while (after !== null && !signal.aborted) {
    const page = await read(after);
    track.append(page.items);
    onPage(track);
    after = page.nextAfter;
    // Let the page paint between pages of a long session.
    await new Promise((r) => setTimeout(r, 0));
  }
  return track;
}
