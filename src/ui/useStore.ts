import { useSyncExternalStore } from 'react';
import type { ReadableStore } from '../engine/store';

/** Subscribes a component to an engine store. */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
