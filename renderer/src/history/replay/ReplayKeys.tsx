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
    // Captured before tldraw's document-level shortcuts see the key (they would take space and the digits);
    // keys typed into another field or into the board itself are left alone.
    const listener = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('textarea, select, [contenteditable="true"], input:not([type="range"]):not([type="checkbox"])');
      if ((typing && !target?.closest('.replay-code')) || target?.closest('.replay-board')) return;
      if (!handler.current(e.key, e.shiftKey)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
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
