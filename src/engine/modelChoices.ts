import { POSE_MODEL_IDS, type PoseModelId } from '../geometry/types';
import type { BackendPreference } from '../pose/backends';
import { POSE_MODELS } from '../pose/modelRegistry';
import type { ModelSetting } from '../session';

export interface ModelChoice {
  readonly id: PoseModelId;
  readonly label: string;
}

/** The models the user can pick, in menu order. */
export const MODEL_CHOICES: readonly ModelChoice[] = POSE_MODEL_IDS.map((id) => ({
  id,
  label: POSE_MODELS[id].label,
}));

export const DEFAULT_MODEL: PoseModelId = 'movenet-lightning';

export interface ModelSettingChoice {
  readonly id: ModelSetting;
  readonly label: string;
}

/** The settings' model menu: the automatic choice, then each model. */
export const MODEL_SETTING_CHOICES: readonly ModelSettingChoice[] = [
  { id: 'auto', label: 'Automatic (best for this device)' },
  ...MODEL_CHOICES,
];

export interface BackendChoice {
  readonly id: BackendPreference;
  readonly label: string;
}

export const BACKEND_CHOICES: readonly BackendChoice[] = [
  { id: 'auto', label: 'Automatic (wasm first)' },
  { id: 'wasm', label: 'WebAssembly (CPU)' },
  { id: 'webgl', label: 'WebGL (GPU)' },
  { id: 'webgpu', label: 'WebGPU (GPU)' },
];
