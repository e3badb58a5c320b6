// Registers the service worker (renderer/public/sw.js) that keeps the app shell available offline in a
// browser. The desktop app ships its files and its embedded server changes origin per launch: no worker there.
import { desktopBridge } from './desktop-bridge.ts';

export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator) || desktopBridge()) return;
  const start = async () => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      // Tests and the status chip can tell the shell is cached.
      if (event.data?.type === 'cached') document.documentElement.dataset.offlineReady = 'true';
    });
    const send = (entries: PerformanceEntryList) => {
      const urls = entries.map((e) => e.name).filter((u) => u.startsWith(`${location.origin}/assets/`));
      if (urls.length) worker.postMessage({ type: 'cache-urls', urls });
    };
    send(performance.getEntriesByType('resource'));
    // Chunks loaded later (the room) are cached by the worker's fetch handler once it controls the page;
    // this observer covers the window before it does.
    new PerformanceObserver((list) => send(list.getEntries())).observe({ type: 'resource' });
  };
  if (document.readyState === 'complete') void start().catch(() => undefined);
  else window.addEventListener('load', () => void start().catch(() => undefined), { once: true });
}
