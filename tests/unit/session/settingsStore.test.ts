import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_STORAGE_KEY,
  SettingsStore,
  SettingsValidationError,
} from '../../../src/session/settingsStore';
import { StorageFullError, StorageUnavailableError } from '../../../src/session/storageErrors';
import { MemoryKeyValueStorage } from '../../fakes/memoryKeyValueStorage';

function storeWith(raw: string | null) {
  const storage = new MemoryKeyValueStorage();
  if (raw !== null) storage.map.set(SETTINGS_STORAGE_KEY, raw);
  return { storage, settings: new SettingsStore(storage) };
}

describe('the settings store', () => {
  it('gives the defaults, without a problem, when nothing is saved', () => {
    expect(storeWith(null).settings.load()).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });

  it('saves and loads every setting', () => {
    const { storage, settings } = storeWith(null);
    const chosen = {
      holdMs: 25_000,
      reps: 3,
      voiceEnabled: false,
      voiceId: 'urn:voice:en-GB-1',
      speechRate: 1.25,
      verbosity: 'chatty',
      model: 'blazepose-full',
      cameraId: 'cam-42',
      lastClient: 'J. Smith',
    } as const;
    settings.save(chosen);
    expect(new SettingsStore(storage).load()).toEqual({ settings: chosen, problem: null });
  });

  it('updates some settings and keeps the rest', () => {
    const { settings } = storeWith(null);
    settings.update({ reps: 3 });
    expect(settings.update({ voiceEnabled: false })).toEqual({
      ...DEFAULT_SETTINGS,
      reps: 3,
      voiceEnabled: false,
    });
  });

  it.each([
    ['a hold outside the seeds’ 20-30 s', { holdMs: 90_000 }, /hold length/],
    ['a hold in part seconds', { holdMs: 25_500 }, /whole seconds/],
    ['4 reps', { reps: 4 }, /reps per leg/],
    ['a speech rate of 5', { speechRate: 5 }, /speaking rate/],
    ['an unknown model', { model: 'yolo' }, /pose model/],
  ])('refuses to save %s with a message naming the setting', (_, change, message) => {
    const { storage, settings } = storeWith(null);
    const bad = { ...DEFAULT_SETTINGS, ...change } as typeof DEFAULT_SETTINGS;
    expect(() => settings.save(bad)).toThrow(SettingsValidationError);
    expect(() => settings.save(bad)).toThrow(message);
    expect(storage.map.size).toBe(0);
  });

  it('falls back to the defaults, and says so, when the saved value is not JSON', () => {
    const loaded = storeWith('{"holdMs": 2').settings.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem?.kind).toBe('unreadable');
    expect(loaded.problem?.message).toMatch(/could not be read.*defaults/);
  });

  it('keeps the valid settings and resets only the corrupt ones, naming them', () => {
    const raw = JSON.stringify({
      ...DEFAULT_SETTINGS,
      reps: 3,
      holdMs: 'long',
      verbosity: 'shouty',
    });
    const loaded = storeWith(raw).settings.load();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, reps: 3 });
    expect(loaded.problem).toEqual({
      kind: 'invalid-fields',
      fields: ['holdMs', 'verbosity'],
      message: expect.stringMatching(/hold length, how much the coach says/) as string,
    });
  });

  it('ignores unknown and prototype keys in the saved value', () => {
    const raw = '{"__proto__":{"polluted":true},"reps":3,"extra":1}';
    const loaded = storeWith(raw).settings.load();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, reps: 3 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns a full storage into StorageFullError', () => {
    const { storage, settings } = storeWith(null);
    storage.failSetWith = new DOMException('full', 'QuotaExceededError');
    expect(() => settings.save(DEFAULT_SETTINGS)).toThrow(StorageFullError);
  });

  it('works for the page without storage, and says settings will not be kept', () => {
    const settings = new SettingsStore(null);
    expect(settings.load().problem?.kind).toBe('storage-unavailable');
    expect(() => settings.update({ reps: 3 })).toThrow(StorageUnavailableError);
    expect(settings.load().settings.reps).toBe(3);
  });

  it('forgets saved settings on reset', () => {
    const { storage, settings } = storeWith(null);
    settings.update({ reps: 3 });
    expect(settings.reset()).toEqual(DEFAULT_SETTINGS);
    expect(storage.map.size).toBe(0);
  });
});
