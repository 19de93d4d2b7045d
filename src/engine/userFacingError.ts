import { CameraError } from '../camera/types';
import type { PoseModelId } from '../geometry/types';
import { fallbackModelFor, POSE_MODELS } from '../pose/modelRegistry';

/** An error as the person in front of the camera should read it. */
export interface UserFacingError {
  readonly title: string;
  readonly message: string;
  /** Stable identifier for tests and for choosing what to offer (retry, other source…). */
  readonly kind: string;
  /** A model file could not be used: another model the user may switch to. */
  readonly fallbackModel?: { readonly id: PoseModelId; readonly label: string };
}

/** Names the pose worker gives its errors (see src/pose). */
const MODEL_FILE_ERRORS = new Set(['ModelIntegrityError', 'ModelLoadError']);

/**
 * As `toUserFacingError`, and when a model file is damaged or missing, offers the fastest model
 * that does not need that file.
 */
export function toUserFacingErrorWithFallback(
  error: unknown,
  model: PoseModelId | null,
): UserFacingError {
  const facing = toUserFacingError(error);
  const fileName = (error as { fileName?: unknown } | null)?.fileName;
  if (facing.kind !== 'model-load' || model === null || typeof fileName !== 'string') return facing;
  const fallback = fallbackModelFor(fileName, model);
  return fallback === null
    ? facing
    : { ...facing, fallbackModel: { id: fallback, label: POSE_MODELS[fallback].label } };
}

export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof CameraError) {
    return { title: 'Camera problem', message: error.message, kind: `camera-${error.kind}` };
  }
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (MODEL_FILE_ERRORS.has(name)) {
    return { title: 'The pose model could not be loaded', message, kind: 'model-load' };
  }
  if (name === 'NoUsableBackendError') {
    return { title: 'This browser can’t run the pose model', message, kind: 'no-backend' };
  }
  return { title: 'Something went wrong', message, kind: 'unknown' };
}
