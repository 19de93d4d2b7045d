import { describe, expect, it } from 'vitest';
import { bodyTrack } from '../../../src/demo/bodyModel';
import { SWITCH_AFTER_FRAMES } from '../../../src/geometry';
import { isAvailable } from '../../../src/geometry/measured';
import type { Pose } from '../../../src/geometry/types';
import type { PoseEstimator } from '../../../src/pose/types';
import type { FrameSource, SampledFrame, SamplerStats } from '../../../src/review/frameSource';
import { analyseVideo } from '../../../src/review/offlineAnalysis';
import { sideViewPose } from '../../helpers/syntheticPose';

/**
 * The analysis over a fake clip: frames are only times, and the "model" draws a body hinging at
 * a known angle at each time, as an unfiltered estimator would see it (shaken by a pixel or two).
 */

const FRAME_MS = 100;
const SIZE = { widthPx: 800, heightPx: 800 };

/** Trunk lean (and hip flexion) at `timeMs`: down to 80° and back up every 2 s. */
function leanAt(timeMs: number): number {
  const phase = (timeMs % 2000) / 1000;
  return phase <= 1 ? phase * 80 : (2 - phase) * 80;
}

function hingePose(timeMs: number): Pose {
  const lean = leanAt(timeMs);
  const pose = sideViewPose({
    model: 'blazepose-full',
    trunkLeanDeg: lean,
    near: { hipFlexionDeg: lean },
    far: { hipFlexionDeg: lean },
    timestampMs: timeMs,
  });
  // Each keypoint off by up to 2 px, differently each frame, as a model's would be.
  const keypoints = Object.fromEntries(
    Object.entries(pose.keypoints).map(([name, k], i) => [
      name,
      {
        ...k,
        x: k.x + 2 * Math.sin(timeMs * 0.37 + i * 1.7),
        y: k.y + 2 * Math.cos(timeMs * 0.53 + i),
      },
    ]),
  );
  return { ...pose, keypoints };
}

const NO_STATS: SamplerStats = {
  method: 'decoder',
  slotsMissed: 0,
  damagedStretches: 0,
  damagedMs: 0,
  cutShortAtMs: null,
};

function fakeClip(frames: number): FrameSource {
  let next = 0;
  return {
    method: 'decoder',
    durationMs: frames * FRAME_MS,
    widthPx: SIZE.widthPx,
    heightPx: SIZE.heightPx,
    start: () => undefined,
    next: () => {
      if (next >= frames) return Promise.resolve(null);
      const frame: SampledFrame = {
        // The fake estimator never looks at pixels; Node has no ImageBitmap to give it.
        bitmap: { close: () => undefined } as unknown as ImageBitmap,
        videoTimeMs: next++ * FRAME_MS,
        ...SIZE,
      };
      return Promise.resolve(frame);
    },
    setModelRate: () => undefined,
    stats: () => NO_STATS,
    stop: () => undefined,
  };
}

function fakeEstimator(): PoseEstimator {
  return {
    model: 'blazepose-full',
    backend: { name: 'wasm', failedAttempts: [], simd: null, threads: null },
    estimate: (_frame, timestampMs) => Promise.resolve(hingePose(timestampMs)),
    reset: () => undefined,
    diagnostics: () => Promise.resolve({ numTensors: 0, numBytes: 0 }),
    dispose: () => undefined,
  };
}

async function hipErrors(smoothing: 'both-ways' | 'none'): Promise<number[]> {
  const analysis = await analyseVideo(fakeClip(60), fakeEstimator(), { smoothing });
  expect(analysis.measures).toHaveLength(60);
  expect(analysis.track.tMs).toHaveLength(60);
  expect(analysis.stats.framesAnalysed).toBe(60);
  return analysis.measures.map((m) => {
    const hip = m.hipFlexionDeg.right;
    return isAvailable(hip) ? Math.abs(hip.value - leanAt(m.timestampMs)) : NaN;
  });
}

describe('analyseVideo', () => {
  it('measures every frame in video time, in order, through to the last', async () => {
    const analysis = await analyseVideo(fakeClip(25), fakeEstimator());
    expect(analysis.measures.map((m) => m.timestampMs)).toEqual(
      Array.from({ length: 25 }, (_, i) => i * FRAME_MS),
    );
    expect([...analysis.track.tMs]).toEqual(analysis.measures.map((m) => m.timestampMs));
  });

  it('smooths the track both ways: hip angles closer to the body than the raw ones', async () => {
    const raw = await hipErrors('none');
    const both = await hipErrors('both-ways');
    expect(raw.every(Number.isFinite) && both.every(Number.isFinite)).toBe(true);
    const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(both)).toBeLessThan(mean(raw));
    expect(Math.max(...both)).toBeLessThan(2);
  });

  it('turns the frames for a body lying down, as live sessions do', async () => {
    const lying = bodyTrack({
      posture: 'supine-strap',
      nearSide: 'left',
      workingLeg: 'left',
      model: 'blazepose',
    }).poseAt(0);
    if (lying === null) throw new Error('no lying pose');
    const asked: number[] = [];
    const estimator: PoseEstimator = {
      ...fakeEstimator(),
      estimate: (_frame, timestampMs, options) => {
        asked.push(options?.rotationDeg ?? 0);
        return Promise.resolve({ ...lying, timestampMs });
      },
    };
    await analyseVideo(fakeClip(20), estimator, { smoothing: 'none' });
    // Upright at first; once a few poses in a row say the body lies sideways, a quarter turn
    // for every frame sent after that (a few were already in flight).
    expect(asked[0]).toBe(0);
    const turn = asked.at(-1);
    expect([90, 270]).toContain(turn);
    expect(asked.indexOf(turn ?? 0)).toBeLessThanOrEqual(SWITCH_AFTER_FRAMES + 4);
    expect(asked.slice(asked.indexOf(turn ?? 0)).every((r) => r === turn)).toBe(true);
  });
});
