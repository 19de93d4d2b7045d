import type { KeyValueStorage } from '../../src/session/settingsStore';

/** An in-memory localStorage; `failSetWith` makes writes throw (e.g. a quota error). */
export class MemoryKeyValueStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  failSetWith: Error | null = null;

  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.failSetWith !== null) throw this.failSetWith;
    this.map.set(key, value);
  }

  removeItem(key: string): void {
    this.map.delete(key);
  }
}
