import { z } from 'zod';
import './zodSetup';
import { clientNameSchema } from './clientSchema';
import type { Verbosity } from '../feedback/cueTypes';
import { POSE_MODEL_IDS } from '../geometry/types';
import { HOLD_MS_RANGE, HOLD_REPS_RANGE } from '../protocol/validateStretchDefinition';
import { StorageFullError, StorageUnavailableError, isQuotaError } from './storageErrors';

/**
 * The user's settings, kept in localStorage and checked with zod on the way in and out. A
 * corrupt or out-of-range value never reaches the app: that field falls back to its default and
 * `load()` reports which fields it reset, so the UI can say so. Loading never writes; the next
 * save replaces the stored value.
 */
export interface Settings {
  /** Target hold per rep, whole seconds in ms; the seeds' 20-30 s. */
  readonly holdMs: number;
  /** Reps per leg; the seeds' 2-3. */
  readonly reps: number;
  readonly voiceEnabled: boolean;
  /** The voice's URI; null for the browser's default voice. */
  readonly voiceId: string | null;
  /** Speech rate, 1 = normal (the speaker's 0.5-2 range). */
  readonly speechRate: number;
  readonly verbosity: Verbosity;
  /** A model, or 'auto': the most accurate one that runs smoothly here (engine/autoModel.ts). */
  readonly model: ModelSetting;
  /** `MediaDeviceInfo.deviceId` of the chosen camera; null for the default camera. */
  readonly cameraId: string | null;
  /** The client the last session was for, offered again on the home screen; null: none. */
  readonly lastClient: string | null;
}

export const MODEL_SETTING_IDS = ['auto', ...POSE_MODEL_IDS] as const;
export type ModelSetting = (typeof MODEL_SETTING_IDS)[number];

export const SETTINGS_STORAGE_KEY = 'stretchcheck.settings.v1';

export const SPEECH_RATE_RANGE = { min: 0.5, max: 2 } as const;

/** Device and voice ids are opaque browser strings; anything longer is not one. */
const MAX_ID_LENGTH = 512;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  holdMs: HOLD_MS_RANGE.default,
  reps: HOLD_REPS_RANGE.default,
  voiceEnabled: true,
  voiceId: null,
  speechRate: 1,
  verbosity: 'normal',
  // The fastest model, as the first screen defaults to (engine/modelChoices.ts).
  model: 'movenet-lightning',
  cameraId: null,
  lastClient: null,
});

const FIELD_SCHEMAS = {
  holdMs: z
    .number()
    .int()
    .min(HOLD_MS_RANGE.min)
    .max(HOLD_MS_RANGE.max)
    .refine((ms) => ms % 1000 === 0, 'must be whole seconds'),
  reps: z.number().int().min(HOLD_REPS_RANGE.min).max(HOLD_REPS_RANGE.max),
  voiceEnabled: z.boolean(),
  voiceId: z.string().min(1).max(MAX_ID_LENGTH).nullable(),
  speechRate: z.number().min(SPEECH_RATE_RANGE.min).max(SPEECH_RATE_RANGE.max),
  verbosity: z.enum(['minimal', 'normal', 'chatty']),
  model: z.enum(MODEL_SETTING_IDS),
  cameraId: z.string().min(1).max(MAX_ID_LENGTH).nullable(),
  lastClient: clientNameSchema.nullable(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

type SettingName = keyof Settings;
const SETTING_NAMES = Object.keys(FIELD_SCHEMAS) as SettingName[];

/** Words for each setting in messages. */
export const SETTING_LABELS: Readonly<Record<SettingName, string>> = {
  holdMs: 'hold length',
  reps: 'reps per leg',
  voiceEnabled: 'voice on/off',
  voiceId: 'voice',
  speechRate: 'speaking rate',
  verbosity: 'how much the coach says',
  model: 'pose model',
  cameraId: 'camera',
  lastClient: 'last client',
};

const settingsSchema = z.strictObject(FIELD_SCHEMAS);

export type SettingsProblem =
  | { readonly kind: 'unreadable'; readonly message: string }
  | {
      readonly kind: 'invalid-fields';
      readonly fields: readonly SettingName[];
      readonly message: string;
    }
  | { readonly kind: 'storage-unavailable'; readonly message: string };

export interface SettingsLoad {
  readonly settings: Settings;
  /** Null when the stored settings were fine (or there were none yet). */
  readonly problem: SettingsProblem | null;
}

/** Settings that do not pass the schema; `problems` say which and why. */
export class SettingsValidationError extends Error {
  readonly kind = 'invalid-settings';
  constructor(readonly problems: readonly string[]) {
    super(`These settings are not valid: ${problems.join('; ')}`);
    this.name = 'SettingsValidationError';
  }
}

/** The part of the Web Storage API this uses (localStorage, or a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `window.localStorage`, or null where reading it throws (storage disabled) or in Node. */
export function browserLocalStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Checks settings from anywhere (a form, an import); every problem in words. */
export function validateSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; problems: string[] } {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const name = issue.path[0];
      const label =
        typeof name === 'string' && name in SETTING_LABELS
          ? SETTING_LABELS[name as SettingName]
          : String(name ?? 'settings');
      return `${label}: ${issue.message}`;
    }),
  };
}

