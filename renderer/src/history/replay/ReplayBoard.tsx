// The whiteboard at the player's moment: a read-only tldraw bound to the replayed `whiteboard` document through
// the room's store bridge (a rebuilt document is bound afresh; the bridge makes the store show exactly its records).
import { useLayoutEffect, useRef, useState } from 'react';
import { bindStoreToDoc } from '../../room/whiteboard/yjs-store-bridge.ts';
import { ReadOnlyWhiteboard } from '../ReadOnlyWhiteboard.tsx';
import { TrackCursor, type ReplayTrack } from './replay-track.ts';
import { createBoardStore } from '../../room/whiteboard/tldraw-setup.ts';

/** The replayed document is never synced: the bridge must not seed it with the store's pages. */
const NEVER = new Promise<void>(() => {});

export function ReplayBoard({ track, count, fileName }: { track: ReplayTrack; count: number; fileName: string }) {
  const [store] = useState(() => createBoardStore());
  const bound = useRef<{ cursor: TrackCursor; records: () => readonly unknown[]; unbind: () => void } | null>(null);

  // Declared before the layout effect that moves it, so the first position already has its document bound.
  useLayoutEffect(() => {
    let binding: { records: () => readonly unknown[]; unbind: () => void } = { records: () => [], unbind: () => {} };
    const cursor = new TrackCursor(track, (doc) => {
      binding.unbind();
      binding = bindStoreToDoc(store, doc, NEVER);
    });
    bound.current = { cursor, records: () => binding.records(), unbind: () => binding.unbind() };
    return () => {
      bound.current = null;
      binding.unbind();
      cursor.destroy();
    };
  }, [track, store]);

  useLayoutEffect(() => {
    bound.current?.cursor.moveTo(count);
  }, [track, count]);

  return (
    <ReadOnlyWhiteboard
      store={store}
      records={() => bound.current?.records() ?? []}
      fileName={fileName}
      badge={<span className="badge">Replay, read-only</span>}
      className="whiteboard replay-board"
      testId="replay-board"
    />
  );
}
