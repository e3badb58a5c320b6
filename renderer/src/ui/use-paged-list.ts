import { useEffect, useState } from 'react';
import { errorText } from './error-text.ts';

/** One page of a paged list endpoint (the spec's `Page<T>`). */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A paged list read page by page: the first page when one of `deps` changes (the list starts over), the next one on
 * `more()`. `items` is null until the first page arrives; `more` is null on the last page.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<PageOf<T>>, deps: readonly unknown[]) {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (cursor: string | null) =>
    fetchPage(cursor)
      .then((page) => {
        setItems((prev) => [...(cursor ? (prev ?? []) : []), ...page.items]);
        setNext(page.nextCursor);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  /** Drops the loaded items `match` picks (after the server removed them), without reading the pages again. */
  const remove = (match: (item: T) => boolean) => setItems((prev) => prev?.filter((item) => !match(item)) ?? prev);
  return { items, error, more: next ? () => void load(next) : null, remove };
}
