import { useEffect, useState } from 'react';
import type { HealthResponse } from '../../../server/protocol/index.ts';

const cache = new Map<string, Promise<HealthResponse>>();

/** GET /v1/health once per server (public; it tells which features this deployment offers). */
export function fetchHealth(baseUrl: string): Promise<HealthResponse> {
  let p = cache.get(baseUrl);
  if (!p) {
    p = fetch(`${baseUrl}/v1/health`).then(async (res) => (await res.json()) as HealthResponse);
    p.catch(() => cache.delete(baseUrl));
    cache.set(baseUrl, p);
  }
  return p;
}

export function useHealth(baseUrl: string): { health: HealthResponse | null; error: unknown } {
  const [state, setState] = useState<{ health: HealthResponse | null; error: unknown }>({ health: null, error: null });
  useEffect(() => {
    let live = true;
    fetchHealth(baseUrl)
      .then((health) => live && setState({ health, error: null }))
      .catch((error: unknown) => live && setState({ health: null, error }));
    return () => {
      live = false;
    };
  }, [baseUrl]);
  return state;
}
