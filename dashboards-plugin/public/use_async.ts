import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './services';

/** Loads data with a promise-returning function; reloads when deps change or on `reload()`. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (e) => mine === seq.current && setState({ error: errorMessage(e), loading: false })
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}
