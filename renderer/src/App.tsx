import { lazy, Suspense, useEffect, useState } from 'react';
import { ServerChooser } from './auth/ServerChooser.tsx';
import { ResetPasswordScreen } from './auth/ResetPasswordScreen.tsx';
import { SignInScreen } from './auth/SignInScreen.tsx';
import type { AuthTokens } from './api/types.ts';
import { desktopBridge } from './app/desktop-bridge.ts';
import { restoreDesktopSession } from './app/desktop-session.ts';
import { navigate, useRoute, type Route } from './app/router.ts';
import { screenTitle, windowTitle } from './app/screen-title.ts';
import { SessionProvider, useSession, type ServerTarget } from './app/session-context.tsx';
import { useHealth } from './app/use-health.ts';
import { HistoryScreen } from './history/HistoryScreen.tsx';
import { JoinScreen } from './lobby/JoinScreen.tsx';
import { LobbyScreen } from './lobby/LobbyScreen.tsx';
import { AccountScreen } from './settings/account/AccountScreen.tsx';

// Monaco, Yjs and tldraw live in these chunks only: the lobby's first load stays small.
const RoomScreen = lazy(() => import('./room/RoomScreen.tsx').then((m) => ({ default: m.RoomScreen })));
const SessionScreen = lazy(() => import('./history/SessionScreen.tsx').then((m) => ({ default: m.SessionScreen })));
const AiSettingsScreen = lazy(() => import('./settings/AiSettingsScreen.tsx').then((m) => ({ default: m.AiSettingsScreen })));

export function App() {
  const [target, setTarget] = useState<ServerTarget | null>(() => (desktopBridge() ? null : { baseUrl: location.origin, profile: null }));
  const [tokens, setTokens] = useState<AuthTokens | null>(null);
  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    void bridge.profilesActive().then(async (active) => {
      setTokens(await restoreDesktopSession(active));
      setTarget({ baseUrl: active.profile.baseUrl, profile: active.profile });
    });
    return bridge.on('deep-link', ({ code }) => navigate({ name: 'join', code }));
  }, []);
  if (!target) return <div className="center muted">Starting…</div>;
  return (
    <SessionProvider initial={target} initialTokens={tokens}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = useRoute();
  const { user, signOut, server } = useSession();
  const title = user || route.name === 'reset-password' ? screenTitle(route) : 'Sign in';
  useEffect(() => {
    document.title = windowTitle(title);
  }, [title]);
  // Signed out, the sign-in card's own heading says 'Sign in' (or 'Create an account'): the page's is the app's name.
  const heading = user || route.name === 'reset-password' ? title : 'SynCode';
  return (
    <div className={`app ${route.name === 'room' ? 'in-room' : ''}`}>
      <header className="topbar">
        <button type="button" className="brand link" onClick={() => navigate({ name: 'lobby', tab: 'rooms' })}>SynCode</button>
        {user && (
          <nav className="row tight" aria-label="Main">
            <NavLink label="Rooms" to={{ name: 'lobby', tab: 'rooms' }} current={route.name === 'lobby' && route.tab === 'rooms'} />
            <NavLink label="Problems" to={{ name: 'lobby', tab: 'problems' }} current={route.name === 'lobby' && route.tab === 'problems'} />
            <NavLink label="History" to={{ name: 'history' }} current={route.name === 'history' || route.name === 'session'} />
            {desktopBridge() && <NavLink label="AI settings" to={{ name: 'ai-settings' }} current={route.name === 'ai-settings'} />}
          </nav>
        )}
        <span className="grow" />
        <ServerHealth baseUrl={server.baseUrl} />
        {user && (
          <span className="row tight">
            <button
              type="button"
              className={`link nav-link${route.name === 'account' ? ' current' : ''}`}
              aria-current={route.name === 'account' ? 'page' : undefined}
              title="Your account"
              data-testid="signed-in-as"
              onClick={() => navigate({ name: 'account' })}
            >
              {user.displayName}
            </button>
            <button type="button" onClick={() => void signOut()}>Sign out</button>
          </span>
        )}
      </header>
      <main className="content">
        <h1 className="visually-hidden">{heading}</h1>
        {/* Outside the signed-in switch: a reset signs this device out, and the screen must stay to say so. */}
        {route.name === 'reset-password' ? <ResetPasswordScreen /> : user ? <Screen route={route} /> : <SignedOut route={route} />}
      </main>
    </div>
  );
}

function NavLink({ label, to, current }: { label: string; to: Route; current: boolean }) {
  return (
    <button type="button" className={`link nav-link${current ? ' current' : ''}`} aria-current={current ? 'page' : undefined} onClick={() => navigate(to)}>
      {label}
    </button>
  );
}

function SignedOut({ route }: { route: Route }) {
  const { server } = useSession();
  const note = route.name === 'join' ? `Sign in or create an account to join room ${route.code}.` : undefined;
  return (
    <div className="stack center-column">
      {desktopBridge() && !server.profile?.account && <ServerChooser />}
      <SignInScreen note={note} />
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const fallback = <div className="center muted" role="status">Loading…</div>;
  switch (route.name) {
    case 'lobby':
      return <LobbyScreen tab={route.tab} />;
    case 'join':
      return <JoinScreen code={route.code} />;
    case 'room':
      return <Suspense fallback={fallback}><RoomScreen key={route.roomId} roomId={route.roomId} /></Suspense>;
    case 'history':
      return <HistoryScreen />;
    case 'session':
      return <Suspense fallback={fallback}><SessionScreen key={route.sessionId} sessionId={route.sessionId} /></Suspense>;
    case 'ai-settings':
      return <Suspense fallback={fallback}><AiSettingsScreen /></Suspense>;
    case 'account':
      return <AccountScreen />;
    case 'reset-password':
      return <ResetPasswordScreen />;
    case 'not-found':
      return <p className="center">Nothing here. <button type="button" className="link" onClick={() => navigate({ name: 'lobby', tab: 'rooms' })}>Go to the lobby</button></p>;
  }
}

function ServerHealth({ baseUrl }: { baseUrl: string }) {
  const { health, error } = useHealth(baseUrl);
  if (error) return <span className="muted small" role="alert" data-testid="server-unreachable">Server unreachable</span>;
  if (!health) return <span className="muted small">Connecting to the server…</span>;
  return (
    <span className="muted small" data-testid="server-health" title={`Server ${health.version}`}>
      Server {health.version} ({health.mode}): {health.status}
    </span>
  );
}
