import { createContext, useContext } from 'react';
import type { AppEngine } from '../engine/appEngine';

export const EngineContext = createContext<AppEngine | null>(null);

/** The page's engine; provided once in main.tsx. */
export function useEngine(): AppEngine {
  const engine = useContext(EngineContext);
  if (engine === null) throw new Error('useEngine outside <EngineContext.Provider>');
  return engine;
}
