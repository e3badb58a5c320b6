// The session's final whiteboard (GET /v1/sessions/:id/whiteboard?format=json), read-only, with export.
import { useState } from 'react';
import { createBoardStore } from '../room/whiteboard/tldraw-setup.ts';
import { ReadOnlyWhiteboard } from './ReadOnlyWhiteboard.tsx';

export function FinalWhiteboard({ records, fileName }: { records: Record<string, unknown>[]; fileName: string }) {
  const [store] = useState(() => createBoardStore(records));
  return (
    <ReadOnlyWhiteboard
      store={store}
      records={() => records}
      fileName={fileName}
      badge={<span className="badge">Final state, read-only</span>}
      className="whiteboard final"
      testId="final-whiteboard"
      fit
    />
  );
}
