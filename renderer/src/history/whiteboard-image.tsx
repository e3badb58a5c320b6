// Renders a board's records to a PNG data URL with tldraw's own export, in an editor mounted off screen for
// the moment it takes (the exported report inlines the image, light so that it prints).
import { createRoot } from 'react-dom/client';
import { Tldraw, type Editor } from 'tldraw';
import 'tldraw/tldraw.css';
import { assetUrls, createBoardStore, licenseKey } from '../room/whiteboard/tldraw-setup.ts';

/** The board as `data:image/png;base64,…`, or null when it has no shapes. */
export async function whiteboardPng(records: readonly Record<string, unknown>[]): Promise<string | null> {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:1024px;height:768px;';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const root = createRoot(host);
  try {
    const store = createBoardStore(records);
    const editor = await new Promise<Editor>((resolve) => {
      root.render(<Tldraw store={store} assetUrls={assetUrls} licenseKey={licenseKey} onMount={resolve} hideUi />);
    });
    const shapes = [...editor.getCurrentPageShapeIds()];
    if (shapes.length === 0) return null;
    const { blob } = await editor.toImage(shapes, { format: 'png', background: true, darkMode: false, padding: 24 });
    return await dataUrl(blob);
  } finally {
    root.unmount();
    host.remove();
  }
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(blob);
  });
}
