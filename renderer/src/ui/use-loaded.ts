// One read per change of `deps` (a card's data: a profile, today's usage, the stats of a period): its result, or the
// error it failed with. The previous result stays until the next arrives (`clear`: it goes at once, for a read of
// something else, e.g. another person's messages), an error is forgotten when a new read starts, and a read
// overtaken by a newer one (or by unmounting) is dropped.
import { useEffect, useState } from 'react';

export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[], { clear = false } = {}): { data: T | null; error: unknown } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    setState((s) => (clear ? { data: null, error: null } : s.error === null ? s : { data: s.data, error: null }));
    load().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
