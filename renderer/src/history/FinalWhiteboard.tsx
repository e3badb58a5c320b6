// The session's final whiteboard (GET /v1/sessions/:id/whiteboard?format=json), read-only, with export.
import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import { createBoardStore } from '../room/whiteboard/tldraw-setup.ts';
import { WhiteboardFrame } from '../room/whiteboard/WhiteboardFrame.tsx';

export function FinalWhiteboard({ records, fileName }: { records: Record<string, unknown>[]; fileName: string }) {
  const [store] = useState(() => createBoardStore(records));
  const [editor, setEditor] = useState<Editor | null>(null);
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: true });
    editor?.zoomToFit();
  }, [editor]);
  return (
    <div className="whiteboard final" data-testid="final-whiteboard">
      <WhiteboardFrame
        store={store}
        editor={editor}
        onMount={setEditor}
        records={() => records}
        fileName={fileName}
        badge={<span className="badge">Final state, read-only</span>}
      />
    </div>
  );
}
