import { POSE_MODEL_IDS, type PoseModelId } from '../geometry/types';
import { POSE_MODELS } from '../pose/modelRegistry';

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
