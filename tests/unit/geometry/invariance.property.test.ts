import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialGeometryState,
  measureFrame,
  type BodyMeasures,
  type Side,
} from '../../../src/geometry';
import type { Pose } from '../../../src/geometry/types';
import {
  rotatePose,
  scalePose,
  sideViewPose,
  translatePose,
  turnAround,
  type SideViewSpec,
} from '../../helpers/syntheticPose';

/**
 * Side views over the whole range the stretches use, both facings, both models, drawn well inside
 * a large frame (a joint crossing the image border changes what may be measured, on purpose).
 */
const sideViews: fc.Arbitrary<SideViewSpec> = fc.record({
  hip: fc.constant({ x: 1000, y: 1000 }),
  imageSize: fc.constant({ widthPx: 2000, heightPx: 2000 }),
  facing: fc.constantFrom('left' as const, 'right' as const),
  trunkLeanDeg: fc.double({ min: 0, max: 160, noNaN: true }),
  near: fc.record({
    hipFlexionDeg: fc.double({ min: 0, max: 170, noNaN: true }),
    kneeFlexionDeg: fc.double({ min: -15, max: 120, noNaN: true }),
    ankleDorsiflexionDeg: fc.double({ min: -40, max: 30, noNaN: true }),
  }),
  neckFlexionDeg: fc.double({ min: -30, max: 60, noNaN: true }),
  model: fc.constantFrom('movenet-lightning' as const, 'blazepose-full' as const),
});

function measure(pose: Pose): BodyMeasures {
  return measureFrame(initialGeometryState(), pose, 0)[1];
}

/** The sagittal angles of the near leg and head, as plain numbers (null when unavailable). */
function angles(m: BodyMeasures, side: Side) {
  return [
    m.hipFlexionDeg[side].value,
    m.kneeAngleDeg[side].value,
    m.ankleFlexionDeg[side].value,
    m.neckFlexionDeg.value,
    m.legRaiseDeg[side].value,
  ];
}

function expectSameAngles(a: readonly (number | null)[], b: readonly (number | null)[]): void {
  expect(b.map((v) => v === null)).toEqual(a.map((v) => v === null));
  a.forEach((v, i) => {
    if (v !== null) expect(b[i]).toBeCloseTo(v, 6);
  });
}

describe('geometry does not depend on where or how large the body is in the picture', () => {
  it('gives the same near side and angles after any translation', () => {
    fc.assert(
      fc.property(
        sideViews,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        (spec, dx, dy) => {
          const pose = sideViewPose(spec);
          const before = measure(pose);
          const after = measure(translatePose(pose, dx, dy));
          expect(after.nearSide.value).toBe(before.nearSide.value);
          expectSameAngles(
            angles(before, spec.facing ?? 'right'),
            angles(after, spec.facing ?? 'right'),
          );
        },
      ),
    );
  });

  it('gives the same near side and angles at any scale', () => {
    fc.assert(
      fc.property(sideViews, fc.double({ min: 0.25, max: 4, noNaN: true }), (spec, factor) => {
        const pose = sideViewPose(spec);
        const before = measure(pose);
        const after = measure(scalePose(pose, factor));
        expect(after.nearSide.value).toBe(before.nearSide.value);
        expect(after.view.value).toBe(before.view.value);
        expectSameAngles(
          angles(before, spec.facing ?? 'right'),
          angles(after, spec.facing ?? 'right'),
        );
      }),
    );
  });

  it('gives the same angles, for the other side, when the body turns round (left-right mirror)', () => {
    fc.assert(
      fc.property(sideViews, (spec) => {
        const pose = sideViewPose(spec);
        const side = spec.facing ?? 'right';
        const other: Side = side === 'left' ? 'right' : 'left';
        const before = measure(pose);
        const after = measure(turnAround(pose));
        expect(before.nearSide.value).toBe(side);
        expect(after.nearSide.value).toBe(other);
        expectSameAngles(angles(before, side), angles(after, other));
        expect(after.kneeState[other].value).toBe(before.kneeState[side].value);
      }),
    );
  });

  it('gives the same joint angles with the picture turned any amount', () => {
    fc.assert(
      fc.property(sideViews, fc.double({ min: -180, max: 180, noNaN: true }), (spec, turnDeg) => {
        const pose = sideViewPose(spec);
        const side = spec.facing ?? 'right';
        const before = measure(pose);
        const after = measure(rotatePose(pose, turnDeg));
        for (const pick of [
          (m: BodyMeasures) => m.hipFlexionDeg[side].value,
          (m: BodyMeasures) => m.kneeAngleDeg[side].value,
        ]) {
          const a = pick(before);
          if (a !== null) expect(pick(after)).toBeCloseTo(a, 6);
        }
      }),
    );
  });

  it('reads the hip and knee it was given, signed, for any side view', () => {
    fc.assert(
      fc.property(sideViews, (spec) => {
        const m = measure(sideViewPose(spec));
        const side = spec.facing ?? 'right';
        expect(m.hipFlexionDeg[side].value).toBeCloseTo(spec.near?.hipFlexionDeg ?? NaN, 6);
        expect(m.kneeAngleDeg[side].value).toBeCloseTo(180 - (spec.near?.kneeFlexionDeg ?? NaN), 6);
      }),
    );
  });
});
