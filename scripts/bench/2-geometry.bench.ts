import { initialGeometryState, measureFrame, type GeometryState } from '../../src/geometry';
import type { Pose } from '../../src/geometry/types';
import { BothWaysSmoother, type TimedPose } from '../../src/review/bothWaysSmoothing';
import { maskFrom, sideViewPose } from '../../tests/helpers/syntheticPose';
import { fixed, printTable } from './table';

export const title =
  "Geometry: measureFrame throughput, and an analysed clip's both-ways smoothing (pure, one thread)";

/**
 * A fold sequence (trunk 0-150°, knee jitter) so every branch that depends on angles runs; the
 * BlazePose variant carries a 192 x 256 person mask, the size the estimator hands on, so the
 * back-contour scan is included.
 */
function foldSequence(model: Pose['model'], withMask: boolean): Pose[] {
  const mask = withMask
    ? maskFrom(192, 256, (x, y) => {
        // Image 600 x 800 -> mask scale 0.32; a trunk band around the hip-shoulder line.
        const dx = x / 0.32 - 400;
        const dy = y / 0.32 - 400;
        return Math.hypot(dx, dy) < 260 && Math.abs(dx) < 120 + Math.abs(dy) / 2;
      })
    : undefined;
  return Array.from({ length: 240 }, (_, i) => {
    const lean = 75 + 75 * Math.sin(i / 20);
    const pose = sideViewPose({
      model,
      trunkLeanDeg: lean,
      near: { hipFlexionDeg: lean + 5, kneeFlexionDeg: 4 + (i % 3) },
      neckFlexionDeg: 10 + (i % 7),
      imageSize: { widthPx: 600, heightPx: 800 },
      timestampMs: i * 33,
    });
    return mask === undefined ? pose : { ...pose, segmentation: mask };
  });
}

function framesPerSecond(poses: readonly Pose[], frames: number): number {
  let state: GeometryState = initialGeometryState();
  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < 2000; i++)
    state = measureFrame(state, poses[i % poses.length] ?? null, i * 33)[0];
  state = initialGeometryState();
  const start = performance.now();
  for (let i = 0; i < frames; i++) {
    state = measureFrame(state, poses[i % poses.length] ?? null, i * 33)[0];
  }
  const seconds = (performance.now() - start) / 1000;
  return frames / seconds;
}

/**
 * An analysed clip's keypoint smoothing (review/bothWaysSmoothing.ts) at 30 frames/s: each frame
 * is filtered forwards once and backwards once per frame that comes after it within the second
 * of look-ahead, so it costs more than a live filter; this says how much beside measureFrame.
 */
function smoothedFramesPerSecond(poses: readonly Pose[], frames: number): number {
  const pass = (count: number): void => {
    const smoother = new BothWaysSmoother<TimedPose>();
    for (let i = 0; i < count; i++) {
      smoother.push({ timeMs: i * 33, pose: poses[i % poses.length] ?? null });
    }
    smoother.finish();
  };
  pass(2000);
  const start = performance.now();
  pass(frames);
  return frames / ((performance.now() - start) / 1000);
}

export function run(): Promise<void> {
  const frames = 50_000;
  const rows = [
    ['MoveNet-like (17 keypoints)', foldSequence('movenet-lightning', false)],
    ['BlazePose (33 keypoints, world, no mask)', foldSequence('blazepose-full', false)],
    ['BlazePose with 192x256 mask', foldSequence('blazepose-full', true)],
  ] as const;
  printTable(
    ['poses', 'frames/s', 'µs/frame'],
    rows.map(([name, poses]) => {
      const fps = framesPerSecond(poses, frames);
      return [name, fixed(fps, 0), fixed(1e6 / fps, 1)];
    }),
  );
  console.log('');
  printTable(
    ['poses, smoothed both ways (1 s look-ahead, 30 frames/s)', 'frames/s', 'µs/frame'],
    rows.slice(0, 2).map(([name, poses]) => {
      const fps = smoothedFramesPerSecond(poses, 10_000);
      return [name, fixed(fps, 0), fixed(1e6 / fps, 1)];
    }),
  );
  return Promise.resolve();
}
