import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireFfmpeg } from '../helpers/video';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/fake-webcam/', import.meta.url));

/** The fake webcam's picture: a real clip from the Apache fixtures, converted at test time. */
export const FAKE_WEBCAM_CLIP = fileURLToPath(
  new URL('../fixtures/tfjs-models/pose_1.mp4', import.meta.url),
);
export const FAKE_WEBCAM_Y4M = `${ARTIFACTS}pose_1.y4m`;

/**
 * Chromium's fake capture device reads raw y4m, at the frame rate in its header; convert the mp4
 * once per run. 30 frames a second, as webcams give; the bench asks for 60, so that the camera
 * out-paces the fast model and the live pipeline is measured against the model, not the camera.
 */
export function prepareFakeWebcam(
  clip = FAKE_WEBCAM_CLIP,
  y4m = FAKE_WEBCAM_Y4M,
  fps = 30,
): string {
  if (existsSync(y4m)) return y4m;
  requireFfmpeg();
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    clip,
    '-pix_fmt',
    'yuv420p',
    '-r',
    String(fps),
    y4m,
  ]);
  return y4m;
}

/** A 60 frames/s fake webcam (see prepareFakeWebcam). */
export const FAST_FAKE_WEBCAM_Y4M = `${ARTIFACTS}pose_1-60fps.y4m`;
