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

/**
 * The pose worker crashed again and again: restarting it is not helping. The session stops and
 * keeps what was recorded.
 */
export class ModelKeepsCrashingError extends Error {
  override readonly name = 'ModelKeepsCrashingError';
  constructor(
    readonly crashes: number,
    readonly withinMs: number,
    readonly lastCrash: string,
  ) {
    super(
      `The pose model stopped ${crashes} times within ${Math.round(withinMs / 1000)} s, so the session was stopped (last: ${lastCrash}).`,
    );
  }
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
  if (error instanceof ModelKeepsCrashingError) {
    return {
      title: 'The pose model keeps stopping',
      message: `It stopped ${error.crashes} times in a minute and restarting it did not help, so this session was stopped. What you did up to then is saved. Reloading the page often helps; if it happens again, choose a lighter model (MoveNet Lightning) before you start.`,
      kind: 'model-crashing',
    };
  }
  if (name === 'NoUsableBackendError') {
    return { title: 'This browser can’t run the pose model', message, kind: 'no-backend' };
  }
  return { title: 'Something went wrong', message, kind: 'unknown' };
}
