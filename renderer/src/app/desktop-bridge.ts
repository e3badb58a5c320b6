// `window.syncode` exists only inside the desktop app (preload/api.ts is the contract); in a browser it is undefined.
import type { SyncodeBridge } from '../../../preload/api.ts';

declare global {
  interface Window {
    syncode?: SyncodeBridge;
  }
}

export function desktopBridge(): SyncodeBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.syncode;
}
