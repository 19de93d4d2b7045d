import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { PoseModelId } from '../../../src/geometry/types';
import type { PoseEstimator } from '../../../src/pose/types';
import { cachedEstimate, type Estimated } from '../estimateFile';
import type { MediaFile } from '../media';
import type { CacheKey } from '../poseCache';
import { readStudioTruth, type StudioTruth } from '../studioTruth';

/** One rendered clip: its sidecar's truth and its video. */
export interface StudioClip {
  readonly truth: StudioTruth;
  readonly video: MediaFile;
}

/** Reads every sidecar; a sidecar that does not parse stops the run, naming the file. */
export function readStudioClips(root: string, sidecars: readonly string[]): StudioClip[] {
  return sidecars.map((path) => {
    let truth: StudioTruth;
    try {
      truth = readStudioTruth(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const videoPath = join(dirname(path), truth.clip.video);
    return {
      truth,
      video: {
        path: videoPath,
        relativePath: relative(root, videoPath).split(sep).join('/'),
        kind: 'video',
      },
    };
  });
}

/**
 * Each sampled frame as that instant's pose (no keypoint filter, as the realdata eval), through
 * the eval's lying-body rotation pipeline, at the clip's own frame rate thinned to every Nth.
 */
export function studioCacheKey(model: PoseModelId, clip: StudioClip, everyNth: number): CacheKey {
  return {
    model,
    rotate90: false,
    sampleFps: clip.truth.clip.fps,
    smoothing: false,
    relativePath: clip.video.relativePath,
    everyNth,
  };
}

/** The clip's sampled frames, from the pose cache or the estimator. */
export function estimateStudioClip(
  estimator: PoseEstimator | null,
  clip: StudioClip,
  model: PoseModelId,
  options: { readonly minScore: number; readonly everyNth: number; readonly cacheDir: string },
): Promise<Estimated> {
  const settings = {
    minScore: options.minScore,
    sampleFps: clip.truth.clip.fps,
    rotate90: false,
    rotation: 'auto',
    everyNth: options.everyNth,
  } as const;
  return cachedEstimate(
    estimator,
    settings,
    clip.video,
    options.cacheDir,
    studioCacheKey(model, clip, options.everyNth),
  );
}
