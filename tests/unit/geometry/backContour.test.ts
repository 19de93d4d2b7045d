import { describe, expect, it } from 'vitest';
import {
  curlSagittaRatio,
  measureBackContour,
  roundingFromBackContour,
  ROUNDED_AT,
} from '../../../src/geometry';
import { armBehindBack, FIRST_STATION, LAST_STATION } from '../../../src/geometry/backContour';
import type { SegmentationMask } from '../../../src/geometry/types';
import { maskFrom, sideViewPose } from '../../helpers/syntheticPose';

/**
 * A trunk standing upright in a 256 px frame (mask = image), hips at y 200, shoulders at y 80,
 * facing right, so the back is on the left. The back outline stands `depthPx(t)` behind the
 * chord at height t (0 at the hip, 1 at the shoulder); the measured stations run from
 * t = FIRST_STATION to LAST_STATION.
 */
const HIP = { x: 128, y: 200 };
const SHOULDER = { x: 128, y: 80 };
const CHORD = 120;
const SPAN = (LAST_STATION - FIRST_STATION) * CHORD;
const IMAGE = { widthPx: 256, heightPx: 256 };

function trunkMask(
  depthPx: (t: number) => number,
  facing: 'left' | 'right' = 'right',
): SegmentationMask {
  return maskFrom(256, 256, (x, y) => {
    const t = (HIP.y - y) / CHORD;
    if (t < -0.2 || t > 1.3) return false;
    const offset = facing === 'right' ? HIP.x - x : x - HIP.x;
    return offset <= depthPx(t) && offset >= -40;
  });
}

/** An outline bowed out behind by a circular-arc-like parabola turning through `curlDeg`. */
function curledBack(curlDeg: number, baseDepthPx = 30): (t: number) => number {
  const sagittaPx = curlSagittaRatio(curlDeg) * SPAN;
  return (t) => {
    const u = (t - FIRST_STATION) / (LAST_STATION - FIRST_STATION);
    return baseDepthPx + sagittaPx * 4 * u * (1 - u);
  };
}

const curlOf = (mask: SegmentationMask): number =>
  measureBackContour(mask, IMAGE, HIP, SHOULDER, 'right')?.curlDeg ?? NaN;

