import { CameraError } from '../camera/types';

/** An error as the person in front of the camera should read it. */
export interface UserFacingError {
  readonly title: string;
  readonly message: string;
  /** Stable identifier for tests and for choosing what to offer (retry, other source…). */
  readonly kind: string;
}

/** Names the pose worker gives its errors (see src/pose). */
const MODEL_FILE_ERRORS = new Set(['ModelIntegrityError', 'ModelLoadError']);

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
