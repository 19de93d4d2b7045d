import { useMemo, useSyncExternalStore } from 'react';
import type { ReadableStore } from '../engine/store';

/** Subscribes a component to the whole of an engine store (one that changes rarely). */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * Subscribes a component to part of a store (XState's `useSelector`): it re-renders only when
 * `select`'s result changes by `equal`, so a store that changes every frame re-renders only the
 * components whose part changed. Keep `select` and `equal` stable (module-level functions).
 */
export function useSelector<T, S>(
  store: ReadableStore<T>,
  select: (snapshot: T) => S,
  equal: (a: S, b: S) => boolean = Object.is,
): S {
  const getSelection = useMemo(
    () => memoisedSelection(store, select, equal),
    [store, select, equal],
  );
  return useSyncExternalStore(store.subscribe, getSelection, getSelection);
}

/**
 * `select` over the store's snapshot, handing back the previous result while it is `equal` to
 * the new one, so React sees no change.
 */
function memoisedSelection<T, S>(
  store: ReadableStore<T>,
  select: (snapshot: T) => S,
  equal: (a: S, b: S) => boolean,
): () => S {
  let last: { readonly snapshot: T; readonly selected: S } | null = null;
  return () => {
    const snapshot = store.getSnapshot();
    if (last !== null && last.snapshot === snapshot) return last.selected;
    const selected = select(snapshot);
    const kept = last !== null && equal(last.selected, selected) ? last.selected : selected;
    last = { snapshot, selected: kept };
    return kept;
  };
}

/** Structural equality of plain data (what views are made of): objects, arrays, primitives. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) =>
    sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