describe('back contour', () => {
  it('reads a flat back as no curl, however deep the trunk and however slanted the outline', () => {
    // Deeper at the shoulder blades than at the pelvis: a straight outline at a slant.
    expect(Math.abs(curlOf(trunkMask((t) => 20 + 15 * t)))).toBeLessThan(1);
    expect(Math.abs(curlOf(trunkMask(() => 45)))).toBeLessThan(1);
    expect(
      measureBackContour(
        trunkMask(() => 30),
        IMAGE,
        HIP,
        SHOULDER,
        'right',
      )?.coverage,
    ).toBe(1);
  });

  it.each([15, 30, 60])('reads a back curled through %d° as that curl, within 2°', (curlDeg) => {
    expect(Math.abs(curlOf(trunkMask(curledBack(curlDeg))) - curlDeg)).toBeLessThan(2);
  });

  it('reads a hollow back (an outline bowed in) as a negative curl', () => {
    const hollow = curledBack(-25);
    expect(Math.abs(curlOf(trunkMask(hollow)) + 25)).toBeLessThan(2);
  });

  it('hardly moves for one station thrown off by a stray blob in the mask', () => {
    const blob = (t: number) => (Math.abs(t - 0.6) < 0.03 ? 50 : 30);
    expect(Math.abs(curlOf(trunkMask(blob)))).toBeLessThan(5);
  });

  it('leaves the neck and head beyond the shoulder out of it', () => {
    // A head hanging past the shoulder: the outline drops away above t = 1.15.
    const hangingHead = (t: number) => (t > 1.15 ? 0 : 30);
    expect(curlOf(trunkMask(hangingHead))).toBeCloseTo(0, 0);
  });

  it('does not measure an outline that steps, as the edge of an arm, a bar or another person does', () => {
    // From t = 0.5 up, something standing 40 px further out merges with the back.
    const step = (t: number) => (t >= 0.5 ? 70 : 30);
    expect(measureBackContour(trunkMask(step), IMAGE, HIP, SHOULDER, 'right')).toBeNull();
  });

  it('looks behind the body on the side away from the facing direction', () => {
    const mirroredHip = { x: 256 - HIP.x, y: HIP.y };
    const mirroredShoulder = { x: 256 - SHOULDER.x, y: SHOULDER.y };
    const contour = measureBackContour(
      trunkMask(curledBack(30), 'left'),
      IMAGE,
      mirroredHip,
      mirroredShoulder,
      'left',
    );
    expect(Math.abs((contour?.curlDeg ?? NaN) - 30)).toBeLessThan(2);
  });

  it('scales mask pixels to image pixels (the mask is smaller than the frame)', () => {
    const image = { widthPx: 1024, heightPx: 1024 };
    const scaled = (p: { x: number; y: number }) => ({ x: p.x * 4, y: p.y * 4 });
    const contour = measureBackContour(
      trunkMask(curledBack(30)),
      image,
      scaled(HIP),
      scaled(SHOULDER),
      'right',
    );
    expect(Math.abs((contour?.curlDeg ?? NaN) - 30)).toBeLessThan(2);
    expect(contour?.chordMaskPx).toBeCloseTo(CHORD, 6);
  });

  it('reads a mask cut to the person where its region says it lies in the frame', () => {
    // The 256 px trunk mask covers the part of a 1920 x 1080 frame from (800, 300), at 2 image
    // pixels per mask pixel: the same back as above, found at the same curl.
    const image = { widthPx: 1920, heightPx: 1080 };
    const region = { leftPx: 800, topPx: 300, widthPx: 512, heightPx: 512 };
    const inFrame = (p: { x: number; y: number }) => ({ x: 800 + p.x * 2, y: 300 + p.y * 2 });
    const mask = { ...trunkMask(curledBack(30)), region };
    const contour = measureBackContour(mask, image, inFrame(HIP), inFrame(SHOULDER), 'right');
    expect(Math.abs((contour?.curlDeg ?? NaN) - 30)).toBeLessThan(2);
    expect(contour?.chordMaskPx).toBeCloseTo(CHORD, 6);
  });

  it('counts the frame outside a cut mask as background', () => {
    // The region ends 20 px behind the back: the outline is where the region ends, not beyond.
    const image = { widthPx: 512, heightPx: 512 };
    const region = { leftPx: 108 - 20, topPx: 0, widthPx: 256, heightPx: 256 };
    const everywhere = { ...maskFrom(256, 256, () => true), region };
    const hip = { x: 108 + 20, y: HIP.y };
    const shoulder = { x: 108 + 20, y: SHOULDER.y };
    const contour = measureBackContour(everywhere, image, hip, shoulder, 'right');
    expect(contour?.coverage).toBe(1);
    expect(Math.abs(contour?.curlDeg ?? NaN)).toBeLessThan(1);
  });

  it('gives up on a trunk too short to resolve, without a person under the chord, or with a third of the outline missing', () => {
    expect(
      measureBackContour(
        trunkMask(() => 30),
        IMAGE,
        HIP,
        { x: 128, y: 190 },
        'right',
      ),
    ).toBeNull();
    expect(
      measureBackContour(
        maskFrom(256, 256, () => false),
        IMAGE,
        HIP,
        SHOULDER,
        'right',
      ),
    ).toBeNull();
    // Nothing of the person above t = 0.75: the upper third has no edge.
    const cut = maskFrom(256, 256, (x, y) => (HIP.y - y) / CHORD < 0.75 && Math.abs(x - 128) < 30);
    expect(measureBackContour(cut, IMAGE, HIP, SHOULDER, 'right')).toBeNull();
  });

  it('notices an arm lying behind the back, but not one hanging beside it', () => {
    expect(armBehindBack([{ x: 90, y: 150 }], HIP, SHOULDER, 'right')).toBe(true);
    expect(armBehindBack([{ x: 125, y: 150 }], HIP, SHOULDER, 'right')).toBe(false);
    expect(armBehindBack([{ x: 170, y: 150 }], HIP, SHOULDER, 'right')).toBe(false);
  });
});

describe('rounding from the back contour', () => {
  const pose = (curlDeg: number) => ({
    ...sideViewPose({
      model: 'blazepose-full',
      hip: HIP,
      scalePx: CHORD,
      imageSize: IMAGE,
      armDeg: 180,
    }),
    segmentation: trunkMask(curledBack(curlDeg)),
  });

  it.each([
    [0, 0],
    [ROUNDED_AT.backContourCurlDeg, 1],
    [2 * ROUNDED_AT.backContourCurlDeg, 2],
  ])('turns a %d° curl into an index of %d (1 = the rounded line)', (curlDeg, index) => {
    const rounding = roundingFromBackContour(pose(curlDeg), 'right', 0.5);
    expect(rounding.value?.method).toBe('back-contour');
    expect(rounding.value?.index ?? NaN).toBeCloseTo(index, 1);
  });

  it('counts a hollow back as 0, not as negative rounding', () => {
    expect(roundingFromBackContour(pose(-30), 'right', 0.5).value?.index).toBe(0);
  });

  it('needs a mask and a known facing', () => {
    expect(
      roundingFromBackContour({ ...pose(0), segmentation: undefined }, 'right', 0.5),
    ).toMatchObject({ reason: 'no-mask' });
    expect(roundingFromBackContour(pose(0), null, 0.5)).toMatchObject({ value: null });
  });

  it('trusts a trunk long in the mask fully and a short one less', () => {
    const long = roundingFromBackContour(pose(0), 'right', 0.5);
    expect(long.confidence).toBeGreaterThan(0.8);
    const small = {
      ...pose(0),
      // The same body seen in a mask a quarter the size: a 30 px trunk.
      segmentation: maskFrom(64, 64, (x, y) => {
        const t = (HIP.y - y * 4) / CHORD;
        return t >= -0.2 && t <= 1.3 && HIP.x - x * 4 <= 30 && HIP.x - x * 4 >= -40;
      }),
    };
    const short = roundingFromBackContour(small, 'right', 0.5);
    expect(short.value?.index ?? NaN).toBeLessThan(0.5);
    expect(short.confidence).toBeLessThan(long.confidence * 0.7);
  });
});
