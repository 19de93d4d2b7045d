import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hipFlexionDeg } from '../../../src/geometry/hip';
import { isAvailable } from '../../../src/geometry/measured';
import type { Keypoint, KeypointName, Pose, PoseModelId } from '../../../src/geometry/types';
import {
  BLAZEPOSE_KEYPOINT_FILTER,
  filterKeypoints,
  type KeypointFilterState,
} from '../../../src/pose/keypointFilter';
import {
  BothWaysSmoother,
  smoothTrackBothWays,
  type TimedPose,
} from '../../../src/review/bothWaysSmoothing';
import { sideViewPose, translatePose, withKeypoint } from '../../helpers/syntheticPose';

/** Deterministic jitter in [-1, 1) (a linear congruential generator), so failures repeat. */
function jitter(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32) * 2 - 1;
  };
}

function shake(pose: Pose, amountPx: number, next: () => number): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, k] of Object.entries(pose.keypoints) as [KeypointName, Keypoint][]) {
    keypoints[name] = { ...k, x: k.x + next() * amountPx, y: k.y + next() * amountPx };
  }
  return { ...pose, keypoints };
}

/** The live path: the estimator's causal filter, frame by frame (pose-detection's settings). */
function liveFiltered(frames: readonly TimedPose[]): (Pose | null)[] {
  let state: KeypointFilterState = null;
  return frames.map(({ timeMs, pose }) => {
    if (pose === null) return null;
    const names = Object.keys(pose.keypoints) as KeypointName[];
    const points = names.map((n) => pose.keypoints[n] as Keypoint);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    let out: Keypoint[];
    [state, out] = filterKeypoints(
      state,
      points,
      timeMs * 1000 + 1e6,
      BLAZEPOSE_KEYPOINT_FILTER,
      1 / size,
    );
    const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
    names.forEach((n, i) => (keypoints[n] = out[i]));
    return { ...pose, keypoints };
  });
}

const FRAME_MS = 100;

/** A body walking sideways at `speedPxPerS`, sampled at 10 frames/s. */
function glidingTrack(model: PoseModelId, speedPxPerS: number, frames = 30): TimedPose[] {
  return Array.from({ length: frames }, (_, i) => {
    const timeMs = i * FRAME_MS;
    const pose = shift(
      sideViewPose({ model, timestampMs: timeMs }),
      (speedPxPerS * timeMs) / 1000,
      0,
    );
    return { timeMs, pose };
  });
}

/** Keypoints moved, the frame kept (translatePose grows the frame to hold them). */
function shift(pose: Pose, dx: number, dy: number): Pose {
  return { ...translatePose(pose, dx, dy), imageSize: pose.imageSize };
}

function x(pose: Pose | null | undefined, name: KeypointName = 'right_hip'): number {
  return pose?.keypoints[name]?.x ?? NaN;
}