/** Keeps each valid field of a stored object; the rest fall back to the defaults. */
function salvage(stored: unknown): SettingsLoad {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    return unreadable('the stored value is not a settings object');
  const source = stored as Record<string, unknown>;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const reset: SettingName[] = [];
  for (const name of SETTING_NAMES) {
    if (!Object.hasOwn(source, name)) continue;
    const parsed = FIELD_SCHEMAS[name].safeParse(source[name]);
    if (parsed.success) settings[name] = parsed.data;
    else reset.push(name);
  }
  const problem: SettingsProblem | null =
    reset.length === 0
      ? null
      : {
          kind: 'invalid-fields',
          fields: reset,
          message: `Some saved settings could not be used and were reset to their defaults: ${reset
            .map((n) => SETTING_LABELS[n])
            .join(', ')}.`,
        };
  return { settings: settings as unknown as Settings, problem };
}

function unreadable(why: string): SettingsLoad {
  return {
    settings: DEFAULT_SETTINGS,
    problem: {
      kind: 'unreadable',
      message: `Your saved settings could not be read (${why}), so the defaults are in use.`,
    },
  };
}

/**
 * Settings over a key-value storage. With no storage (disabled, private mode) it still works for
 * this page: `load()` says settings will not be kept, and `save()` keeps them in memory and
 * throws `StorageUnavailableError`.
 */
export class SettingsStore {
  private current: Settings | null = null;

  constructor(
    private readonly storage: KeyValueStorage | null = browserLocalStorage(),
    private readonly key: string = SETTINGS_STORAGE_KEY,
  ) {}

  load(): SettingsLoad {
    if (this.storage === null)
      return {
        settings: this.current ?? DEFAULT_SETTINGS,
        problem: {
          kind: 'storage-unavailable',
          message:
            'This browser is not keeping data for this site, so settings last until you leave.',
        },
      };
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return unreadable('storage refused the read');
    }
    if (raw === null) return { settings: DEFAULT_SETTINGS, problem: null };
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      return unreadable('it is not valid JSON');
    }
    const loaded = salvage(stored);
    this.current = loaded.settings;
    return loaded;
  }

  /** Validates and stores; throws `SettingsValidationError`, `StorageFullError` or `StorageUnavailableError`. */
  save(settings: Settings): Settings {
    const checked = validateSettings(settings);
    if (!checked.ok) throw new SettingsValidationError(checked.problems);
    this.current = checked.settings;
    if (this.storage === null) throw new StorageUnavailableError('settings cannot be saved');
    try {
      this.storage.setItem(this.key, JSON.stringify(checked.settings));
    } catch (error) {
      if (isQuotaError(error)) throw new StorageFullError();
      throw new StorageUnavailableError(error instanceof Error ? error.message : String(error));
    }
    return checked.settings;
  }

  /** Changes some settings (after the same checks as `save`) and returns the new whole. */
  update(change: Partial<Settings>): Settings {
    const base = this.current ?? this.load().settings;
    return this.save({ ...base, ...change });
  }

  /** Forgets the stored settings; the defaults apply again. */
  reset(): Settings {
    this.current = null;
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing stored can be removed from a storage that refuses access; defaults apply anyway.
    }
    return DEFAULT_SETTINGS;
  }
}
