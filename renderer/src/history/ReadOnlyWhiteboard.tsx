// A tldraw board that cannot be edited, with the export bar: the session's final board and the replay's board.
import { useEffect, useState, type ReactNode } from 'react';
import type { Editor, TLStore } from 'tldraw';
import { WhiteboardFrame } from '../room/whiteboard/WhiteboardFrame.tsx';

export interface ReadOnlyWhiteboardProps {
  store: TLStore;
  records: () => readonly unknown[];
  fileName: string;
  badge: ReactNode;
  className: string;
  testId: string;
  /** Zoom to the drawings once mounted (a still board); a replayed board keeps the page's own camera. */
  fit?: boolean;
}

export function ReadOnlyWhiteboard({ store, records, fileName, badge, className, testId, fit = false }: ReadOnlyWhiteboardProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: true });
    if (fit) editor?.zoomToFit();
  }, [editor, fit]);
  return (
    <div className={className} data-testid={testId}>
      <WhiteboardFrame store={store} editor={editor} onMount={setEditor} records={records} fileName={fileName} badge={badge} />
    </div>
  );
}
