import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appFrames } from '../../../scripts/eval/studio/appFrames';
import { summaryRow } from '../../../scripts/eval/studio/studioReport';
import {
  compareClip,
  summariseClips,
  type AppFrame,
  type ClipComparison,
  type FrameComparison,
  LEG_POINTS,
  type ScoredStudioFrame,
} from '../../../scripts/eval/studio/studioScore';
import { exactPose } from '../../../scripts/eval/studioDefinition';
import {
  decodeSilhouettes,
  LANDMARK_INSIDE,
  readStudioTruth,
} from '../../../scripts/eval/studioTruth';
import { KEYPOINT_NAMES } from '../../../src/geometry/types';

/** 10 frames/s: standing, the left leg working, hip 70°, knee 178°, back curl 10°. */
const FPS = 10;

const legs = (left: number | null, right: number | null) => ({ left, right });

type Point = readonly [number, number];
/** Side view, facing image-right: the left leg reaching forward, the right one under the hip. */
const KNEES_AND_ANKLES: readonly Point[] = [
  [360, 300],
  [440, 330],
  [300, 320],
  [300, 420],
];

/** 33 BlazePose landmarks, all inside the picture; the knees and ankles where `legPoints` says. */
function landmarks(legPoints: readonly Point[] = KNEES_AND_ANKLES): [number, number, number][] {
  const points = KEYPOINT_NAMES.map((): [number, number, number] => [320, 200, LANDMARK_INSIDE]);
  LEG_POINTS.forEach((name, i) => {
    const [x, y] = legPoints[i] ?? [0, 0];
    points[KEYPOINT_NAMES.indexOf(name)] = [x, y, LANDMARK_INSIDE];
  });
  return points;
}

function truthFrame(index: number, overrides: Partial<ScoredStudioFrame> = {}): ScoredStudioFrame {
  return {
    index,
    timestampMs: (index * 1000) / FPS,
    blazepose: landmarks(),
    angles2d: {
      hipFlexionDeg: legs(70, 10),
      legRaiseDeg: legs(null, null),
      kneeAngleDeg: legs(178, 170),
      ankleFlexionDeg: legs(5, 0),
      neckFlexionDeg: null,
      trunkInclinationDeg: null,
    },
    nearSide: 'left',
    workingLeg: 'left',
    orientation: 'upright',
    view: 'side',
    wholeBodyInFrame: true,
    personVisible: true,
    backCurlDeg: 10,
    phase: 'hold',
    ...overrides,
  };
}

function appFrame(index: number, overrides: Partial<AppFrame> = {}): AppFrame {
  return {
    timestampMs: (index * 1000) / FPS,
    personFound: true,
    workingLeg: 'left',
    nearSide: 'left',
    orientation: 'upright',
    hipFlexionDeg: legs(72, 10),
    legRaiseDeg: legs(null, null),
    kneeAngleDeg: legs(175, 170),
    ankleFlexionDeg: legs(null, null),
    kneeState: { left: 'straight', right: 'soft' },
    backState: 'flat',
    backCurlDeg: 12,
    legPoints: KNEES_AND_ANKLES.map(([x, y]) => [x + 3, y - 2] as const),
    ...overrides,
  };
}

function clip(frames: readonly FrameComparison[], hasMask = true): ClipComparison {
  return { clip: 'c', stretch: 's', person: 'p', camera: 'k', model: 'm', hasMask, frames };
}

