// The player's keyboard shortcuts (anywhere on the page except while typing in another field) and their help.
import { useEffect, useRef } from 'react';

export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;

const HELP: [string, string][] = [
  ['Space', 'play / pause'],
  ['← / →', 'back / forward 5 s (Shift: 30 s)'],
  ['1 … 6', `speed ${SPEEDS.map((s) => `${s}×`).join(', ')}`],
];

/** `onKey` returns true when it used the key (its default action is then prevented). */
export function ReplayKeys({ onKey }: { onKey: (key: string, shift: boolean) => boolean }) {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('textarea, select, [contenteditable="true"], input:not([type="range"]):not([type="checkbox"])');
      const inPlayer = target?.closest('[data-testid="replay-player"]');
      if (typing && !(inPlayer && target?.closest('.replay-code'))) return;
      if (handler.current(e.key, e.shiftKey)) e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  const title = HELP.map(([k, what]) => `${k}: ${what}`).join('\n');
  return (
    <details className="replay-help">
      <summary title={title} data-testid="replay-help">Shortcuts</summary>
      <dl>
        {HELP.map(([k, what]) => (
          <div key={k}>
            <dt><kbd>{k}</kbd></dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
