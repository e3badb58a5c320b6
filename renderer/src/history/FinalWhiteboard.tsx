// The session's final whiteboard (GET /v1/sessions/:id/whiteboard?format=json), read-only, with export.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useEffect, useState } from 'react';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, Tldraw, type Editor, type TLRecord } from 'tldraw';
import 'tldraw/tldraw.css';
import { downloadBlob } from '../ui/download.ts';

const assetUrls = getAssetUrlsByImport();
const licenseKey: string | undefined = import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined;

export function FinalWhiteboard({ records, fileName }: { records: Record<string, unknown>[]; fileName: string }) {
  const [store] = useState(() => {
    const s = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
    s.mergeRemoteChanges(() => s.put(records as unknown as TLRecord[]));
    return s;
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: true });
    editor?.zoomToFit();
  }, [editor]);
  const exportAs = async (format: 'png' | 'svg' | 'json') => {
    if (format === 'json') return downloadBlob(new Blob([JSON.stringify({ records }, null, 2)], { type: 'application/json' }), `${fileName}.json`);
    if (!editor) return;
    const ids = [...editor.getCurrentPageShapeIds()];
    if (!ids.length) return;
    if (format === 'svg') {
      const svg = await editor.getSvgString(ids);
      if (svg) downloadBlob(new Blob([svg.svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
    } else {
      downloadBlob((await editor.toImage(ids, { format: 'png', background: true })).blob, `${fileName}.png`);
    }
  };
  return (
    <div className="whiteboard final" data-testid="final-whiteboard">
      <div className="whiteboard-bar">
        <span className="badge">Final state, read-only</span>
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
