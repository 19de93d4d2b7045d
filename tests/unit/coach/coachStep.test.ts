import { describe, expect, it } from 'vitest';
import { coachStep, initialCoachState } from '../../../src/coach/coachStep';
import type {
  CoachEffect,
  CoachInit,
  CoachInput,
  CoachState,
  EffectOf,
} from '../../../src/coach/coachTypes';
import { HeadlessCoach } from '../../../src/coach/headlessCoach';
import { stretchById } from '../../../src/protocol';
import { startRecorder } from '../../../src/session/recorder';
import { sideViewPose } from '../../helpers/syntheticPose';
import { bodyMeasures } from '../protocol/measuresBuilder';

const standing = stretchById('standing-hamstring');

/** A recorder whose session time 0 is engine time `originMs`. */
function recorder(originMs = 1_000) {
  return startRecorder({
    id: 'coach-test',
    startedAtEpochMs: Date.UTC(2025, 5, 2, 7),
    clockOriginMs: originMs,
    stretches: [standing],
    routine: [standing.id],
    model: 'movenet-lightning',
  });
}

/** Runs inputs through the step in order, returning the last state and every effect. */
function run(
  init: CoachInit,
  inputs: readonly (readonly [CoachInput, number])[],
): { state: CoachState; effects: CoachEffect[] } {
  let state = initialCoachState(init);
  const effects: CoachEffect[] = [];
  for (const [input, nowMs] of inputs) {
    const [next, out] = coachStep(state, input, nowMs);
    state = next;
    effects.push(...out);
  }
  return { state, effects };
}

function ofType<T extends CoachEffect['type']>(effects: readonly CoachEffect[], type: T) {
  return effects.filter((e): e is EffectOf<T> => e.type === type);
}

const START: CoachInput = { type: 'command', command: { command: 'start' } };
const WARMED_UP: CoachInput = { type: 'command', command: { command: 'confirm-warm-up' } };
/** A person in the standing stretch's start position, measured to order. */
const startPosition = (tMs: number) =>
  bodyMeasures(
    { orientation: 'upright', workingLeg: 'left', hipFlexionDeg: 40, kneeAngleDeg: 176 },
    tMs,
  );
const inPosition = (tMs: number): CoachInput => ({
  type: 'measured-frame',
  measures: startPosition(tMs),
});

