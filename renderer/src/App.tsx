import { useEffect, useState } from 'react';
import type { HealthResponse } from '../../server/protocol/index.ts';

type HealthState = { kind: 'loading' } | { kind: 'ok'; health: HealthResponse } | { kind: 'error'; message: string };

export function App() {
  const [state, setState] = useState<HealthState>({ kind: 'loading' });
  useEffect(() => {
    fetch('/v1/health')
      .then(async (res) => setState({ kind: 'ok', health: (await res.json()) as HealthResponse }))
      .catch((error: unknown) => setState({ kind: 'error', message: String(error) }));
  }, []);
  return (
    <main className="app">
      <h1>SynCode</h1>
      {state.kind === 'loading' && <p>Connecting to the server…</p>}
      {state.kind === 'error' && <p role="alert">Server unreachable: {state.message}</p>}
      {state.kind === 'ok' && (
        <p data-testid="server-health">
          Server {state.health.version} ({state.health.mode}): {state.health.status}
        </p>
      )}
    </main>
  );
}
