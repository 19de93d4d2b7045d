import manifest from '../../models/manifest.json';
import type { PoseModelId } from '../geometry/types';

/** One file of `models/`, with the checksum recorded in `models/manifest.json`. */
export interface ModelFileEntry {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export type PoseModelFamily = 'movenet' | 'blazepose';

export interface PoseModelSpec {
  readonly id: PoseModelId;
  /** Shown to the user. */
  readonly label: string;
  readonly family: PoseModelFamily;
  /** Graph models to load, as base names of `models/<name>.json`; BlazePose needs two. */
  readonly graphs: readonly string[];
  /** Side of the square input of the model that runs every frame, in pixels. */
  readonly inputSizePx: number;
  /** Whether the model outputs heel and foot-index points (needed for ankle flexion). */
  readonly hasFeetPoints: boolean;
}

export const POSE_MODELS: Readonly<Record<PoseModelId, PoseModelSpec>> = {
  'movenet-lightning': {
    id: 'movenet-lightning',
    label: 'MoveNet Lightning (fast)',
    family: 'movenet',
    graphs: ['movenet-lightning'],
    inputSizePx: 192,
    hasFeetPoints: false,
  },
  'movenet-thunder': {
    id: 'movenet-thunder',
    label: 'MoveNet Thunder (accurate)',
    family: 'movenet',
    graphs: ['movenet-thunder'],
    inputSizePx: 256,
    hasFeetPoints: false,
  },
  'blazepose-lite': {
    id: 'blazepose-lite',
    label: 'BlazePose lite',
    family: 'blazepose',
    graphs: ['blazepose-detector', 'blazepose-lite'],
    inputSizePx: 256,
    hasFeetPoints: true,
  },
  'blazepose-full': {
    id: 'blazepose-full',
    label: 'BlazePose full (accurate, with back outline)',
    family: 'blazepose',
    graphs: ['blazepose-detector', 'blazepose-full'],
    inputSizePx: 256,
    hasFeetPoints: true,
  },
};

/** Versions the cached weights: a new package version means new files, never a mix. */
export const MODEL_PACKAGE_VERSION = `${manifest.package.name}@${manifest.package.version}`;

const FILES: ReadonlyMap<string, ModelFileEntry> = new Map(
  manifest.files.map((file) => [file.name, file]),
);

export function modelFileEntry(name: string): ModelFileEntry {
  const entry = FILES.get(name);
  if (entry === undefined) throw new Error(`models/${name} is not listed in models/manifest.json`);
  return entry;
}

/** Every file a model needs (graph JSON and weight shards), for download size and caching. */
export function modelFiles(id: PoseModelId): readonly ModelFileEntry[] {
  const graphs = new Set(POSE_MODELS[id].graphs);
  return manifest.models
    .filter((model) => graphs.has(model.file))
    .flatMap((model) => model.files.map(modelFileEntry));
}

/** Fastest first: the order in which to offer another model when one cannot be loaded. */
const FALLBACK_ORDER: readonly PoseModelId[] = [
  'movenet-lightning',
  'movenet-thunder',
  'blazepose-lite',
  'blazepose-full',
];

/**
 * A model to offer instead of `current` when the file `failedFile` of `models/` is damaged or
 * missing: the fastest one that does not need that file. Null when every other model needs it.
 */
export function fallbackModelFor(failedFile: string, current: PoseModelId): PoseModelId | null {
  const usesFile = (id: PoseModelId): boolean =>
    modelFiles(id).some((file) => file.name === failedFile);
  return FALLBACK_ORDER.find((id) => id !== current && !usesFile(id)) ?? null;
}
