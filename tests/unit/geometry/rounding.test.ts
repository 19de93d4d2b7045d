import { describe, expect, it } from 'vitest';
import {
  available,
  classifyBack,
  backRounding,
  MIN_CONTOUR_CONFIDENCE,
  degrees,
  EMPTY_ROUNDING_WINDOW,
  pushReading,
  ROUNDED_AT,
  ROUNDING_WINDOW_MS,
  roundingFromNeckFlexion,
  roundingFromTrunkChord,
  TRUSTED_ROUNDING_CONFIDENCE,
  unavailable,
  WEAK_CUE_MAX_CONFIDENCE,
  windowedContour,
  type Measured,
  type Rounding,
  type RoundingWindow,
} from '../../../src/geometry';

const upright = available(degrees(10), 0.9);
const folded = available(degrees(140), 0.9);

describe('weak rounding cues', () => {
  it('scales neck flexion so the rounded threshold is 1 and a head tipped back is 0', () => {
    const at = (deg: number) =>
      roundingFromNeckFlexion(available(degrees(deg), 0.8), upright).value?.index;
    expect(at(ROUNDED_AT.neckFlexionDeg)).toBeCloseTo(1, 9);
    expect(at(ROUNDED_AT.neckFlexionDeg / 2)).toBeCloseTo(0.5, 9);
    expect(at(-20)).toBe(0);
  });

  it('does not read a head hanging below a trunk past horizontal as rounding', () => {
    expect(roundingFromNeckFlexion(available(degrees(50), 0.9), folded)).toMatchObject({
      value: null,
      reason: 'not-applicable',
    });
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

  it('never trusts either cue as far as a back outline', () => {
    const neck = roundingFromNeckFlexion(available(degrees(50), 1), upright);
    const chord = roundingFromTrunkChord(available(0.4, 1), 0.6);
    for (const cue of [neck, chord]) {
      expect(cue.confidence).toBeLessThanOrEqual(WEAK_CUE_MAX_CONFIDENCE);
      expect(cue.confidence).toBeLessThan(TRUSTED_ROUNDING_CONFIDENCE);
    }
  });
});

describe('one rounding index: the outline or nothing', () => {
  const contour = (index: number, confidence = 0.9) =>
    available<Rounding>({ index, method: 'back-contour' }, confidence);

  it('a long back with the head hanging is read from the outline alone', () => {
    expect(backRounding(contour(0.2)).value).toEqual({ index: 0.2, method: 'back-contour' });
  });

  it('a rounded back with the chin up is rounded', () => {
    expect(backRounding(contour(1.3)).value).toEqual({ index: 1.3, method: 'back-contour' });
  });

  // Before: without a mask the larger weak cue (neck flexion, trunk chord) stood in. Those
  // follow the head, not the spine, so the back is now not checked, and says why.
  it('without a mask the back is not checked, and the reason is the missing mask', () => {
    expect(backRounding(unavailable('no-mask'))).toMatchObject({ value: null, reason: 'no-mask' });
  });

  it('an outline too faint to read (seen front-on) is not checked either', () => {
    expect(backRounding(contour(1.4, MIN_CONTOUR_CONFIDENCE - 0.01))).toMatchObject({
      value: null,
      reason: 'outline-unclear',
    });
    expect(backRounding(unavailable('low-confidence'))).toMatchObject({
      reason: 'outline-unclear',
    });
  });

  it('a hip or shoulder not seen is passed on as a joint not seen', () => {
    const missing = unavailable('low-confidence', ['left_shoulder']);
    expect(backRounding(missing)).toBe(missing);
  });

  it('classifies the back with hysteresis: rounded from 1, flat again below 0.8', () => {
    expect(classifyBack(0.99)).toBe('flat');
    expect(classifyBack(1)).toBe('rounded');
    expect(classifyBack(0.85, 'rounded')).toBe('rounded');
    expect(classifyBack(0.79, 'rounded')).toBe('flat');
  });
});

describe('the back outline over a short window', () => {
  const reading = (index: number): Measured<Rounding> =>
    available({ index, method: 'back-contour' }, 0.8);

  function run(indices: readonly (number | null)[], stepMs: number): Measured<Rounding>[] {
    let window: RoundingWindow = EMPTY_ROUNDING_WINDOW;
    return indices.map((index, i) => {
      const now = index === null ? unavailable('low-confidence') : reading(index);
      window = pushReading(window, now, i * stepMs);
      return windowedContour(window, now);
    });
  }

  it('ignores a single frame thrown off (a hand passing the back)', () => {
    const out = run([0.3, 0.3, 0.3, 2.5, 0.3, 0.3], 100);
    expect(out.map((m) => m.value?.index)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
  });

  it.each([33, 50, 100])(
    'ignores a single frame thrown off at one frame every %d ms (30 to 10 frames/s)',
    (stepMs) => {
      const out = run([0.3, 0.3, 0.3, 0.3, 2.5, 0.3, 0.3, 0.3], stepMs);
      expect(out.slice(2).every((m) => m.value?.index === 0.3)).toBe(true);
    },
  );

  it(`follows a real change within half the window (${ROUNDING_WINDOW_MS} ms)`, () => {
    const out = run([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4], 100);
    const firstRounded = out.findIndex((m) => (m.value?.index ?? 0) >= 1);
    expect((firstRounded - 6) * 100).toBeLessThanOrEqual(ROUNDING_WINDOW_MS / 2);
  });

  it('forgets readings older than the window, and a clock that went back', () => {
    let window = pushReading(EMPTY_ROUNDING_WINDOW, reading(2), 0);
    window = pushReading(window, reading(0.1), ROUNDING_WINDOW_MS + 1);
    expect(window).toHaveLength(1);
    window = pushReading(window, reading(0.5), 0);
    expect(window.map((r) => r.index)).toEqual([0.5]);
  });

  it('does not fill a frame without an outline from earlier ones', () => {
    const out = run([0.3, 0.3, null], 100);
    expect(out[2]?.value).toBeNull();
  });
});
