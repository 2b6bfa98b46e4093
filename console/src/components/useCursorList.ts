import { useCallback, useState } from 'react';
import type { Page } from '../api/types';

/**
 * A keyset-paginated list that grows with "load more": load() fetches the first page (again), load(next) appends the
 * page after that cursor. A failure goes to onError when given (a notification), otherwise into error. fetchPage must
 * be stable (useCallback), as load changes with it.
 */
export function useCursorList<T>(fetchPage: (after?: string) => Promise<Page<T>>, onError?: (e: unknown) => void) {
  const [rows, setRows] = useState<T[]>([]);
  const [next, setNext] = useState<string | null | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await fetchPage(after);
        setRows((before) => (after ? [...before, ...page.items] : page.items));
        setNext(page.next);
      } catch (e) {
        if (onError) onError(e);
        else setError(e);
      } finally {
        setLoading(false);
      }
    },
    [fetchPage, onError],
  );
  return { rows, next, loading, error, load };
}
