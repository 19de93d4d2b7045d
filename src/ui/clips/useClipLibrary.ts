import { createContext, useContext } from 'react';
import { browserClipLibrary } from '../../engine/clips/browserClips';
import { describeClipError, type ClipLibrary } from '../../engine/clips/clipLibrary';
import { useAsyncQuery, type Query } from '../common/useAsyncQuery';
import { useStore } from '../useStore';

/** The clip library the screens read: the page's IndexedDB one unless a test provides one. */
export const ClipLibraryContext = createContext<ClipLibrary | null>(null);

export function useClipLibrary(): ClipLibrary {
  return useContext(ClipLibraryContext) ?? browserClipLibrary();
}

export type ClipQuery<T> = Query<T>;

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
  return useAsyncQuery(library, load, follow ? changes : 0, describeClipError);
}
