// What the live room board and a session's final board share: the bar with PNG/SVG/JSON export and the tldraw
// canvas, dark like the rest of the app.
import type { ReactNode } from 'react';
import { Tldraw, type Editor, type TLStore } from 'tldraw';
import 'tldraw/tldraw.css';
import { downloadBlob } from '../../ui/download.ts';
import { assetUrls, licenseKey } from './tldraw-setup.ts';

export interface WhiteboardFrameProps {
  store: TLStore;
  /** The mounted editor (null until tldraw calls `onMount`): PNG and SVG export need it. */
  editor: Editor | null;
  onMount: (editor: Editor) => void;
  /** The board's records as they are now, for the JSON export. */
  records: () => readonly unknown[];
  /** Download name without the extension. */
  fileName: string;
  /** Shown at the start of the bar (a badge), or nothing. */
  badge: ReactNode;
}

export function WhiteboardFrame({ store, editor, onMount, records, fileName, badge }: WhiteboardFrameProps) {
  // The app has one (dark) theme; tldraw would otherwise pick light.
  const mount = (e: Editor) => {
    e.user.updateUserPreferences({ colorScheme: 'dark' });
    onMount(e);
  };
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
    <>
      <div className="whiteboard-bar">
        {badge}
        <span className="grow" />
        <button type="button" onClick={() => exportAs('png')}>PNG</button>
        <button type="button" onClick={() => exportAs('svg')}>SVG</button>
        <button type="button" onClick={() => exportAs('json')}>JSON</button>
      </div>
      <div className="whiteboard-canvas">
        <Tldraw store={store} assetUrls={assetUrls} licenseKey={licenseKey} onMount={mount} />
      </div>
    </>
  );
}
