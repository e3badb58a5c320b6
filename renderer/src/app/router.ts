// A tiny history router: the app has a handful of screens, so a path parser beats a routing library
// in the lobby bundle. `/join/<code>` must be a real path because invite links point at it.
import { useSyncExternalStore } from 'react';
import { decodeUriOrNull } from '../../../server/protocol/index.ts';

export type Route =
  | { name: 'lobby'; tab: 'rooms' | 'problems' }
  | { name: 'join'; code: string }
  | { name: 'room'; roomId: string }
  | { name: 'history' }
  | { name: 'session'; sessionId: string }
  | { name: 'ai-settings' }
  | { name: 'account' }
  | { name: 'reset-password' }
  | { name: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeUriOrNull);
  if (parts.includes(null)) return { name: 'not-found', path: pathname }; // a mangled link
  const [head, arg] = parts;
  if (parts.length === 0) return { name: 'lobby', tab: 'rooms' };
  if (head === 'problems' && parts.length === 1) return { name: 'lobby', tab: 'problems' };
  if (head === 'join' && arg && parts.length === 2) return { name: 'join', code: arg.toUpperCase() };
  if (head === 'rooms' && arg && parts.length === 2) return { name: 'room', roomId: arg };
  if (head === 'history' && parts.length === 1) return { name: 'history' };
  if (head === 'sessions' && arg && parts.length === 2) return { name: 'session', sessionId: arg };
  if (head === 'settings' && arg === 'ai' && parts.length === 2) return { name: 'ai-settings' };
  if (head === 'settings' && arg === 'account' && parts.length === 2) return { name: 'account' };
  // Reset links carry their token in the fragment (#token=…), which never reaches a server or a Referer.
  if (head === 'reset-password' && parts.length === 1) return { name: 'reset-password' };
  return { name: 'not-found', path: pathname };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'lobby':
      return route.tab === 'problems' ? '/problems' : '/';
    case 'join':
      return `/join/${encodeURIComponent(route.code)}`;
    case 'room':
      return `/rooms/${route.roomId}`;
    case 'history':
      return '/history';
    case 'session':
      return `/sessions/${route.sessionId}`;
    case 'ai-settings':
      return '/settings/ai';
    case 'account':
      return '/settings/account';
    case 'reset-password':
      return '/reset-password';
    case 'not-found':
      return route.path;
  }
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(route: Route, { replace = false } = {}): void {
  const path = routePath(route);
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const path = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
  return parseRoute(path);
}