describe('smoothTrackBothWays', () => {
  it.each<PoseModelId>(['blazepose-full', 'movenet-lightning'])(
    'follows a body moving at a steady pace without trailing it (%s)',
    (model) => {
      const track = glidingTrack(model, 300);
      const smoothed = smoothTrackBothWays(track);
      // Away from the ends, where one pass has had no run-up.
      for (let i = 5; i < track.length - 5; i++) {
        expect(Math.abs(x(smoothed[i]) - x(track[i]?.pose ?? null))).toBeLessThan(0.15);
      }
    },
  );

  it('a causal filter trails the same body by ~size / (2π beta), 1.2 px here', () => {
    const track = glidingTrack('blazepose-full', 300);
    const live = liveFiltered(track);
    expect(x(track[15]?.pose ?? null) - x(live[15] ?? null)).toBeGreaterThan(1);
  });

  it('reads a shaken hip hinge closer to the truth than raw or live-filtered keypoints', () => {
    // Trunk leaning 0 -> 90° and back at 180°/s (a brisk hinge), keypoints shaken by ±2 px.
    const next = jitter(7);
    const track: TimedPose[] = Array.from({ length: 41 }, (_, i) => {
      const timeMs = i * FRAME_MS;
      const phase = (timeMs % 2000) / 1000;
      const leanDeg = phase <= 1 ? phase * 90 : (2 - phase) * 90;
      const near = { hipFlexionDeg: leanDeg };
      const pose = sideViewPose({ trunkLeanDeg: leanDeg, near, far: near, timestampMs: timeMs });
      return { timeMs, pose: shake(pose, 2, next) };
    });
    const truth = track.map(({ timeMs }) => {
      const phase = (timeMs % 2000) / 1000;
      return phase <= 1 ? phase * 90 : (2 - phase) * 90;
    });
    const errors = (poses: readonly (Pose | null)[]): number[] =>
      poses
        .map((p, i) => {
          const hip = p === null ? null : hipFlexionDeg(p, 'right', 0.5);
          return hip !== null && isAvailable(hip) ? Math.abs(hip.value - (truth[i] ?? NaN)) : NaN;
        })
        .slice(3, -3)
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
    const median = (a: number[]): number => a[Math.floor(a.length / 2)] ?? NaN;
    const both = median(errors(smoothTrackBothWays(track)));
    const live = median(errors(liveFiltered(track)));
    const raw = median(errors(track.map((f) => f.pose)));
    expect(both).toBeLessThan(live);
    expect(both).toBeLessThan(raw);
  });

  it('evens out the jitter of a body holding still', () => {
    const next = jitter(11);
    const still = sideViewPose({ model: 'blazepose-full' });
    const track = Array.from({ length: 40 }, (_, i) => ({
      timeMs: i * FRAME_MS,
      pose: shake(still, 3, next),
    }));
    const spread = (poses: readonly (Pose | null)[]): number => {
      const xs = poses.map((p) => x(p, 'right_knee'));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    };
    const both = spread(smoothTrackBothWays(track));
    // Steadier than the live filter (what the bounce detector was set against), and than raw.
    expect(both).toBeLessThan(spread(liveFiltered(track)));
    expect(both).toBeLessThan(spread(track.map((f) => f.pose)) * 0.6);
  });

  it('keeps frames with no person, and starts afresh after one', () => {
    const a = sideViewPose({ hip: { x: 100, y: 400 } });
    const b = sideViewPose({ hip: { x: 600, y: 400 } });
    const track: TimedPose[] = [
      { timeMs: 0, pose: a },
      { timeMs: 100, pose: a },
      { timeMs: 200, pose: null },
      { timeMs: 300, pose: b },
      { timeMs: 400, pose: b },
    ];
    const smoothed = smoothTrackBothWays(track);
    expect(smoothed).toHaveLength(5);
    expect(smoothed[2]).toBeNull();
    // Nothing of the person before the gap leaks into the one after it, or back.
    expect(x(smoothed[1])).toBeCloseTo(x(a), 9);
    expect(x(smoothed[3])).toBeCloseTo(x(b), 9);
  });

  it('leaves scores, the mask and everything but positions as the model gave them', () => {
    const track = glidingTrack('blazepose-full', 200, 5).map((f, i) => ({
      ...f,
      pose: { ...(f.pose as Pose), score: 0.5 + i / 20 },
    }));
    const smoothed = smoothTrackBothWays(track);
    smoothed.forEach((pose, i) => {
      const given = track[i]?.pose as Pose;
      expect(pose?.score).toBe(given.score);
      expect(pose?.imageSize).toEqual(given.imageSize);
      expect(pose?.keypoints.left_knee?.score).toBe(given.keypoints.left_knee?.score);
    });
  });

  it('starts a new run at a frame missing a keypoint or holding a NaN, so none leaks', () => {
    const track = glidingTrack('blazepose-full', 300, 8).map((f, i) => {
      const pose = f.pose as Pose;
      if (i === 2) return { ...f, pose: withKeypoint(pose, 'left_ear', undefined) };
      if (i === 5)
        return { ...f, pose: withKeypoint(pose, 'left_knee', { x: NaN, y: 1, score: 1 }) };
      return f;
    });
    const smoothed = smoothTrackBothWays(track);
    expect(smoothed[2]?.keypoints.left_ear).toBeUndefined();
    expect(smoothed[5]?.keypoints.left_knee?.x).toBeNaN();
    smoothed.forEach((pose, i) => {
      for (const [name, k] of Object.entries(pose?.keypoints ?? {})) {
        if (i === 5 && name === 'left_knee') continue;
        expect(Number.isFinite(k.x) && Number.isFinite(k.y)).toBe(true);
      }
    });
  });

  it('starts a new run when the frame size changes (MoveNet filters in frame-relative units)', () => {
    // The same body at the same pixels throughout; the frames grow from 800 to 1000 px wide.
    const still = sideViewPose({ model: 'movenet-lightning' });
    const wide = { ...still, imageSize: { widthPx: 1000, heightPx: 800 } };
    const track: TimedPose[] = [still, still, still, wide, wide, wide].map((pose, i) => ({
      timeMs: i * FRAME_MS,
      pose,
    }));
    // Read across the change, the same pixels would look like a jump and be smoothed as one.
    smoothTrackBothWays(track).forEach((pose) => expect(x(pose)).toBeCloseTo(x(still), 9));
  });

  it('with no look-ahead is the live filter, frame for frame', () => {
    const next = jitter(3);
    const track = glidingTrack('blazepose-full', 150, 20).map((f) => ({
      ...f,
      pose: shake(f.pose as Pose, 4, next),
    }));
    const causal = smoothTrackBothWays(track, 0);
    liveFiltered(track).forEach((pose, i) => {
      expect(x(causal[i])).toBeCloseTo(x(pose), 9);
      expect(causal[i]?.keypoints.left_ankle?.y).toBeCloseTo(
        pose?.keypoints.left_ankle?.y ?? NaN,
        9,
      );
    });
  });

  it('gives a frame back once the look-ahead has passed it, holding 1.5 s at most', () => {
    const smoother = new BothWaysSmoother<TimedPose>(1_000);
    const track = glidingTrack('blazepose-full', 200, 100);
    const given: number[] = [];
    track.forEach((frame, i) => {
      const settled = smoother.push(frame);
      given.push(...settled.map((f) => f.timeMs));
      // Frames 100 ms apart: at most those of the last 1.5 s are held.
      expect(i + 1 - given.length).toBeLessThanOrEqual(16);
      settled.forEach((f) => expect(f.timeMs).toBeLessThanOrEqual(frame.timeMs - 1_000));
    });
    expect(given.length).toBeGreaterThan(80);
    given.push(...smoother.finish().map((f) => f.timeMs));
    expect(given).toEqual(track.map((f) => f.timeMs));
  });

  it('a second of look-ahead reads a long track as the whole track would', () => {
    const next = jitter(5);
    const track = glidingTrack('blazepose-full', 400, 60).map((f) => ({
      ...f,
      pose: shake(f.pose as Pose, 2, next),
    }));
    const whole = smoothTrackBothWays(track, Infinity);
    const streamed = smoothTrackBothWays(track);
    const gaps = whole.map((pose, i) => Math.abs(x(pose) - x(streamed[i])));
    expect(Math.max(...gaps)).toBeLessThan(0.5);
  });

  describe('properties', () => {
    const wobblyTrack = fc
      .tuple(
        fc.constantFrom<PoseModelId>('blazepose-full', 'movenet-thunder'),
        fc.array(
          fc.tuple(
            fc.double({ min: -40, max: 40, noNaN: true }),
            fc.integer({ min: 20, max: 200 }),
          ),
          {
            minLength: 2,
            maxLength: 25,
          },
        ),
      )
      .map(([model, steps]) => {
        let timeMs = 0;
        return steps.map(([dx, gapMs]) => {
          timeMs += gapMs;
          return { timeMs, pose: shift(sideViewPose({ model }), dx, dx / 2) };
        });
      });

    it('smoothing a track played backwards gives the smoothed track backwards', () => {
      fc.assert(
        fc.property(wobblyTrack, (track) => {
          const end = track.at(-1)?.timeMs ?? 0;
          const backwards = [...track].reverse().map((f) => ({ ...f, timeMs: end - f.timeMs }));
          // Exact for a run smoothed whole: the look-ahead covers it.
          const forwardResult = smoothTrackBothWays(track, Infinity);
          const backwardResult = smoothTrackBothWays(backwards, Infinity).reverse();
          forwardResult.forEach((pose, i) => {
            expect(x(backwardResult[i] ?? null)).toBeCloseTo(x(pose), 6);
          });
        }),
        { numRuns: 60 },
      );
    });

    it('moving the whole track moves the smoothed track alike', () => {
      fc.assert(
        fc.property(
          wobblyTrack,
          fc.double({ min: -300, max: 300, noNaN: true }),
          fc.double({ min: -300, max: 300, noNaN: true }),
          (track, dx, dy) => {
            const moved = track.map((f) => ({ ...f, pose: shift(f.pose, dx, dy) }));
            const a = smoothTrackBothWays(track);
            const b = smoothTrackBothWays(moved);
            a.forEach((pose, i) => {
              expect(x(b[i] ?? null)).toBeCloseTo(x(pose) + dx, 6);
              expect(b[i]?.keypoints.right_knee?.y).toBeCloseTo(
                (pose?.keypoints.right_knee?.y ?? NaN) + dy,
                6,
              );
            });
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
