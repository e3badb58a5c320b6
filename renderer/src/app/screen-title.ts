import type { Route } from './router.ts';

/** A screen's name: its level-one heading for screen readers, and the window title (an open room's is its name, RoomHeader). */
export function screenTitle(route: Route): string {
  switch (route.name) {
    case 'lobby':
      return route.tab === 'problems' ? 'Problem library' : 'Rooms';
    case 'join':
      return `Join room ${route.code}`;
    case 'room':
      return 'Room';
    case 'history':
      return 'History';
    case 'session':
      return 'Session';
    case 'ai-settings':
      return 'AI settings';
    case 'account':
      return 'Account';
    case 'reset-password':
      return 'Reset password';
    case 'not-found':
      return 'Not found';
  }
}

/** The window (and browser tab) title for a screen. */
export const windowTitle = (screen: string): string => `${screen} · SynCode`;
