import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAKE_WEBCAM_CLIP } from '../../../tests/browser/fakeWebcam';
import { requireFfmpeg } from '../../../tests/helpers/video';
import { stillHoldSpans, type StudioClip } from './studioClips';

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/fake-webcam/', import.meta.url));

/** The body settles into a hold and out of a fault: this much of each still span is left out. */
const SETTLE_MS = 1000;
/** The fake webcam loops its file; a jump at the loop point restarts the full rate once a loop. */
const MAX_SECONDS = 20;

export interface StillHoldWebcam {
  readonly y4m: string;
  readonly description: string;
}

function ffmpeg(args: readonly string[]): void {
  requireFfmpeg();
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

/**
 * A fake webcam's picture of a still hold, as 30 frames/s y4m: the longest fault-free stretch of
 * the studio clips' holds (a rendered person breathing, with the camera's noise), at most 20 s;
 * without studio clips, a frame of the Apache clip held still, with fresh sensor noise in every
 * picture (nobody breathes in it: the kinder case for the adaptive rate).
 */
export function stillHoldWebcam(clips: readonly StudioClip[]): StillHoldWebcam {
  const spans = clips.flatMap((clip) =>
    stillHoldSpans(clip).map(([fromMs, toMs]) => ({
      clip,
      fromMs: fromMs + SETTLE_MS,
      seconds: Math.min(MAX_SECONDS, (toMs - fromMs - 2 * SETTLE_MS) / 1000),
    })),
  );
  const longest = spans.sort((a, b) => b.seconds - a.seconds)[0];
  if (longest !== undefined && longest.seconds >= 5) {
    const { clip, fromMs, seconds } = longest;
    const y4m = `${ARTIFACTS}still-${clip.id}-${fromMs}.y4m`;
    if (!existsSync(y4m)) {
      ffmpeg([
        '-ss',
        String(fromMs / 1000),
        '-t',
        String(seconds),
        '-i',
        clip.videoPath,
        '-r',
        '30',
        '-pix_fmt',
        'yuv420p',
        y4m,
      ]);
    }
    const at = `${(fromMs / 1000).toFixed(1)}-${(fromMs / 1000 + seconds).toFixed(1)} s`;
    return { y4m, description: `${clip.id} at ${at}, a rendered still hold, looped` };
  }
  const y4m = `${ARTIFACTS}still-pose_1-noise.y4m`;
  if (!existsSync(y4m)) {
    const png = `${ARTIFACTS}still-pose_1.png`;
    ffmpeg(['-ss', '1', '-i', FAKE_WEBCAM_CLIP, '-frames:v', '1', png]);
    ffmpeg([
      '-loop',
      '1',
      '-i',
      png,
      // Temporal noise of about a webcam's in indoor light (the studio renders use 4-8).
      '-vf',
      'noise=alls=6:allf=t',
      '-t',
      String(MAX_SECONDS),
      '-r',
      '30',
      '-pix_fmt',
      'yuv420p',
      y4m,
    ]);
  }
  return { y4m, description: 'a frame of pose_1.mp4 held still with sensor noise, looped' };
}
