import { describe, expect, it } from 'vitest';
import type { StretchDefinitionInput } from '../../../src/protocol';
import {
  STRETCHES,
  StretchDefinitionError,
  stretchDefinitionProblems,
  validateStretchDefinition,
} from '../../../src/protocol';
import { buildRegistry } from '../../../src/protocol/stretches/registry';
import { sciaticNerveGlide } from '../../../src/protocol/stretches/sciaticNerveGlide';
import { standingHamstring } from '../../../src/protocol/stretches/standingHamstring';

describe('validateStretchDefinition', () => {
  it('fills the hold defaults from the seeds: 30 s, 2 reps, and a rest', () => {
    const stretch = validateStretchDefinition({ ...standingHamstring, dose: { kind: 'hold' } });
    expect(stretch.kind).toBe('hold');
    expect(stretch.dose).toEqual({
      kind: 'hold',
      holdMs: 30_000,
      reps: 2,
      restMs: 15_000,
      longBreakMs: 3_000,
    });
    expect(stretch.camera.views).toEqual(['side']);
  });

  it('fills the glide defaults: 10 reps x 2 sets, a minimum rep time and an end-hold limit', () => {
    const stretch = validateStretchDefinition({ ...sciaticNerveGlide, dose: { kind: 'glide' } });
    expect(stretch.dose).toMatchObject({ repsPerSet: 10, sets: 2, minRepMs: 1_200 });
  });

  const bad: readonly [string, Partial<StretchDefinitionInput>, RegExp][] = [
    [
      'a hold over 30 s',
      { dose: { kind: 'hold', holdMs: 45_000 } },
      /holdMs must be within 20000-30000/,
    ],
    ['a hold under 20 s', { dose: { kind: 'hold', holdMs: 10_000 } }, /holdMs/],
    ['4 reps', { dose: { kind: 'hold', reps: 4 } }, /reps must be within 2-3/],
    ['2.5 reps', { dose: { kind: 'hold', reps: 2.5 } }, /reps must be a whole number/],
    ['an id that is not kebab-case', { id: 'Standing Stretch' }, /kebab-case/],
    ['no target', { target: undefined }, /needs a target position/],
    [
      'hysteresis pointing the wrong way',
      {
        checks: [
          {
            id: 'back-rounded',
            aspect: 'back',
            measure: { measure: 'roundingIndex' },
            faultWhen: 'above',
            enter: 1,
            leave: 1.2,
            gatesHold: true,
            cue: 'Long back.',
          },
        ],
      },
      /leave \(1.2\) must be below enter \(1\)/,
    ],
    [
      'a per-leg measure without a leg',
      {
        target: {
          measure: { measure: 'hipFlexionDeg' } as never,
          reachedWhen: 'above',
          enter: 60,
          leave: 50,
          cue: 'Further.',
        },
      },
      /per leg and needs leg/,
    ],
    [
      'two checks with one id',
      { checks: [standingHamstring.checks[0]!, standingHamstring.checks[0]!] },
      /duplicate id/,
    ],
  ];
  it.each(bad)('rejects %s with a clear message', (_, change, message) => {
    const input = { ...standingHamstring, ...change };
    expect(() => validateStretchDefinition(input)).toThrow(StretchDefinitionError);
    expect(stretchDefinitionProblems(input).join('\n')).toMatch(message);
  });

  it('rejects glides outside 10-15 reps x 2-3 sets and ends that do not differ', () => {
    const problems = stretchDefinitionProblems({
      ...sciaticNerveGlide,
      dose: { kind: 'glide', repsPerSet: 20, sets: 1 },
      glide: { ...sciaticNerveGlide.glide!, b: sciaticNerveGlide.glide!.a },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/repsPerSet must be within 10-15/),
        expect.stringMatching(/sets must be within 2-3/),
        expect.stringMatching(/must differ in neck/),
      ]),
    );
  });

  it('lists every problem at once', () => {
    const problems = stretchDefinitionProblems({
      ...standingHamstring,
      name: ' ',
      dose: { kind: 'hold', holdMs: 1, reps: 9 },
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the stretch registry', () => {
  it('offers the four stretches of the seeds, each valid', () => {
    expect(STRETCHES.map((s) => s.id)).toEqual([
      'standing-hamstring',
      'seated-long-sit',
      'supine-strap',
      'sciatic-nerve-glide',
    ]);
  });

  it('gives every hold a 20-30 s hold, 2-3 reps and a side view', () => {
    for (const stretch of STRETCHES) {
      expect(stretch.camera.views).toContain('side');
      if (stretch.kind !== 'hold') continue;
      expect(stretch.dose.holdMs).toBeGreaterThanOrEqual(20_000);
      expect(stretch.dose.holdMs).toBeLessThanOrEqual(30_000);
      expect(stretch.dose.reps).toBeGreaterThanOrEqual(2);
    }
  });

  it('rejects two stretches with the same id', () => {
    expect(() => buildRegistry([standingHamstring, standingHamstring])).toThrow(/share the id/);
  });
});
