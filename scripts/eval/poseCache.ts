import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FrameRotationDeg, ImageRegion, Pose, PoseModelId } from '../../src/geometry/types';

/**
 * A disk cache of the estimator's output per eval file (`--pose-cache DIR`), so geometry can be
 * re-measured over the whole set in seconds instead of re-running the model for minutes. One
 * gzipped JSON per media file and run setting (model, turned images, frame rate, keypoint
 * filter). Cached frames were produced in order by one estimator (its filter, when on, included),
 * so replaying them is the same as running it again. The cache lives outside the repository (it holds masks of the
 * real data, which must not be committed); delete it when the estimator or the rotation
 * pipeline changes (rotation, the margin for tight crops).
 */
export interface CachedFrame {
  readonly timestampMs: number | null;
  /** The first inference at the frame's starting rotation (for the "raw" chain figure). */
  readonly first: Pose | null;
  /** The pose the pipeline kept. */
  readonly pose: Pose | null;
  readonly rotationDeg: FrameRotationDeg;
}

export interface CacheKey {
  readonly model: PoseModelId;
  readonly rotate90: boolean;
  readonly sampleFps: number;
  /** The live keypoint filter ran over the clip (`--smoothing`). */
  readonly smoothing: boolean;
  readonly relativePath: string;
  /**
   * Every frame estimated at 0° (`none`, the app's callers before they had the rotation
   * pipeline); left out or `auto`: through the pipeline.
   */
  readonly rotation?: 'auto' | 'none';
  /** Only every Nth frame of the `sampleFps` stream was estimated (left out: every frame). */
  readonly everyNth?: number;
}

function cachePath(dir: string, key: CacheKey): string {
  // Both filter settings are named: caches written before the setting existed (filtered, with
  // no name for it) are not read as unfiltered.
  const filter = key.smoothing ? 'filtered' : 'unfiltered';
  const turned = key.rotate90 ? '-r90' : '';
  const upright = key.rotation === 'none' ? '-unturned' : '';
  const sparse = (key.everyNth ?? 1) > 1 ? `-every${key.everyNth}` : '';
  const setting = `${key.model}${turned}-${key.sampleFps}fps${sparse}-${filter}${upright}`;
  return join(dir, setting, `${key.relativePath}.json.gz`);
}

interface StoredMask {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly base64: string;
  /** Absent in caches written before masks were cut to the person: the whole image. */
  readonly region?: ImageRegion;
}

type StoredPose = Omit<Pose, 'segmentation'> & { readonly segmentation?: StoredMask };

function storePose(pose: Pose | null): StoredPose | null {
  if (pose === null) return null;
  const { segmentation, ...rest } = pose;
  if (segmentation === undefined) return rest;
  return {
    ...rest,
    segmentation: {
      widthPx: segmentation.widthPx,
      heightPx: segmentation.heightPx,
      base64: Buffer.from(segmentation.data).toString('base64'),
      ...(segmentation.region !== undefined ? { region: segmentation.region } : {}),
    },
  };
}

function loadPose(stored: StoredPose | null): Pose | null {
  if (stored === null) return null;
  const { segmentation, ...rest } = stored;
  if (segmentation === undefined) return rest;
  return {
    ...rest,
    segmentation: {
      widthPx: segmentation.widthPx,
      heightPx: segmentation.heightPx,
      data: new Uint8Array(Buffer.from(segmentation.base64, 'base64')),
      ...(segmentation.region !== undefined ? { region: segmentation.region } : {}),
    },
  };
}

function withoutMask(pose: Pose): Pose {
  return { ...pose, segmentation: undefined };
}

interface StoredFrame {
  readonly timestampMs: number | null;
  /** Null with `firstIsPose` when the first inference was kept. */
  readonly first: StoredPose | null;
  readonly firstIsPose: boolean;
  readonly pose: StoredPose | null;
  readonly rotationDeg: FrameRotationDeg;
}

export function hasPoseCache(dir: string, key: CacheKey): boolean {
  return existsSync(cachePath(dir, key));
}

export function readPoseCache(dir: string, key: CacheKey): CachedFrame[] | null {
  const path = cachePath(dir, key);
  if (!existsSync(path)) return null;
  const stored = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as StoredFrame[];
  return stored.map((frame) => {
    const pose = loadPose(frame.pose);
    return {
      timestampMs: frame.timestampMs,
      pose,
      first: frame.firstIsPose ? pose : loadPose(frame.first),
      rotationDeg: frame.rotationDeg,
    };
  });
}

export function writePoseCache(dir: string, key: CacheKey, frames: readonly CachedFrame[]): void {
  const path = cachePath(dir, key);
  mkdirSync(dirname(path), { recursive: true });
  const stored: StoredFrame[] = frames.map((frame) => {
    const firstIsPose = frame.first === frame.pose;
    return {
      timestampMs: frame.timestampMs,
      // The raw inference is only read for its keypoints: its mask is not kept.
      first: firstIsPose || frame.first === null ? null : storePose(withoutMask(frame.first)),
      firstIsPose,
      pose: storePose(frame.pose),
      rotationDeg: frame.rotationDeg,
    };
  });
  writeFileSync(path, gzipSync(JSON.stringify(stored)));
}
