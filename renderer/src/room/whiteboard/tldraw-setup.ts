// What every tldraw editor of the app shares: bundled assets (from @tldraw/assets: no CDN, works offline),
// the licence key, and a store built from a board's records.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord, type TLStore } from 'tldraw';

export const assetUrls = getAssetUrlsByImport();
export const licenseKey: string | undefined = import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined;

/** An empty store, or one holding `records` (a session's final board). */
export function createBoardStore(records: readonly Record<string, unknown>[] = []): TLStore {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
  if (records.length > 0) store.mergeRemoteChanges(() => store.put(records as unknown as TLRecord[]));
  return store;
}
