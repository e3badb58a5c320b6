// Window size, position and maximised state, remembered between launches (in the local store's
// settings). A saved position that is no longer on any display (monitor unplugged) is dropped.

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
const MIN = { width: 900, height: 600 };

/** A usable state from whatever was saved (possibly nothing, possibly garbage). */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_WINDOW_STATE;
  const s = saved as Partial<Record<keyof WindowState, unknown>>;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const width = Math.max(MIN.width, num(s.width) ?? DEFAULT_WINDOW_STATE.width);
  const height = Math.max(MIN.height, num(s.height) ?? DEFAULT_WINDOW_STATE.height);
  const state: WindowState = { width, height, maximized: s.maximized === true };
  const x = num(s.x);
  const y = num(s.y);
  // Keep the position only if the title bar area (top 40 px) is visible on some display.
  const visible =
    x !== undefined &&
    y !== undefined &&
    workAreas.some((a) => x + width > a.x + 40 && x < a.x + a.width - 40 && y >= a.y && y < a.y + a.height - 40);
  return visible ? { ...state, x, y } : state;
}
