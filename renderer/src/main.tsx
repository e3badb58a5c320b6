import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerOfflineShell } from './app/offline-shell.ts';
import './styles.css';

// Opening a room link: fetch the room chunk now, in parallel with the first render. (Monaco's chunk is
// requested by the room once the join is under way: evaluating it blocks the main thread for a while.)
if (location.pathname.startsWith('/rooms/')) void import('./room/RoomScreen.tsx');

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerOfflineShell();
