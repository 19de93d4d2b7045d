import type { FrameRotationDeg } from '../../src/geometry/types';
import type { PoseEstimator } from '../../src/pose/types';
import { rotatePixels } from '../../tests/helpers/images';
import { errorReason, readImage } from './imageFile';
import type { MediaFile } from './media';
import { estimateWithAutoRotation } from './pipeline';
import { readPoseCache, writePoseCache, type CacheKey, type CachedFrame } from './poseCache';
import { videoFrames } from './videoFrames';

/**
 * The estimator over one media file, frame by frame, shared by `npm run eval` and
 * `npm run coach-eval`: decoding (ffmpeg), the lying-body rotation pipeline (pipeline.ts) and the
 * pose cache (poseCache.ts) in one place.
 */

/** What the estimator made of one file, and why it stopped early if it did. */
export interface Estimated {
  readonly frames: CachedFrame[];
  /** Why the file, or the rest of a clip, could not be read; null when it was read whole. */
  readonly error: string | null;
}

export interface EstimateSettings {
  readonly minScore: number;
  /** Video sampling rate, frames per second. */
  readonly sampleFps: number;
  /** Turn every still image 90° clockwise first (a stand-in for a lying body). */
  readonly rotate90: boolean;
  /**
   * `auto`: the rotation pipeline turns the frame for a lying body (pipeline.ts). `none`: every
   * frame at 0°, as a caller without the pipeline sees it.
   */
  readonly rotation: 'auto' | 'none';
  /** Estimate only every Nth frame of the `sampleFps` stream (videoFrames.ts); default 1. */
  readonly everyNth?: number;
}

/** Runs the estimator over one file: the frames geometry will measure. */
export async function estimateFile(
  estimator: PoseEstimator,
  settings: EstimateSettings,
  file: MediaFile,
): Promise<Estimated> {
  estimator.reset();
  const { minScore } = settings;
  const frames: CachedFrame[] = [];
  try {
    if (file.kind === 'image') {
      const upright = readImage(file.path);
      const frame = settings.rotate90 ? rotatePixels(upright, 90) : upright;
      const result = await estimateWithAutoRotation(estimator, frame, 0, {
        minScore,
        startRotationDeg: 0,
        retryWithoutChain: true,
      });
      frames.push({ timestampMs: null, ...result });
      return { frames, error: null };
    }
    let rotationDeg: FrameRotationDeg = 0;
    for await (const { frame, timestampMs } of videoFrames(
      file.path,
      settings.sampleFps,
      settings.everyNth,
    )) {
      if (settings.rotation === 'none') {
        const pose = await estimator.estimate(frame, timestampMs, { rotationDeg: 0 });
        frames.push({ timestampMs, first: pose, pose, rotationDeg: 0 });
        continue;
      }
      const result = await estimateWithAutoRotation(estimator, frame, timestampMs, {
        minScore,
        startRotationDeg: rotationDeg,
        retryWithoutChain: false,
      });
      rotationDeg = result.rotationDeg;
      frames.push({ timestampMs, ...result });
    }
    return { frames, error: null };
  } catch (error) {
    // A damaged file costs its own records, not the run: the frames read before it broke are kept.
    return { frames, error: errorReason(error) };
  }
}

/**
 * The file's frames from the pose cache (`cacheDir`, null for none), else from the estimator (and
 * then cached if read whole). `estimator` is only needed when the cache misses.
 */
export async function cachedEstimate(
  estimator: PoseEstimator | null,
  settings: EstimateSettings,
  file: MediaFile,
  cacheDir: string | null,
  key: CacheKey,
): Promise<Estimated> {
  const cached = cacheDir === null ? null : readPoseCache(cacheDir, key);
  if (cached !== null) return { frames: cached, error: null };
  if (estimator === null) throw new Error('estimator not loaded');
  const estimated = await estimateFile(estimator, settings, file);
  if (cacheDir !== null && estimated.error === null)
    writePoseCache(cacheDir, key, estimated.frames);
  return estimated;
}
