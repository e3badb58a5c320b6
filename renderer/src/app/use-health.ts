import { useEffect, useState } from 'react';
import type { HealthResponse } from '../../../server/protocol/index.ts';
import { routeUrl } from '../api/route-url.ts';

const RETRY_MS = 5_000;
const cache = new Map<string, Promise<HealthResponse>>();

/** The health check once per server (public; it tells which features this deployment offers). Failures are not cached. */
export function fetchHealth(baseUrl: string): Promise<HealthResponse> {
  let p = cache.get(baseUrl);
  if (!p) {
    p = fetch(routeUrl(baseUrl, 'GET /v1/health')).then(async (res) => (await res.json()) as HealthResponse);
    p.catch(() => cache.delete(baseUrl));
    cache.set(baseUrl, p);
  }
  return p;
}

/** Drops the cached health of a server whose features changed (the embedded server restarted with AI settings). */
export function forgetHealth(baseUrl: string): void {
  cache.delete(baseUrl);
}

/** The server's health; while it is unreachable, retried every few seconds and as soon as the browser is back online. */
export function useHealth(baseUrl: string): { health: HealthResponse | null; error: unknown } {
  const [state, setState] = useState<{ health: HealthResponse | null; error: unknown }>({ health: null, error: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(timer);
      fetchHealth(baseUrl)
        .then((health) => live && setState({ health, error: null }))
        .catch((error: unknown) => {
          if (!live) return;
          setState((s) => ({ health: s.health, error }));
          timer = setTimeout(load, RETRY_MS);
        });
    };
    load();
    window.addEventListener('online', load);
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener('online', load);
    };
  }, [baseUrl]);
  return state;
}
