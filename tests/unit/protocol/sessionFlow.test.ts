import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/protocol';
import { stretchById, TIME_TICK } from '../../../src/protocol';
import type { MeasuresSpec } from './measuresBuilder';
import { bodyMeasures, nobody } from './measuresBuilder';
import { begin, ofType, runFrames, runUntil, send } from './sessionDriver';

const standing = stretchById('standing-hamstring');
const longSit = stretchById('seated-long-sit');
const glide = stretchById('sciatic-nerve-glide');
const NO = { tingling: false, numbness: false, sharpPain: false };

/** A cooperative user in the standing stretch: on the leg the session wants, hinged to 70. */
function standingUser(extra: MeasuresSpec = {}) {
  return (t: number, state: SessionState) =>
    bodyMeasures(
      {
        orientation: 'upright',
        workingLeg: state.pass === 1 ? 'right' : 'left',
        hipFlexionDeg: 70,
        kneeAngleDeg: 176,
        otherKneeAngleDeg: 174,
        ...extra,
      },
      t,
    );
}

describe('the session machine: flow', () => {
  it('runs setup, a 3-2-1 countdown and two 30 s holds per leg with rests, then the symptom check', () => {
    const run = runUntil(begin([standing]), 0, (s) => s.phase === 'symptom-check', standingUser());
    const reps = ofType(run.events, 'rep-ended');
    expect(reps.map((r) => [r.leg, r.rep, r.completed])).toEqual([
      ['left', 1, true],
      ['left', 2, true],
      ['right', 1, true],
      ['right', 2, true],
    ]);
    for (const rep of reps) {
      expect(rep.heldInFormMs).toBe(30_000);
      expect(rep.breaks).toBe(0);
      // The first few frames of a rep are spent reaching the position.
      expect(rep.totalMs).toBeCloseTo(30_000, -2);
    }
    expect(ofType(run.events, 'countdown-tick').map((t) => t.remaining)).toEqual([
      3, 2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1,
    ]);
    expect(ofType(run.events, 'switch-leg')).toEqual([expect.objectContaining({ to: 'right' })]);
    expect(ofType(run.events, 'rest-started').map((r) => r.next)).toEqual(['rep', 'leg', 'rep']);
    expect(ofType(run.events, 'stretch-ended')).toEqual([
      expect.objectContaining({ reason: 'completed' }),
    ]);

    const answered = send(run.state, { command: 'answer-symptoms', answer: NO }, run.atMs + 5_000);
    expect(answered.events.map((e) => e.type)).toEqual([
      'symptom-answered',
      'phase-changed',
      'session-ended',
    ]);
    expect(answered.state.phase).toBe('done');
  });

  it('gives the first setup of a stretch 6 s for the instructions before the countdown', () => {
    const run = runFrames(begin([standing]), 0, 8_000, standingUser());
    const countdown = ofType(run.events, 'phase-changed').find((e) => e.to === 'countdown');
    expect(countdown?.atMs).toBeGreaterThanOrEqual(6_000);
    expect(countdown?.atMs).toBeLessThan(6_100);
  });

  it('starts later countdowns once setup has been steady for 1 s', () => {
    const first = runUntil(begin([standing]), 0, (s) => s.phase === 'rest', standingUser());
    const run = runUntil(
      first.state,
      first.atMs,
      (s) => s.phase === 'countdown',
      (t, s) => (t < first.state.restEndsMs + 2_000 ? nobody(t) : standingUser()(t, s)),
    );
    expect(run.atMs - (first.state.restEndsMs + 2_000)).toBeGreaterThanOrEqual(1_000);
    expect(run.atMs - (first.state.restEndsMs + 2_000)).toBeLessThan(1_100);
  });

  it('reports what is missing in setup, as it changes', () => {
    const frames: MeasuresSpec[] = [
      { personFound: false },
      { view: 'frontal' },
      { view: 'side', orientation: 'seated' },
      { orientation: 'upright', workingLeg: null },
      { workingLeg: 'left', kneeAngleDeg: 140 },
    ];
    let state = begin([standing]);
    const seen: string[][] = [];
    frames.forEach((spec, i) => {
      const measures = spec.personFound === false ? nobody(i * 100) : bodyMeasures(spec, i * 100);
      const step = send(state, measures, i * 100);
      state = step.state;
      for (const e of ofType(step.events, 'setup-changed')) seen.push(e.issues.map((x) => x.kind));
    });
    expect(seen).toEqual([
      ['no-person'],
      ['not-side-on'],
      ['wrong-orientation'],
      ['no-working-leg'],
      ['start-condition'],
    ]);
  });

  it('goes back to setup when the user walks out during the countdown', () => {
    let run = runFrames(begin([standing]), 0, 6_500, standingUser());
    expect(run.state.phase).toBe('countdown');
    run = runFrames(run.state, 6_500, 6_600, (t) => nobody(t));
    expect(run.state.phase).toBe('setup');
    expect(ofType(run.events, 'setup-changed')[0]?.issues).toEqual([{ kind: 'no-person' }]);
  });

  it('asks for the other leg on the second pass and waits until it is up', () => {
    const first = runUntil(
      begin([standing]),
      0,
      (s) => s.pass === 1 && s.phase === 'setup',
      standingUser(),
    );
    // The user stays on the left leg.
    const run = runFrames(first.state, first.atMs, first.atMs + 5_000, (t) =>
      bodyMeasures({ orientation: 'upright', workingLeg: 'left', hipFlexionDeg: 70 }, t),
    );
    expect(run.state.phase).toBe('setup');
    expect(run.state.setupIssues).toEqual([{ kind: 'wrong-leg', expected: 'right' }]);
  });

  it('runs the long-sit with both legs at once: two reps, no leg switch', () => {
    const run = runUntil(
      begin([longSit]),
      0,
      (s) => s.phase === 'symptom-check',
      (t) =>
        bodyMeasures(
          { orientation: 'seated', workingLeg: null, nearSide: 'right', hipFlexionDeg: 115 },
          t,
        ),
    );
    expect(ofType(run.events, 'rep-ended').map((r) => [r.leg, r.heldInFormMs])).toEqual([
      ['both', 30_000],
      ['both', 30_000],
    ]);
    expect(ofType(run.events, 'switch-leg')).toEqual([]);
  });

  it('runs the nerve glide as 2 sets of 10 reps per leg', () => {
    const run = runUntil(
      begin([glide]),
      0,
      (s) => s.phase === 'symptom-check',
      (t, state) => {
        const down = (1 - Math.cos((2 * Math.PI * t) / 3_000)) / 2;
        return bodyMeasures(
          {
            orientation: 'seated',
            workingLeg: state.pass === 1 ? 'right' : 'left',
            trunkInclinationDeg: 5,
            neckFlexionDeg: state.phase === 'glide' ? 40 * down : 0,
            ankleFlexionDeg: state.phase === 'glide' ? -30 + 45 * down : 10,
          },
          t,
        );
      },
    );
    expect(ofType(run.events, 'set-ended').map((s) => [s.leg, s.set, s.reps])).toEqual([
      ['left', 1, 10],
      ['left', 2, 10],
      ['right', 1, 10],
      ['right', 2, 10],
    ]);
    expect(ofType(run.events, 'glide-rep')).toHaveLength(40);
  });

  it('runs countdowns and rests on time ticks when no frames arrive', () => {
    let run = runFrames(begin([standing]), 0, 6_100, standingUser());
    expect(run.state.phase).toBe('countdown');
    run = send(run.state, TIME_TICK, 9_200);
    expect(run.state.phase).toBe('hold');
  });

  it('plays a routine of stretches in order and ends after the last', () => {
    let run = runUntil(
      begin([standing, longSit]),
      0,
      (s) => s.phase === 'symptom-check',
      standingUser(),
    );
    run = {
      ...send(run.state, { command: 'answer-symptoms', answer: NO }, run.atMs),
      atMs: run.atMs,
    };
    expect(ofType(run.events, 'stretch-started')).toEqual([
      expect.objectContaining({ stretchId: 'seated-long-sit', index: 1 }),
    ]);
    expect(run.state.phase).toBe('setup');
  });
});
