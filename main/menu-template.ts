// The application menu as plain data: standard roles (so the OS accelerators work: copy/paste, undo,
// zoom, quit) plus the Room actions, which main forwards to the renderer as `menu-action`. Lock/unlock use
// Alt rather than Shift: Ctrl+Shift+L is Monaco's "select all occurrences".
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../preload/api.ts';

export function buildMenuTemplate(platform: NodeJS.Platform, send: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'Room',
      submenu: [
        { label: 'Run Code', accelerator: 'CmdOrCtrl+Enter', click: () => send('run') },
        { label: 'Submit', accelerator: 'CmdOrCtrl+Shift+Enter', click: () => send('submit') },
        { type: 'separator' },
        { label: 'Lock Editor', accelerator: 'CmdOrCtrl+Alt+L', click: () => send('lock') },
        { label: 'Unlock Editor', accelerator: 'CmdOrCtrl+Alt+U', click: () => send('unlock') },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return template;
}
