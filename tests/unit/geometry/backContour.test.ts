import { describe, expect, it } from 'vitest';
import {
  combineRounding,
  classifyBack,
  measureBackContour,
  roundingFromBackContour,
  roundingFromNeckFlexion,
  roundingFromTrunkChord,
  ROUNDED_AT,
  available,
  degrees,
  unavailable,
  type Rounding,
} from '../../../src/geometry';
import {
  armBehindBack,
  BULGE_PER_SAGITTA,
  curlBulgeRatio,
} from '../../../src/geometry/backContour';
import { maskFrom, sideViewPose } from '../../helpers/syntheticPose';

/**
 * A trunk standing upright in a 256 px frame (mask = image), hips at y 200, shoulders at y 80,
 * facing right, so the back is on the left. The back outline stands `depth` px behind the chord
 * plus a bulge of `sagittaPx` shaped 4u(1-u) over the measured stations (u from 0 to 1 between
 * 10% and 110% of the chord); its bulge ratio is then BULGE_PER_SAGITTA * sagitta / chord.
 */
const HIP = { x: 128, y: 200 };
const SHOULDER = { x: 128, y: 80 };
const CHORD = 120;

function trunkMask(sagittaPx: number, facing: 'left' | 'right' = 'right') {
  return maskFrom(256, 256, (x, y) => {
    const t = (HIP.y - y) / CHORD;
    if (t < -0.2 || t > 1.3) return false;
    const u = (t - 0.1) / 1.0;
    const backDepth = 30 + sagittaPx * 4 * u * (1 - u);
    const offset = facing === 'right' ? HIP.x - x : x - HIP.x;
    return offset <= backDepth && offset >= -40;
  });
}

describe('back contour', () => {
  it('reads a flat back as no bulge, however deep the trunk', () => {
    const contour = measureBackContour(
      trunkMask(0),
      { widthPx: 256, heightPx: 256 },
      HIP,
      SHOULDER,
      'right',
    );
    expect(contour?.bulgeRatio).toBeCloseTo(0, 2);
    expect(contour?.coverage).toBe(1);
  });

  it.each([6, 12, 24])('reads a %d px hump in proportion to its sagitta', (sagittaPx) => {
    const contour = measureBackContour(
      trunkMask(sagittaPx),
      { widthPx: 256, heightPx: 256 },
      HIP,
      SHOULDER,
      'right',
    );
    expect(contour?.bulgeRatio ?? NaN).toBeCloseTo((BULGE_PER_SAGITTA * sagittaPx) / CHORD, 2);
  });

  it('looks behind the body on the side away from the facing direction', () => {
    const mirrored = { x: 256 - HIP.x, y: HIP.y };
    const mirroredShoulder = { x: 256 - SHOULDER.x, y: SHOULDER.y };
    const contour = measureBackContour(
      trunkMask(12, 'left'),
      { widthPx: 256, heightPx: 256 },
      mirrored,
      mirroredShoulder,
      'left',
    );
    expect(contour?.bulgeRatio ?? NaN).toBeCloseTo((BULGE_PER_SAGITTA * 12) / CHORD, 2);
  });

  it('scales mask pixels to image pixels (the mask is smaller than the frame)', () => {
    const image = { widthPx: 1024, heightPx: 1024 };
    const scaled = (p: { x: number; y: number }) => ({ x: p.x * 4, y: p.y * 4 });
    const contour = measureBackContour(
      trunkMask(12),
      image,
      scaled(HIP),
      scaled(SHOULDER),
      'right',
    );
    expect(contour?.bulgeRatio ?? NaN).toBeCloseTo((BULGE_PER_SAGITTA * 12) / CHORD, 2);
  });

  it('gives up on a trunk too short to resolve or without a person under the chord', () => {
    const image = { widthPx: 256, heightPx: 256 };
    expect(measureBackContour(trunkMask(0), image, HIP, { x: 128, y: 190 }, 'right')).toBeNull();
    const empty = maskFrom(256, 256, () => false);
    expect(measureBackContour(empty, image, HIP, SHOULDER, 'right')).toBeNull();
  });

  it('notices an arm lying behind the back, but not one hanging beside it', () => {
    expect(armBehindBack([{ x: 90, y: 150 }], HIP, SHOULDER, 'right')).toBe(true);
    expect(armBehindBack([{ x: 125, y: 150 }], HIP, SHOULDER, 'right')).toBe(false);
    expect(armBehindBack([{ x: 170, y: 150 }], HIP, SHOULDER, 'right')).toBe(false);
  });

  it('turns into a rounding index of 1 at the rounded threshold, with the mask from the pose', () => {
    // The threshold curl over the stations: sagitta tan(curl/4)/2 of the chord.
    const sagittaPx = (curlBulgeRatio(40) / BULGE_PER_SAGITTA) * CHORD;
    const pose = {
      ...sideViewPose({
        model: 'blazepose-full',
        hip: HIP,
        scalePx: CHORD,
        imageSize: { widthPx: 256, heightPx: 256 },
      }),
      segmentation: trunkMask(sagittaPx),
    };
    const rounding = roundingFromBackContour(pose, 'right', 0.5);
    expect(rounding.value?.method).toBe('back-contour');
    expect(rounding.value?.index ?? NaN).toBeCloseTo(
      (BULGE_PER_SAGITTA * sagittaPx) / CHORD / ROUNDED_AT.backContourBulge,
      1,
    );
    expect(
      roundingFromBackContour({ ...pose, segmentation: undefined }, 'right', 0.5),
    ).toMatchObject({ reason: 'no-mask' });
  });
});

