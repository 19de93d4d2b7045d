import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/protocol';
import { initialSessionState, stretchById } from '../../../src/protocol';
import { bodyMeasures } from './measuresBuilder';
import { begin, ofType, runUntil, send } from './sessionDriver';

const standing = stretchById('standing-hamstring');
const longSit = stretchById('seated-long-sit');
const glide = stretchById('sciatic-nerve-glide');
const NO = { tingling: false, numbness: false, sharpPain: false };
const TINGLING = { tingling: true, numbness: false, sharpPain: false };

function user(t: number, state: SessionState) {
  return bodyMeasures(
    {
      orientation: 'upright',
      workingLeg: state.pass === 1 ? 'right' : 'left',
      hipFlexionDeg: 70,
      kneeAngleDeg: 176,
    },
    t,
  );
}

/** A session over `routine`, run until 10 s into its first hold. */
function midHold(routine = [standing, longSit]) {
  const begun = begin(routine);
  const toHold = runUntil(begun, 0, (s) => s.phase === 'hold', user);
  return runUntil(toHold.state, toHold.atMs, (s) => s.hold.heldMs >= 10_000, user);
}

describe('the session machine: safety', () => {
  it('stops the stretch at once, records the partial rep, then asks the symptom check', () => {
    const run = midHold();
    const stopped = send(run.state, { command: 'stop' }, run.atMs);
    expect(stopped.events.map((e) => e.type)).toEqual([
      'stopped',
      'rep-ended',
      'stretch-ended',
      'phase-changed',
      'symptom-check',
    ]);
    const rep = ofType(stopped.events, 'rep-ended')[0];
    expect(rep?.completed).toBe(false);
    expect(rep?.heldInFormMs).toBeCloseTo(10_000, -2);
    expect(ofType(stopped.events, 'stretch-ended')[0]?.reason).toBe('stopped');
    expect(stopped.state.phase).toBe('symptom-check');

    // After the answer the session ends: stop means stop, not "next stretch".
    const answered = send(stopped.state, { command: 'answer-symptoms', answer: NO }, run.atMs + 1);
    expect(ofType(answered.events, 'session-ended')[0]?.reason).toBe('stopped');
  });

  it('stops at once even while paused', () => {
    const run = midHold();
    const paused = send(run.state, { command: 'pause' }, run.atMs);
    const stopped = send(paused.state, { command: 'stop' }, run.atMs + 5_000);
    expect(stopped.state.paused).toBeNull();
    expect(stopped.state.phase).toBe('symptom-check');
  });

  it('ends the session right away when stopped before any rep of the stretch', () => {
    const stopped = send(begin([standing]), { command: 'stop' }, 100);
    expect(stopped.events.map((e) => e.type)).toEqual([
      'stopped',
      'stretch-ended',
      'phase-changed',
      'session-ended',
    ]);
  });

  it('skips to the next stretch after the symptom check', () => {
    const run = midHold();
    const skipped = send(run.state, { command: 'skip' }, run.atMs);
    expect(ofType(skipped.events, 'stretch-ended')[0]?.reason).toBe('skipped');
    const answered = send(skipped.state, { command: 'answer-symptoms', answer: NO }, run.atMs);
    expect(ofType(answered.events, 'stretch-started')[0]?.stretchId).toBe('seated-long-sit');
  });

  it('advises stopping and offers no exercise when the user reports tingling', () => {
    // Seeds 000/001: tingling is a nerve symptom, so stop and see a professional.
    const run = midHold();
    const stopped = send(run.state, { command: 'skip' }, run.atMs);
    const answered = send(
      stopped.state,
      { command: 'answer-symptoms', answer: TINGLING },
      run.atMs,
    );
    expect(ofType(answered.events, 'symptom-answered')[0]).toMatchObject({
      stretchId: 'standing-hamstring',
      answer: TINGLING,
      anySymptom: true,
    });
    expect(ofType(answered.events, 'symptom-advice')[0]?.nerveGlideOffered).toBe(false);
    expect(answered.state.phase).toBe('symptom-advice');

    const glideRun = send(answered.state, { command: 'start-nerve-glide' }, run.atMs + 1);
    expect(ofType(glideRun.events, 'command-ignored')).toHaveLength(1);
    expect(ofType(glideRun.events, 'stretch-started')).toEqual([]);
  });

  it('ends the session with reason symptoms when the advice is closed', () => {
    const run = midHold();
    const skipped = send(run.state, { command: 'skip' }, run.atMs);
    const answered = send(
      skipped.state,
      { command: 'answer-symptoms', answer: TINGLING },
      run.atMs,
    );
    const declined = send(answered.state, { command: 'stop' }, run.atMs + 1);
    expect(ofType(declined.events, 'session-ended')[0]?.reason).toBe('symptoms');
  });

  it('offers no exercise after sharp pain, only the advice to stop', () => {
    const run = midHold();
    const skipped = send(run.state, { command: 'skip' }, run.atMs);
    const answer = { tingling: true, numbness: false, sharpPain: true };
    const answered = send(skipped.state, { command: 'answer-symptoms', answer }, run.atMs);
    expect(ofType(answered.events, 'symptom-advice')[0]?.nerveGlideOffered).toBe(false);
    expect(answered.state.phase).toBe('symptom-advice');
    const glide = send(answered.state, { command: 'start-nerve-glide' }, run.atMs + 1);
    expect(ofType(glide.events, 'command-ignored')).toHaveLength(1);
    expect(glide.state.phase).toBe('symptom-advice');
  });

  it('does not offer the nerve glide when the glide itself brought the symptoms on', () => {
    const begun = begin([glide]);
    const inSet = runUntil(
      begun,
      0,
      (s) => s.phase === 'glide',
      (t) => bodyMeasures({ orientation: 'seated', trunkInclinationDeg: 5 }, t),
    );
    const skipped = send(inSet.state, { command: 'skip' }, inSet.atMs);
    const answered = send(
      skipped.state,
      { command: 'answer-symptoms', answer: TINGLING },
      inSet.atMs,
    );
    expect(ofType(answered.events, 'symptom-advice')[0]?.nerveGlideOffered).toBe(false);
    expect(send(answered.state, { command: 'start-nerve-glide' }, inSet.atMs).events[0]?.type).toBe(
      'command-ignored',
    );
  });

  it('waits for the warm-up answer before the first static hold, and only then', () => {
    const glideFirst = send(initialSessionState([glide, standing]), { command: 'start' }, 0);
    expect(ofType(glideFirst.events, 'warm-up-reminder')).toEqual([]);
    expect(glideFirst.state.phase).toBe('setup');

    const standingFirst = send(initialSessionState([standing, longSit]), { command: 'start' }, 0);
    expect(ofType(standingFirst.events, 'warm-up-reminder')).toHaveLength(1);
    expect(standingFirst.state.phase).toBe('warm-up');
    // Frames do not move past the reminder.
    const waiting = runUntil(standingFirst.state, 0, () => false, user, 5_000);
    expect(waiting.state.phase).toBe('warm-up');
    const confirmed = send(waiting.state, { command: 'confirm-warm-up' }, 5_000);
    expect(confirmed.events[0]).toMatchObject({ type: 'warm-up-answered', answer: 'warmed-up' });
    expect(confirmed.state.phase).toBe('setup');

    // The second static stretch does not remind again.
    const second = runUntil(confirmed.state, 5_000, (s) => s.phase === 'symptom-check', user);
    const next = send(second.state, { command: 'answer-symptoms', answer: NO }, second.atMs);
    expect(ofType(next.events, 'warm-up-reminder')).toEqual([]);
  });

  it('records a skipped warm-up reminder and carries on', () => {
    const started = send(initialSessionState([standing]), { command: 'start' }, 0);
    const skipped = send(started.state, { command: 'skip' }, 1_000);
    expect(ofType(skipped.events, 'warm-up-answered')[0]?.answer).toBe('skipped');
    expect(skipped.state.phase).toBe('setup');
  });

  it('closes every running fault when a rep is stopped, so the recorder sees its duration', () => {
    const run = midHold();
    const rounded = runUntil(
      run.state,
      run.atMs,
      (s) => s.hold.breakStartMs !== null,
      (t) => bodyMeasures({ orientation: 'upright', hipFlexionDeg: 70, roundingIndex: 1.5 }, t),
    );
    const stopped = send(rounded.state, { command: 'stop' }, rounded.atMs + 500);
    expect(ofType(stopped.events, 'fault-ended')).toEqual([
      expect.objectContaining({ fault: 'back-rounded', durationMs: expect.any(Number) as number }),
    ]);
  });
});
