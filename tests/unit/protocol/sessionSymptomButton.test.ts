import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/protocol';
import { initialSessionState, stretchById } from '../../../src/protocol';
import { sessionView } from '../../../src/coach/view/sessionView';
import { protocolEventSchema } from '../../../src/session/eventSchema';
import { bodyMeasures } from './measuresBuilder';
import { begin, ofType, runUntil, send } from './sessionDriver';

const standing = stretchById('standing-hamstring');
const longSit = stretchById('seated-long-sit');

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

function midHold() {
  const toHold = runUntil(begin([standing, longSit]), 0, (s) => s.phase === 'hold', user);
  return runUntil(toHold.state, toHold.atMs, (s) => s.hold.heldMs >= 10_000, user);
}

describe('the session machine: "I feel pain or tingling"', () => {
  it('ends the session at once mid-hold, recording the press and the cut-short rep', () => {
    const run = midHold();
    const pressed = send(run.state, { command: 'report-symptom' }, run.atMs);
    expect(pressed.events[0]).toEqual({
      type: 'symptom-reported',
      atMs: run.atMs,
      stretchId: 'standing-hamstring',
      phase: 'hold',
    });
    expect(pressed.events.map((e) => e.type).filter((t) => t !== 'fault-ended')).toEqual([
      'symptom-reported',
      'rep-ended',
      'stretch-ended',
      'phase-changed',
      'session-ended',
    ]);
    expect(ofType(pressed.events, 'rep-ended')[0]?.completed).toBe(false);
    expect(ofType(pressed.events, 'stretch-ended')[0]?.reason).toBe('stopped');
    expect(ofType(pressed.events, 'session-ended')[0]?.reason).toBe('symptoms');
    // No symptom check to answer first, no next stretch, no glide.
    expect(pressed.state.phase).toBe('done');
    expect(ofType(pressed.events, 'symptom-check')).toEqual([]);
    expect(ofType(pressed.events, 'stretch-started')).toEqual([]);
  });

  it('the screen shows the stop advice and offers no exercise', () => {
    const run = midHold();
    const pressed = send(run.state, { command: 'report-symptom' }, run.atMs);
    const view = sessionView(pressed.state, null, run.atMs);
    expect(view.stoppedForSymptoms).toBe(true);
    expect(view.nerveGlideOffered).toBe(false);
    // A plain stop does not show it.
    const stopped = send(run.state, { command: 'stop' }, run.atMs);
    const answered = send(
      stopped.state,
      {
        command: 'answer-symptoms',
        answer: { tingling: false, numbness: false, sharpPain: false },
      },
      run.atMs,
    );
    expect(sessionView(answered.state, null, run.atMs).stoppedForSymptoms).toBe(false);
  });

  it('works while paused, in the warm-up question and in the symptom check', () => {
    const run = midHold();
    const paused = send(run.state, { command: 'pause' }, run.atMs);
    const fromPause = send(paused.state, { command: 'report-symptom' }, run.atMs + 2_000);
    expect(fromPause.state.phase).toBe('done');
    expect(fromPause.state.paused).toBeNull();

    const warmUp = send(initialSessionState([standing]), { command: 'start' }, 0);
    expect(warmUp.state.phase).toBe('warm-up');
    const fromWarmUp = send(warmUp.state, { command: 'report-symptom' }, 500);
    expect(fromWarmUp.events.map((e) => e.type)).toEqual([
      'symptom-reported',
      'phase-changed',
      'session-ended',
    ]);

    const check = send(run.state, { command: 'skip' }, run.atMs);
    expect(check.state.phase).toBe('symptom-check');
    const fromCheck = send(check.state, { command: 'report-symptom' }, run.atMs + 1);
    expect(ofType(fromCheck.events, 'session-ended')[0]?.reason).toBe('symptoms');
  });

  it('is ignored before the start and after the end', () => {
    const idle = send(initialSessionState([standing]), { command: 'report-symptom' }, 0);
    expect(idle.events).toEqual([
      { type: 'command-ignored', atMs: 0, command: 'report-symptom', phase: 'idle' },
    ]);
  });

  it('records an event the stored-event schema accepts, and rejects a broken one', () => {
    const run = midHold();
    const pressed = send(run.state, { command: 'report-symptom' }, run.atMs);
    for (const event of pressed.events)
      expect(protocolEventSchema.safeParse(event).success).toBe(true);
    const warmUp = send(initialSessionState([standing]), { command: 'start' }, 0);
    const beforeStretch = send(warmUp.state, { command: 'report-symptom' }, 1);
    expect(protocolEventSchema.safeParse(beforeStretch.events[0]).success).toBe(true);
    expect(
      protocolEventSchema.safeParse({
        type: 'symptom-reported',
        atMs: 1,
        stretchId: 'x',
        phase: 'nowhere',
      }).success,
    ).toBe(false);
  });
});
