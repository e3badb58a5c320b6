// tldraw bound to the room's `whiteboard` Y.Doc.
import { useEffect, useState } from 'react';
import type { Editor, TLRecord } from 'tldraw';
import type { DocConnection } from '../collab/doc-connection.ts';
import { syncPresence } from './presence.ts';
import { createBoardStore } from './tldraw-setup.ts';
import { WhiteboardFrame } from './WhiteboardFrame.tsx';
import { bindStoreToDoc } from './yjs-store-bridge.ts';

export interface WhiteboardProps {
  conn: DocConnection;
  readOnly: boolean;
  user: { id: string; name: string; color: string };
  fileName: string;
}

export function Whiteboard({ conn, readOnly, user, fileName }: WhiteboardProps) {
  const [store] = useState(() => createBoardStore());
  const [editor, setEditor] = useState<Editor | null>(null);
  const [doc, setDoc] = useState(() => conn.doc);
  const [records, setRecords] = useState<() => TLRecord[]>(() => () => []);

  useEffect(() => {
    const onReplaced = () => setDoc(conn.doc);
    conn.on('doc-replaced', onReplaced);
    return () => conn.off('doc-replaced', onReplaced);
  }, [conn]);

  useEffect(() => {
    const bound = bindStoreToDoc(store, doc, whenSynced(conn));
    setRecords(() => bound.records);
    return bound.unbind;
  }, [store, doc, conn]);

  useEffect(() => {
    if (!editor) return;
    editor.user.updateUserPreferences({ id: user.id, name: user.name, color: user.color });
    return syncPresence(editor, conn.provider.awareness);
  }, [editor, conn, doc, user]);

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);

  return (
    <div className="whiteboard" data-testid="whiteboard" data-readonly={readOnly}>
      <WhiteboardFrame
        store={store}
        editor={editor}
        onMount={setEditor}
        records={records}
        fileName={fileName}
        badge={readOnly && <span className="badge">View only</span>}
      />
    </div>
  );
}

/** Resolves when the connection's current provider has synced with the server. */
function whenSynced(conn: DocConnection): Promise<void> {
  const provider = conn.provider;
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}