describe('rounding index', () => {
  it('scales neck flexion so the rounded threshold is 1 and a head tipped back is 0', () => {
    const at = (deg: number) => roundingFromNeckFlexion(available(degrees(deg), 0.8)).value?.index;
    expect(at(ROUNDED_AT.neckFlexionDeg)).toBeCloseTo(1, 9);
    expect(at(ROUNDED_AT.neckFlexionDeg / 2)).toBeCloseTo(0.5, 9);
    expect(at(-20)).toBe(0);
  });

  it('says not-calibrated for the trunk chord until an upright length is known', () => {
    expect(roundingFromTrunkChord(available(0.5, 0.9), null)).toMatchObject({
      reason: 'not-calibrated',
    });
    const shortened = 1 - ROUNDED_AT.trunkChordShortening;
    expect(roundingFromTrunkChord(available(0.6 * shortened, 0.9), 0.6).value?.index).toBeCloseTo(
      1,
      9,
    );
  });

  const shape = (index: number, confidence = 0.9) =>
    available<Rounding>({ index, method: 'back-contour' }, confidence);
  const neck = (index: number) => available<Rounding>({ index, method: 'neck-flexion' }, 0.7);

  it.each([
    [shape(0.4), neck(1.3), 'neck-flexion', 1.3],
    [shape(1.2), neck(0.3), 'back-contour', 1.2],
    [unavailable('no-mask'), neck(0.3), 'neck-flexion', 0.3],
  ] as const)(
    'reports the larger of trunk shape and head, with its method (%#)',
    (a, b, method, index) => {
      const combined = combineRounding([a], b);
      expect(combined.value).toEqual({ index, method });
    },
  );

  it('lets a trunk-shape method below 0.3 confidence give way to the next', () => {
    const chord = available<Rounding>({ index: 0.2, method: 'trunk-chord' }, 0.8);
    expect(
      combineRounding([shape(0.1, 0.2), chord], unavailable('low-confidence')).value?.method,
    ).toBe('trunk-chord');
  });

  it('classifies the back with hysteresis: rounded from 1, flat again below 0.8', () => {
    expect(classifyBack(0.99)).toBe('flat');
    expect(classifyBack(1)).toBe('rounded');
    expect(classifyBack(0.85, 'rounded')).toBe('rounded');
    expect(classifyBack(0.79, 'rounded')).toBe('flat');
  });
});