describe('the coaching step', () => {
  it('dates a frame by when its picture was taken, not when its pose arrived', () => {
    const pose = sideViewPose({ timestampMs: 1_500 });
    const { state, effects } = run({ routine: [standing], recorder: recorder(1_000) }, [
      [START, 1_000],
      [WARMED_UP, 1_000],
      // Grabbed at 1500, analysed by 1800.
      [{ type: 'frame', timestampMs: 1_500, pose }, 1_800],
      [{ type: 'flush' }, 1_800],
    ]);
    expect(state.measures?.timestampMs).toBe(1_500);
    const [chunk] = ofType(effects, 'save-chunk');
    // Session time 500: the frame's own time, less the recording's origin.
    expect(chunk?.chunk.samples.tMs).toEqual([500]);
    expect(ofType(effects, 'clip-pose')).toEqual([{ type: 'clip-pose', timestampMs: 1_500, pose }]);
  });

  it('never dates a step before the one it follows', () => {
    const { effects } = run({ routine: [standing] }, [
      [START, 1_000],
      [WARMED_UP, 2_000],
      // A frame taken before the warm-up answer but analysed after it.
      [inPosition(1_900), 2_050],
    ]);
    const events = ofType(effects, 'protocol-events').flatMap((e) => e.events);
    const times = events.map((e) => e.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.at(-1)?.atMs).toBe(2_000);
  });

  it('runs time-driven phases on ticks without frames', () => {
    const coach = new HeadlessCoach({ routine: [standing], session: { introMs: 0 } });
    coach.command({ command: 'start' }, 0);
    coach.command({ command: 'confirm-warm-up' }, 0);
    for (let t = 0; t <= 1_200; t += 100) coach.measured(startPosition(t));
    expect(coach.session.phase).toBe('countdown');
    // The camera stalls: only ticks from here.
    for (let t = 1_300; t <= 5_000; t += 200) coach.tick(t);
    const ticks = coach.events.filter((e) => e.type === 'countdown-tick');
    expect(ticks.map((e) => e.type === 'countdown-tick' && e.remaining)).toEqual([3, 2, 1]);
    expect(coach.session.phase).toBe('hold');
  });

  it('goes quiet at once on stop, before what stop brings', () => {
    const { effects } = run({ routine: [standing] }, [
      [START, 0],
      [WARMED_UP, 0],
      [{ type: 'command', command: { command: 'stop' } }, 500],
    ]);
    const stopAt = effects.findIndex((e) => e.type === 'silence');
    expect(stopAt).toBeGreaterThanOrEqual(0);
    expect(effects.slice(0, stopAt).some((e) => e.type === 'say')).toBe(true);
    expect(ofType(effects, 'session-ended')).toEqual([
      { type: 'session-ended', reason: 'stopped' },
    ]);
  });

  it('takes settings mid-session: muting silences the line being said and later lines', () => {
    const coach = new HeadlessCoach({ routine: [standing] });
    coach.command({ command: 'start' }, 0);
    expect(coach.said.at(-1)?.speak).toBe(true);
    const effects = coach.step({ type: 'settings', settings: { muted: true } }, 100);
    expect(effects).toEqual([{ type: 'silence' }]);
    coach.command({ command: 'confirm-warm-up' }, 200);
    for (let t = 200; t < 10_000; t += 100) coach.tick(t);
    const later = coach.said.filter((u) => u.atMs >= 200);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((u) => !u.speak)).toBe(true);
  });

  it('frees the voice when the speaker says a line has ended', () => {
    const coach = new HeadlessCoach({ routine: [standing] });
    coach.command({ command: 'start' }, 0);
    const line = coach.said.at(-1);
    expect(line).toBeDefined();
    const busy = coach.state.policy.busyUntilMs;
    coach.step({ type: 'speech-ended', utteranceId: line?.id ?? '' }, 50);
    expect(busy).toBeGreaterThan(50);
    expect(coach.state.policy.busyUntilMs).toBe(50);
  });

  it('cuts the last chunk and then ends the session, and the record reads whole', () => {
    const coach = new HeadlessCoach({ routine: [standing], recorder: recorder(0) });
    coach.command({ command: 'start' }, 0);
    coach.command({ command: 'confirm-warm-up' }, 0);
    for (let t = 0; t <= 3_000; t += 100) coach.measured(startPosition(t));
    const effects = coach.command({ command: 'stop' }, 3_050);
    const kinds = effects.map((e) => e.type);
    expect(kinds.indexOf('save-chunk')).toBeLessThan(kinds.indexOf('session-ended'));
    const record = coach.finishedRecord(3_050);
    expect(record?.meta).toMatchObject({ status: 'finished', endReason: 'stopped' });
    expect(record?.samples.tMs.length).toBe(31);
    expect(record?.events.at(-1)?.type).toBe('session-ended');
    expect(record?.cues.map((c) => c.text)).toEqual(coach.said.map((u) => u.text));
  });

  it('says nothing and records no cues when nobody is coached', () => {
    const coach = new HeadlessCoach({
      routine: [standing],
      recorder: recorder(0),
      coaching: false,
      unrecorded: ['warm-up-reminder'],
    });
    coach.command({ command: 'start' }, 0);
    coach.command({ command: 'skip' }, 0);
    for (let t = 0; t <= 2_000; t += 100) coach.measured(startPosition(t));
    expect(coach.said).toEqual([]);
    const record = coach.finishedRecord(2_000);
    expect(record?.cues).toEqual([]);
    // Reported to the driver, left out of the record.
    expect(coach.events.some((e) => e.type === 'warm-up-reminder')).toBe(true);
    expect(record?.events.some((e) => e.type === 'warm-up-reminder')).toBe(false);
  });

  it('records an incident from when it began to now', () => {
    const coach = new HeadlessCoach({ routine: [standing], recorder: recorder(1_000) });
    coach.command({ command: 'start' }, 1_000);
    coach.step(
      { type: 'incident', kind: 'analysis-gap', detail: 'crashed', sinceMs: 2_000 },
      2_600,
    );
    coach.flush(2_600);
    expect(coach.record()?.incidents).toEqual([
      { atMs: 1_000, durationMs: 600, kind: 'analysis-gap', detail: 'crashed' },
    ]);
  });

  it('is pure: the same inputs give the same state and effects, and no state is changed', () => {
    const inputs: (readonly [CoachInput, number])[] = [
      [START, 0],
      [WARMED_UP, 0],
    ];
    for (let t = 0; t <= 4_000; t += 33) inputs.push([inPosition(t), t]);
    const init: CoachInit = { routine: [standing], recorder: recorder(0) };
    const first = run(init, inputs);
    const again = run(init, inputs);
    expect(again.effects).toEqual(first.effects);
    expect(again.state).toEqual(first.state);
    const frozen = first.state;
    const snapshot = JSON.stringify(frozen);
    coachStep(frozen, inPosition(4_100), 4_100);
    expect(JSON.stringify(frozen)).toBe(snapshot);
  });
});
