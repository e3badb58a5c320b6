// Who is signed in, against which server. One ApiClient per server; the rest of the UI reads it from here.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Profile } from '../../../preload/api.ts';
import { ApiClient } from '../api/api-client.ts';
import type { AuthTokens, UserProfile } from '../api/types.ts';
import { signOut as signOutTokens } from '../auth/auth-actions.ts';
import { TokenStore } from './token-store.ts';

export interface ServerTarget {
  /** Origin of the server, no trailing slash. */
  baseUrl: string;
  /** The desktop profile this server belongs to; null in a browser. */
  profile: Profile | null;
}

export interface AppSession {
  server: ServerTarget;
  api: ApiClient;
  user: UserProfile | null;
  signedIn(tokens: AuthTokens): void;
  /** The signed-in user's profile changed (PATCH /v1/users/me): every screen shows the new one. */
  profileChanged(user: UserProfile): void;
  signOut(): Promise<void>;
  /** Desktop only: switch to another server (local practice or a hosted URL). */
  switchServer(target: ServerTarget, tokens?: AuthTokens | null): void;
}

const SessionContext = createContext<AppSession | null>(null);

export function useSession(): AppSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function SessionProvider({ initial, initialTokens = null, children }: { initial: ServerTarget; initialTokens?: AuthTokens | null; children: ReactNode }) {
  const [state, setState] = useState(() => makeState(initial, initialTokens));
  const [user, setUser] = useState<UserProfile | null>(() => state.store.current()?.user ?? null);

  useEffect(() => state.store.subscribe((t) => setUser(t?.user ?? null)), [state]);

  const signedIn = useCallback((tokens: AuthTokens) => state.store.update(tokens), [state]);
  const profileChanged = useCallback(
    (next: UserProfile) => {
      const tokens = state.store.current();
      if (tokens) state.store.update({ ...tokens, user: next });
    },
    [state],
  );
  const signOut = useCallback(async () => {
    const tokens = state.store.current();
    // Logout is public and idempotent; revoke the refresh family even if the access token has expired.
    if (tokens) await signOutTokens(state.api, tokens.refreshToken).catch(() => undefined);
    state.store.expire();
  }, [state]);
  const switchServer = useCallback((target: ServerTarget, tokens?: AuthTokens | null) => {
    const next = makeState(target, tokens ?? null);
    setState(next);
    setUser(next.store.current()?.user ?? null);
  }, []);

  const value = useMemo<AppSession>(
    () => ({ server: state.server, api: state.api, user, signedIn, profileChanged, signOut, switchServer }),
    [state, user, signedIn, profileChanged, signOut, switchServer],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function makeState(server: ServerTarget, tokens: AuthTokens | null) {
  const store = new TokenStore(server.baseUrl, server.profile?.id ?? null, tokens);
  return { server, store, api: new ApiClient(server.baseUrl, store) };
}
