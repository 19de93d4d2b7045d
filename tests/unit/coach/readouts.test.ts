import { describe, expect, it } from 'vitest';
import { readouts } from '../../../src/coach/view/readouts';
import { stretchById } from '../../../src/protocol';
import type { BodyMeasures } from '../../../src/geometry/measures';
import { bodyMeasures } from '../protocol/measuresBuilder';
import { begin } from '../protocol/sessionDriver';

const standing = stretchById('standing-hamstring');
const roundingCheck = standing.checks.find((c) => c.measure.measure === 'roundingIndex');
if (roundingCheck === undefined) throw new Error('no rounding check');

function backReadout(roundingIndex: number) {
  const base = bodyMeasures({
    nearSide: 'left',
    workingLeg: 'left',
    hipFlexionDeg: 60,
    roundingIndex,
  });
  const measures: BodyMeasures = {
    ...base,
    backState: { value: roundingIndex >= 1 ? 'rounded' : 'flat', confidence: 0.9 },
  };
  const view = readouts({ state: begin([standing]), measures, leg: 'left' });
  const back = view.find((r) => r.id === 'back');
  if (back === undefined) throw new Error('no back readout');
  return back;
}

describe('live readouts', () => {
  it('a back well inside the limit is good', () => {
    const back = backReadout(roundingCheck.leave - 0.3);
    expect(back).toMatchObject({ value: 'flat', status: 'good', detail: null });
  });

  it('a back in the hysteresis band is close to the limit', () => {
    expect(backReadout((roundingCheck.leave + roundingCheck.enter) / 2).status).toBe('warn');
  });

  it('a back read as rounded is never shown as good, even before the fault is judged', () => {
    // Setup phase: form faults are not judged yet, so no fault is on.
    const back = backReadout(roundingCheck.enter + 0.5);
    expect(back.value).toBe('rounded');
    expect(back.status).toBe('warn');
    expect(back.detail).toBe(roundingCheck.cue);
  });
});
