import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../main/menu-template.ts';
import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../main/window-state.ts';
import type { MenuAction } from '../../preload/api.ts';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('restores a saved state that is on screen', () => {
    expect(restoreWindowState({ width: 1400, height: 900, x: 100, y: 50, maximized: true }, screen)).toEqual({
      width: 1400,
      height: 900,
      x: 100,
      y: 50,
      maximized: true,
    });
  });

  it('drops a position on a display that is gone, and repairs garbage', () => {
    expect(restoreWindowState({ width: 1400, height: 900, x: 2500, y: 50, maximized: false }, screen)).toEqual({
      width: 1400,
      height: 900,
      maximized: false,
    });
    expect(restoreWindowState({ width: 10, height: 'tall', x: Number.NaN }, screen)).toEqual({ width: 900, height: 800, maximized: false });
    expect(restoreWindowState(undefined, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('application menu', () => {
  const items = (platform: NodeJS.Platform, sent: MenuAction[]): MenuItemConstructorOptions[] =>
    buildMenuTemplate(platform, (a) => sent.push(a));

  it('has the standard roles and the Room actions with their accelerators', () => {
    const sent: MenuAction[] = [];
    const template = items('linux', sent);
    expect(template.map((m) => m.role ?? m.label)).toEqual(['fileMenu', 'editMenu', 'Room', 'viewMenu', 'windowMenu']);
    expect(items('darwin', [])[0]!.role).toBe('appMenu');
    const room = (template.find((m) => m.label === 'Room')!.submenu as MenuItemConstructorOptions[]).filter((i) => i.click);
    expect(room.map((i) => [i.label, i.accelerator])).toEqual([
      ['Run Code', 'CmdOrCtrl+Enter'],
      ['Submit', 'CmdOrCtrl+Shift+Enter'],
      ['Lock Editor', 'CmdOrCtrl+Alt+L'],
      ['Unlock Editor', 'CmdOrCtrl+Alt+U'],
    ]);
    for (const item of room) (item.click as () => void)();
    expect(sent).toEqual(['run', 'submit', 'lock', 'unlock']);
  });
});
