import { describe, expect, it } from 'vitest';
import { readouts } from '../../../src/coach/view/readouts';
import { stretchById } from '../../../src/protocol';
import type { BodyMeasures, UnavailableReason } from '../../../src/geometry/measures';
import { bodyMeasures } from '../protocol/measuresBuilder';
import { begin } from '../protocol/sessionDriver';

const standing = stretchById('standing-hamstring');
const roundingCheck = standing.checks.find((c) => c.measure.measure === 'roundingIndex');
if (roundingCheck === undefined) throw new Error('no rounding check');

type Phase = 'setup' | 'hold' | 'rest';

/** The session in `phase` (a hold unless told), optionally paused. */
function inPhase(phase: Phase = 'hold', paused = false) {
  return { ...begin([standing]), phase, paused: paused ? { sinceMs: 0 } : null };
}

function backReadout(roundingIndex: number, phase: Phase = 'hold') {
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
  const view = readouts({ state: inPhase(phase), measures, leg: 'left' });
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

  it('a back read as rounded in a hold is never shown as good, even before the fault is judged', () => {
    const back = backReadout(roundingCheck.enter + 0.5);
    expect(back.value).toBe('rounded');
    expect(back.status).toBe('warn');
    expect(back.detail).toBe(roundingCheck.cue);
  });

  it.each<Phase>(['setup', 'rest'])(
    'in %s shows the numbers with no verdict and no advice',
    (phase) => {
      const back = backReadout(roundingCheck.enter + 0.5, phase);
      expect(back).toMatchObject({ value: 'rounded', status: 'info', detail: null });
      const measures = bodyMeasures({ nearSide: 'left', workingLeg: 'left', hipFlexionDeg: 20 });
      for (const r of readouts({ state: inPhase(phase), measures, leg: 'left' })) {
        expect(r.detail).toBeNull();
        expect(['info', 'unknown']).toContain(r.status);
      }
    },
  );

  it('gives no advice while a hold is paused', () => {
    const measures = bodyMeasures({ nearSide: 'left', workingLeg: 'left', hipFlexionDeg: 20 });
    const view = readouts({ state: inPhase('hold', true), measures, leg: 'left' });
    expect(view.every((r) => r.detail === null)).toBe(true);
  });

  it('says a hinge short of the target is not far enough, not close to a limit', () => {
    const measures = bodyMeasures({ nearSide: 'left', workingLeg: 'left', hipFlexionDeg: 20 });
    const depth = readouts({ state: inPhase('hold'), measures, leg: 'left' }).find(
      (r) => r.id === 'depth',
    );
    if (standing.kind !== 'hold') throw new Error('the standing stretch is a hold');
    expect(depth).toMatchObject({ value: '20°', status: 'short', detail: standing.target.cue });
  });

  it.each<[string, Phase, string]>([
    ['no-mask', 'hold', "This model can't see the outline of your back - BlazePose full can."],
    ['no-mask', 'setup', "This model can't see the outline of your back - BlazePose full can."],
    [
      'outline-unclear',
      'hold',
      'Turn side-on to the camera so I can see the outline of your back.',
    ],
  ])(
    'a back with no outline (%s) in %s is "not checked", with the reason',
    (reason, phase, why) => {
      const measures = bodyMeasures({
        nearSide: 'left',
        workingLeg: 'left',
        hipFlexionDeg: 60,
        roundingIndex: reason as UnavailableReason,
      });
      const back = readouts({ state: inPhase(phase), measures, leg: 'left' }).find(
        (r) => r.id === 'back',
      );
      expect(back).toMatchObject({ value: 'not checked', status: 'unchecked', detail: why });
    },
  );
});
