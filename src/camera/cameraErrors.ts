import { CameraError } from './types';

/** Maps getUserMedia's DOMException names to what went wrong and what to do about it. */
export function toCameraError(error: unknown): CameraError {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError(
        'permission-denied',
        'Camera access was blocked. Allow the camera for this site in the browser’s address bar, then try again.',
        { cause: error },
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError(
        'no-camera',
        'No camera was found. Plug one in (or enable it), then try again — or use a video file or the demo instead.',
        { cause: error },
      );
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError(
        'camera-in-use',
        'The camera is busy or could not start. Close other apps or tabs using it, then try again.',
        { cause: error },
      );
    default:
      return new CameraError(
        'unknown',
        `The camera could not be opened (${error instanceof Error ? error.message : String(error)}).`,
        { cause: error },
      );
  }
}
