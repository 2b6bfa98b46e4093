import { useCallback, useEffect, useState } from 'react';

/** Loads data for a page and keeps loading / error state; reload() fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  // the caller names what the load depends on, as with useEffect
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    setLoading(true);
    setError(undefined);
    return run()
      .then((d) => setData(d))
      .catch((e) => setError(e))
      .finally(() => setLoading(false));
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
