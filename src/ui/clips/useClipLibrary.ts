import { createContext, useContext, useEffect, useState } from 'react';
import { browserClipLibrary } from '../../engine/clips/browserClips';
import { describeClipError, type ClipLibrary } from '../../engine/clips/clipLibrary';
import { useStore } from '../useStore';

/** The clip library the screens read: the page's IndexedDB one unless a test provides one. */
export const ClipLibraryContext = createContext<ClipLibrary | null>(null);

export function useClipLibrary(): ClipLibrary {
  return useContext(ClipLibraryContext) ?? browserClipLibrary();
}

export type ClipQuery<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string };

/**
 * Reads from the clip library, and again after every change when `follow` (the default); once
 * per `load` otherwise (a clip's video and track, which do not change while it is reviewed).
 * `load` must be stable.
 */
export function useClipQuery<T>(
  load: (library: ClipLibrary) => Promise<T>,
  follow = true,
): ClipQuery<T> {
  const library = useClipLibrary();
  const changes = useStore(library.changes);
  const version = follow ? changes : 0;
  const [query, setQuery] = useState<ClipQuery<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    load(library).then(
      (data) => current && setQuery({ status: 'ready', data }),
      (error: unknown) =>
        current && setQuery({ status: 'error', message: describeClipError(error) }),
    );
    return () => {
      current = false;
    };
  }, [library, load, version]);
  return query;
}
