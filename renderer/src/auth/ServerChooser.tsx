// Desktop only: practise against the embedded server (no account typing), or connect to a hosted server.
import { useEffect, useState, type FormEvent } from 'react';
import type { EmbeddedServerStatus } from '../../../preload/api.ts';
import type { AuthTokens } from '../api/types.ts';
import { ApiClient } from '../api/api-client.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { useSession } from '../app/session-context.tsx';
import { errorText } from '../ui/error-text.ts';
import { register } from './auth-actions.ts';

export function ServerChooser() {
  const bridge = desktopBridge();
  const { switchServer } = useSession();
  const [status, setStatus] = useState<EmbeddedServerStatus | null>(null);
  const [url, setUrl] = useState('https://');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!bridge) return;
    void bridge.serverStatus().then(setStatus);
    return bridge.on('server-status', setStatus);
  }, [bridge]);
  if (!bridge) return null;

  const practiceLocally = async () => {
    setError(null);
    try {
      const profiles = await bridge.profilesList();
      const local = profiles.find((p) => p.kind === 'local');
      if (!local) throw new Error('no local profile');
      const active = await bridge.profilesSwitch(local.id);
      const tokens = active.tokens ? null : await registerLocalAccount(active.profile.baseUrl);
      switchServer({ baseUrl: active.profile.baseUrl, profile: active.profile }, tokens);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const connect = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const profile = await bridge.profilesAddHosted(url);
      const active = await bridge.profilesSwitch(profile.id);
      switchServer({ baseUrl: active.profile.baseUrl, profile: active.profile });
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="card narrow">
      <h2>Where do you want to work?</h2>
      <button type="button" className="primary big" onClick={practiceLocally} disabled={status?.state !== 'ready'}>
        Practice on this computer
      </button>
      <p className="muted">
        {status?.state === 'ready' ? 'Works offline. No account needed.' : `Local server: ${status?.state ?? 'starting'}${status?.message ? ` (${status.message})` : ''}`}
      </p>
      <form onSubmit={connect} className="row">
        <label className="grow">
          Connect to a server
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://rooms.example.com" />
        </label>
        <button type="submit">Connect</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}

/** The local profile has no typed account: register one with generated credentials; main keeps the refresh token. */
async function registerLocalAccount(baseUrl: string): Promise<AuthTokens> {
  const api = new ApiClient(baseUrl, { current: () => null, update: () => undefined, expire: () => undefined });
  const id = crypto.randomUUID();
  const password = crypto.randomUUID() + crypto.randomUUID();
  return register(api, { email: `local-${id}@syncode.local`, password, displayName: 'Me' });
}
