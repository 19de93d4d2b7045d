import type { PoseModelId } from '../geometry/types';
import type { LoadProgress } from '../pose/types';
import type { KeyValueStorage } from '../session';
import { createStore, type ReadableStore } from './store';

/**
 * The "Automatic" model setting: the most accurate model that runs smoothly on this device,
 * chosen by timing each model's graph here once (a few seconds, shown as a loading stage) and
 * remembered. Timing is the bare graph, the part of a frame's cost that differs between models.
 */

/** Most accurate first: BlazePose full gives the back outline, Thunder finer keypoints. */
export const AUTO_CANDIDATES: readonly PoseModelId[] = ['blazepose-full', 'movenet-thunder'];

/** Runs anywhere the app runs: chosen when nothing more accurate is fast enough. */
export const AUTO_FALLBACK: PoseModelId = 'movenet-lightning';

/**
 * A model is chosen when its bare graph manages 15 frames a second here. The estimator adds
 * 10-20% around the graph (npm run bench, section 1), so that is about 12-13 analysed frames a
 * second: over three times the bounce detector's top frequency (3.3 Hz, protocol/bounceDetector.ts)
 * and several frames inside the cue policy's 0.5-1 s debounce, so no fault is seen late.
 */
export const AUTO_MIN_RAW_FRAMES_PER_SECOND = 15;

/** Re-measured after 30 days: browsers update, and their WebAssembly engines with them. */
export const AUTO_CHOICE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export const AUTO_CHOICE_STORAGE_KEY = 'stretchcheck.auto-model.v1';

export type RawTimings = Readonly<Partial<Record<PoseModelId, number>>>;

export interface AutoModelChoice {
  readonly model: PoseModelId;
  readonly measuredAtEpochMs: number;
  /** Bare-graph milliseconds per frame, per model measured. */
  readonly rawMsPerFrame: RawTimings;
}

/** The most accurate candidate fast enough, else the fallback. */
export function pickAutoModel(rawMsPerFrame: RawTimings): PoseModelId {
  for (const model of AUTO_CANDIDATES) {
    const ms = rawMsPerFrame[model];
    if (ms !== undefined && ms > 0 && ms <= 1000 / AUTO_MIN_RAW_FRAMES_PER_SECOND) return model;
  }
  return AUTO_FALLBACK;
}

/** Times the candidates on this device; a model that cannot run here is left out. */
export type MeasureModels = (onProgress: (progress: LoadProgress) => void) => Promise<RawTimings>;

export interface AutoModelDependencies {
  readonly storage: KeyValueStorage | null;
  readonly measure: MeasureModels;
  readonly epochMs: () => number;
}

function isModelId(value: unknown): value is PoseModelId {
  return (
    typeof value === 'string' && [AUTO_FALLBACK, ...AUTO_CANDIDATES].some((id) => id === value)
  );
}

/** A stored choice, or null when it is missing, damaged or from another version of the rules. */
function parseChoice(text: string | null): AutoModelChoice | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { model, measuredAtEpochMs, rawMsPerFrame } = parsed as Record<string, unknown>;
    if (!isModelId(model) || typeof measuredAtEpochMs !== 'number') return null;
    if (typeof rawMsPerFrame !== 'object' || rawMsPerFrame === null) return null;
    const timings: Partial<Record<PoseModelId, number>> = {};
    for (const [id, ms] of Object.entries(rawMsPerFrame)) {
      if (isModelId(id) && typeof ms === 'number' && Number.isFinite(ms)) timings[id] = ms;
    }
    // Rules may change between versions: the choice must follow from the timings kept.
    if (pickAutoModel(timings) !== model) return null;
    return { model, measuredAtEpochMs, rawMsPerFrame: timings };
  } catch {
    return null;
  }
}

export class AutoModelChooser {
  private readonly choiceStore;
  private measuring: Promise<PoseModelId> | null = null;

  constructor(private readonly deps: AutoModelDependencies) {
    this.choiceStore = createStore<AutoModelChoice | null>(this.load());
  }

  /** The choice made on this device, if any (for the settings' "chosen here" line). */
  get choice(): ReadableStore<AutoModelChoice | null> {
    return this.choiceStore;
  }

  /** The model to use: the remembered choice while it is fresh, else measured now. */
  resolve(onProgress: (progress: LoadProgress) => void): Promise<PoseModelId> {
    const known = this.choiceStore.getSnapshot();
    if (known !== null && this.deps.epochMs() - known.measuredAtEpochMs < AUTO_CHOICE_MAX_AGE_MS)
      return Promise.resolve(known.model);
    this.measuring ??= this.measure(onProgress).finally(() => {
      this.measuring = null;
    });
    return this.measuring;
  }

  /** Forgets the choice: the next session measures again. */
  forget(): void {
    try {
      this.deps.storage?.removeItem(AUTO_CHOICE_STORAGE_KEY);
    } catch {
      // Nothing stored to forget, or storage refused: the in-memory choice goes either way.
    }
    this.choiceStore.update(() => null);
  }

  private async measure(onProgress: (progress: LoadProgress) => void): Promise<PoseModelId> {
    const rawMsPerFrame = await this.deps.measure(onProgress);
    const choice: AutoModelChoice = {
      model: pickAutoModel(rawMsPerFrame),
      measuredAtEpochMs: this.deps.epochMs(),
      rawMsPerFrame,
    };
    try {
      this.deps.storage?.setItem(AUTO_CHOICE_STORAGE_KEY, JSON.stringify(choice));
    } catch {
      // Full or blocked storage: the choice holds for this page, and is measured again next time.
    }
    this.choiceStore.update(() => choice);
    return choice.model;
  }

  private load(): AutoModelChoice | null {
    try {
      return parseChoice(this.deps.storage?.getItem(AUTO_CHOICE_STORAGE_KEY) ?? null);
    } catch {
      return null;
    }
  }
}
