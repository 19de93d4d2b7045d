import { createContext, useContext, useEffect, useState } from 'react';
import {
  browserSessionLibrary,
  describeLibraryError,
  type SessionLibrary,
} from '../../engine/sessionLibrary';
import { useStore } from '../useStore';

/** The session library the screens read; the page's IndexedDB one unless a test provides one. */
export const SessionLibraryContext = createContext<SessionLibrary | null>(null);

export function useSessionLibrary(): SessionLibrary {
  return useContext(SessionLibraryContext) ?? browserSessionLibrary();
}

export type Query<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

/**
 * Reads from the library, and again after every change to it (a delete, an import). `load` must
 * be stable (wrap it in useCallback): a new function reads again.
 */
export function useLibraryQuery<T>(load: (library: SessionLibrary) => Promise<T>): Query<T> {
  const library = useSessionLibrary();
  const version = useStore(library.changes);
  const [query, setQuery] = useState<Query<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    load(library).then(
      (data) => current && setQuery({ status: 'ready', data }),
      (error: unknown) =>
        current && setQuery({ status: 'error', message: describeLibraryError(error) }),
    );
    return () => {
      current = false;
    };
  }, [library, load, version]);
  return query;
}
