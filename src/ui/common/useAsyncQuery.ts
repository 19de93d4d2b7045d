import { useEffect, useState } from 'react';

export type Query<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

/**
 * Reads `load(source)` and again whenever `version` changes (a store's change counter). `load`
 * must be stable (wrap it in useCallback): a new function reads again. An answer that comes after
 * a newer read started is dropped.
 */
export function useAsyncQuery<S, T>(
  source: S,
  load: (source: S) => Promise<T>,
  version: unknown,
  describeError: (error: unknown) => string,
): Query<T> {
  const [query, setQuery] = useState<Query<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    load(source).then(
      (data) => current && setQuery({ status: 'ready', data }),
      (error: unknown) => current && setQuery({ status: 'error', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [source, load, version, describeError]);
  return query;
}
