import { createContext, useContext } from 'react';
import {
  browserSessionLibrary,
  describeLibraryError,
  type SessionLibrary,
} from '../../engine/sessionLibrary';
import { useAsyncQuery, type Query } from '../common/useAsyncQuery';
import { useStore } from '../useStore';

/** The session library the screens read; the page's IndexedDB one unless a test provides one. */
export const SessionLibraryContext = createContext<SessionLibrary | null>(null);

export function useSessionLibrary(): SessionLibrary {
  return useContext(SessionLibraryContext) ?? browserSessionLibrary();
}

/**
 * Reads from the library, and again after every change to it (a delete, an import). `load` must
 * be stable (wrap it in useCallback): a new function reads again.
 */
export function useLibraryQuery<T>(load: (library: SessionLibrary) => Promise<T>): Query<T> {
  const library = useSessionLibrary();
  return useAsyncQuery(library, load, useStore(library.changes), describeLibraryError);
}
