// tldraw bound to the room's `whiteboard` Y.Doc. Assets are bundled from @tldraw/assets (no CDN, works offline).
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useEffect, useState } from 'react';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, Tldraw, type Editor, type TLRecord } from 'tldraw';
import 'tldraw/tldraw.css';
import type { DocConnection } from '../collab/doc-connection.ts';
import { syncPresence } from './presence.ts';
import { bindStoreToDoc } from './yjs-store-bridge.ts';
import { downloadBlob } from '../../ui/download.ts';

const assetUrls = getAssetUrlsByImport();
const licenseKey: string | undefined = import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined;

export interface WhiteboardProps {
  conn: DocConnection;
  readOnly: boolean;
  user: { id: string; name: string; color: string };
  fileName: string;
}

export function Whiteboard({ conn, readOnly, user, fileName }: WhiteboardProps) {
  const [store] = useState(() => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils }));
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

  const exportAs = async (format: 'png' | 'svg' | 'json') => {
    if (format === 'json') {
      downloadBlob(new Blob([JSON.stringify({ records: records() }, null, 2)], { type: 'application/json' }), `${fileName}.json`);
      return;
    }
    if (!editor) return;
    const shapes = [...editor.getCurrentPageShapeIds()];
    if (shapes.length === 0) return;
    if (format === 'svg') {
      const svg = await editor.getSvgString(shapes);
      if (svg) downloadBlob(new Blob([svg.svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
    } else {
      const { blob } = await editor.toImage(shapes, { format: 'png', background: true });
      downloadBlob(blob, `${fileName}.png`);
    }
  };

  return (
    <div className="whiteboard" data-testid="whiteboard" data-readonly={readOnly}>
      <div className="whiteboard-bar">
        {readOnly && <span className="badge">View only</span>}
        <span className="grow" />
        <button type="button" onClick={() => exportAs('png')}>PNG</button>
        <button type="button" onClick={() => exportAs('svg')}>SVG</button>
        <button type="button" onClick={() => exportAs('json')}>JSON</button>
      </div>
      <div className="whiteboard-canvas">
        <Tldraw store={store} assetUrls={assetUrls} licenseKey={licenseKey} onMount={setEditor} />
      </div>
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
