import { describe, expect, it } from 'vitest';
import {
  available,
  classifyBack,
  combineRounding,
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

describe('one rounding index', () => {
  const contour = (index: number, confidence = 0.9) =>
    available<Rounding>({ index, method: 'back-contour' }, confidence);
  const neck = (index: number) =>
    available<Rounding>({ index, method: 'neck-flexion' }, WEAK_CUE_MAX_CONFIDENCE);
  const chord = (index: number) =>
    available<Rounding>({ index, method: 'trunk-chord' }, WEAK_CUE_MAX_CONFIDENCE);

  it.each([
    [
      'a long back with the head hanging is not rounded',
      contour(0.2),
      [neck(1.6)],
      'back-contour',
      0.2,
    ],
    ['a rounded back with the chin up is rounded', contour(1.3), [neck(0)], 'back-contour', 1.3],
    [
      'without an outline, the larger weak cue stands in',
      unavailable('no-mask'),
      [chord(0.4), neck(1.1)],
      'neck-flexion',
      1.1,
    ],
    [
      'an outline seen front-on gives way to a weak cue',
      contour(0, 0.15),
      [chord(0.9)],
      'trunk-chord',
      0.9,
    ],
    [
      'a faint outline is better than nothing',
      contour(0.5, 0.15),
      [unavailable('not-calibrated'), unavailable('not-applicable')],
      'back-contour',
      0.5,
    ],
  ] as const)('%s', (_, outline, cues, method, index) => {
    expect(combineRounding(outline, cues).value).toEqual({ index, method });
  });

  it("says why when there is nothing to measure from, in the head's words", () => {
    const missingEars = unavailable('low-confidence', ['left_ear', 'right_ear']);
    expect(
      combineRounding(unavailable('no-mask'), [unavailable('not-calibrated'), missingEars]),
    ).toBe(missingEars);
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