describe('studio eval scoring', () => {
  it("compares the working leg's hip and knee with the truth, and counts what the app missed", () => {
    const truth = [0, 1, 2, 3].map((i) => truthFrame(i));
    const app = [
      appFrame(0),
      appFrame(1, { hipFlexionDeg: legs(60, 10) }),
      appFrame(2, { kneeAngleDeg: legs(null, 170) }),
      appFrame(3),
    ];
    const summary = summariseClips('all', [clip(compareClip(truth, FPS, app))]);
    expect(summary.hipOrRaise).toMatchObject({ truthFrames: 4, measured: 4 });
    // Errors 2, 10, 2, 2: median 2, p95 (interpolated) 8.8.
    expect(summary.hipOrRaise.medianDeg).toBeCloseTo(2);
    expect(summary.hipOrRaise.p95Deg).toBeCloseTo(8.8);
    expect(summary.knee).toMatchObject({ truthFrames: 4, measured: 3 });
    expect(summary.knee.medianDeg).toBeCloseTo(3);
    // MoveNet has no feet: the truth's ankle is there, the app's never is.
    expect(summary.ankle).toMatchObject({ truthFrames: 4, measured: 0, medianDeg: null });
    expect(summaryRow(summary)[6]).toBe('not measured (0%)');
  });

  it('compares the leg raise, not the hip flexion, when the truth lies', () => {
    const lying = truthFrame(0, {
      orientation: 'lying',
      angles2d: { ...truthFrame(0).angles2d, legRaiseDeg: legs(80, 5) },
    });
    const [frame] = compareClip([lying], FPS, [appFrame(0, { legRaiseDeg: legs(65, 5) })]);
    expect(frame?.hipOrRaiseDeg).toEqual({ truth: 80, app: 65 });
  });

  it('scores the near leg when both legs work (long-sit)', () => {
    const both = truthFrame(0, { workingLeg: null, nearSide: 'right' });
    const [frame] = compareClip([both], FPS, [appFrame(0)]);
    expect(frame?.hipOrRaiseDeg).toEqual({ truth: 10, app: 10 });
    expect(frame?.workingLeg.truth).toBeNull();
  });

  it('scores the near side only side-on or oblique with the whole body in the picture', () => {
    const truth = [
      truthFrame(0),
      truthFrame(1, { view: 'frontal' }),
      truthFrame(2, { wholeBodyInFrame: false }),
      truthFrame(3, { nearSide: 'right' }),
    ];
    const app = [0, 1, 2, 3].map((i) => appFrame(i));
    const summary = summariseClips('all', [clip(compareClip(truth, FPS, app))]);
    expect(summary.nearSide).toEqual({ truthFrames: 2, measured: 2, agreed: 1 });
    expect(summary.body).toEqual({ truthFrames: 3, measured: 3, agreed: 3 });
  });

  it('scores the working leg only in the stretch proper, and a side not given as unmeasured', () => {
    const truth = [
      truthFrame(0, { phase: 'walk-in' }),
      truthFrame(1, { phase: 'ease-in' }),
      truthFrame(2),
    ];
    const app = [
      appFrame(0, { workingLeg: 'right' }),
      appFrame(1, { workingLeg: null }),
      appFrame(2),
    ];
    const summary = summariseClips('all', [clip(compareClip(truth, FPS, app))]);
    expect(summary.workingLeg).toEqual({ truthFrames: 2, measured: 1, agreed: 1 });
    expect(summaryRow(summary)[8]).toBe('100% (50%)');
  });

  it("takes the truth's knee state from the app's own bands, with their hysteresis", () => {
    // 178° is straight and 120° bent in any of the bands knee.ts defines.
    const truth = [
      truthFrame(0),
      truthFrame(1, { angles2d: { ...truthFrame(1).angles2d, kneeAngleDeg: legs(120, 170) } }),
    ];
    const app = [appFrame(0), appFrame(1, { kneeState: { left: 'straight', right: 'soft' } })];
    const frames = compareClip(truth, FPS, app);
    expect(frames.map((f) => f.kneeState.truth)).toEqual(['straight', 'bent']);
    expect(summariseClips('all', [clip(frames)]).kneeState).toEqual({
      truthFrames: 2,
      measured: 2,
      agreed: 1,
    });
  });

  it("takes the truth's back state from the exact curl at the app's rounded threshold", () => {
    // The back-outline curl reads rounded from 30° (rounding.ts ROUNDED_AT.backContourCurlDeg).
    const truth = [
      truthFrame(0, { backCurlDeg: 10 }),
      truthFrame(1, { backCurlDeg: 40 }),
      truthFrame(2, { backCurlDeg: null }),
    ];
    const app = [appFrame(0), appFrame(1, { backState: 'flat', backCurlDeg: 25 }), appFrame(2)];
    const frames = compareClip(truth, FPS, app);
    expect(frames.map((f) => f.backState.truth)).toEqual(['flat', 'rounded', null]);
    const summary = summariseClips('all', [clip(frames)]);
    expect(summary.backState).toEqual({ truthFrames: 2, measured: 2, agreed: 1 });
    expect(summary.backCurl.medianDeg).toBeCloseTo(8.5);
  });

  it("tells when the detector swapped the legs' labels, and only where the legs are apart", () => {
    const [lk = [0, 0], la = [0, 0], rk = [0, 0], ra = [0, 0]] = KNEES_AND_ANKLES;
    const crossed = [rk, ra, lk, la];
    // Side-on, legs together: each right point 2 px from its left one.
    const together: Point[] = [lk, la, [lk[0] + 2, lk[1]], [la[0] + 2, la[1]]];
    const truth = [truthFrame(0), truthFrame(1), truthFrame(2, { blazepose: landmarks(together) })];
    const app = [appFrame(0), appFrame(1, { legPoints: crossed }), appFrame(2)];
    const frames = compareClip(truth, FPS, app);
    expect(frames.map((f) => f.legsSwapped)).toEqual([false, true, null]);
    expect(summariseClips('all', [clip(frames)]).legsSwapped).toEqual({ judged: 2, swapped: 1 });
    expect(
      compareClip([truthFrame(0)], FPS, [appFrame(0, { legPoints: null })])[0]?.legsSwapped,
    ).toBeNull();
  });

  it('says the back curl is not measured for a model without a mask', () => {
    const frames = compareClip([truthFrame(0)], FPS, [appFrame(0, { backCurlDeg: null })]);
    expect(summaryRow(summariseClips('all', [clip(frames, false)]))[10]).toBe(
      'not measured (no mask)',
    );
  });

  it("lines every Nth sampled frame up with the sidecar's frame at that place", () => {
    const truth = Array.from({ length: 25 }, (_, i) =>
      truthFrame(i, { angles2d: { ...truthFrame(i).angles2d, hipFlexionDeg: legs(i, 0) } }),
    );
    const sampled = [0, 10, 20].map((i) => appFrame(i, { hipFlexionDeg: legs(i, 0) }));
    const frames = compareClip(truth, FPS, sampled);
    expect(frames.map((f) => f.frameIndex)).toEqual([0, 10, 20]);
    expect(frames.every((f) => f.hipOrRaiseDeg.truth === f.hipOrRaiseDeg.app)).toBe(true);
    expect(() => compareClip(truth, FPS, [appFrame(30)])).toThrow(
      /no truth for the video's frame 30/,
    );
  });

  it("reads a perfect detector's poses as the truth (the committed rendered clip)", () => {
    const dir = new URL('../../fixtures/studio/', import.meta.url);
    const truth = readStudioTruth(
      JSON.parse(readFileSync(new URL('set1-17-standing-hamstring.truth.json', dir), 'utf8')),
    );
    const silhouettes = decodeSilhouettes(
      readFileSync(new URL('set1-17-standing-hamstring.silhouettes.bin', dir)),
    );
    const { widthPx, heightPx, fps } = truth.clip;
    const poses = truth.frames.map((frame, position) => ({
      timestampMs: (position * 1000) / fps,
      pose: exactPose(frame.blazepose, widthPx, heightPx, silhouettes.mask(position)),
    }));
    const summary = summariseClips('all', [
      clip(compareClip(truth.frames, fps, appFrames(poses, 0.5))),
    ]);
    for (const angle of [summary.hipOrRaise, summary.knee, summary.ankle, summary.backCurl]) {
      expect(angle.truthFrames).toBeGreaterThan(0);
      expect(angle.p95Deg).toBeLessThan(0.05);
    }
    expect(summary.orientation.agreed).toBe(summary.orientation.truthFrames);
    expect(summary.nearSide.agreed).toBe(summary.nearSide.truthFrames);
    expect(summary.legsSwapped.judged).toBeGreaterThan(0);
    expect(summary.legsSwapped.swapped).toBe(0);
  });
});
