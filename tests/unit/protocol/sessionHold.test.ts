import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/protocol';
import { initialSessionState, stretchById } from '../../../src/protocol';
import type { MeasuresSpec } from './measuresBuilder';
import { bodyMeasures, nobody } from './measuresBuilder';
import type { Run } from './sessionDriver';
import { begin, ofType, runFrames, runUntil, send } from './sessionDriver';

const standing = stretchById('standing-hamstring');

/** Runs to the start of the first hold; returns the run and the time it started. */
function toFirstHold(): Run & { atMs: number } {
  const start = begin([standing]);
  return runUntil(
    start,
    0,
    (s) => s.phase === 'hold',
    (t) => frame(t),
  );
}

function frame(t: number, extra: MeasuresSpec = {}) {
  return bodyMeasures(
    { orientation: 'upright', workingLeg: 'left', hipFlexionDeg: 70, kneeAngleDeg: 176, ...extra },
    t,
  );
}

/** Frames from `fromMs` until the first rep ends, with `extraAt(t - holdStart)` changes. */
function holdWith(
  state: SessionState,
  fromMs: number,
  extraAt: (sinceHoldMs: number) => MeasuresSpec | 'nobody',
) {
  return runUntil(
    state,
    fromMs,
    (s) => s.phase !== 'hold',
    (t) => {
      const extra = extraAt(t - fromMs);
      return extra === 'nobody' ? nobody(t) : frame(t, extra);
    },
  );
}

describe('the session machine: form-gated hold', () => {
  it('pauses the hold when the back rounds for 4 s and carries on without resetting', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) =>
      ms >= 12_000 && ms < 16_000 ? { roundingIndex: 1.3 } : {},
    );
    const [rep] = ofType(run.events, 'rep-ended');
    expect(rep?.heldInFormMs).toBe(30_000);
    expect(rep?.totalMs).toBeCloseTo(34_000, -2);
    expect(rep?.breaks).toBe(1);
    expect(ofType(run.events, 'hold-paused')).toEqual([
      expect.objectContaining({ reason: 'form', faults: ['back-rounded'] }),
    ]);
    const [resumed] = ofType(run.events, 'hold-resumed');
    expect(resumed?.breakMs).toBeCloseTo(4_000, -2);
    const faults = ofType(run.events, 'fault-started').map((f) => f.fault);
    // Over the 3 s long-break limit: the break is recorded as a fault too.
    expect(faults).toEqual(['back-rounded', 'hold-broken']);
  });

  it('does not stop the timer for a rounding index between the leave and enter thresholds', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) => ({
      roundingIndex: ms < 10_000 ? 0.2 : 0.9,
    }));
    expect(ofType(run.events, 'fault-started')).toEqual([]);
    expect(ofType(run.events, 'rep-ended')[0]?.totalMs).toBeCloseTo(30_000, -2);
  });

  it('keeps a fault running while the value flickers between the thresholds (hysteresis)', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) =>
      ms >= 5_000 && ms < 8_000 ? { roundingIndex: Math.floor(ms / 100) % 2 ? 1.1 : 0.85 } : {},
    );
    expect(
      ofType(run.events, 'fault-started').filter((f) => f.fault === 'back-rounded'),
    ).toHaveLength(1);
    expect(ofType(run.events, 'fault-ended')[0]?.durationMs).toBeGreaterThan(2_800);
  });

  it('voices but does not gate a locked standing knee', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) =>
      ms >= 5_000 && ms < 9_000 ? { otherKneeAngleDeg: 193 } : {},
    );
    expect(ofType(run.events, 'fault-started')).toEqual([
      expect.objectContaining({ fault: 'standing-knee-locked', gatesHold: false, aspect: 'knee' }),
    ]);
    expect(ofType(run.events, 'hold-paused')).toEqual([]);
  });

  it("pauses with 'cannot-see' and names the joint when the knee is not seen", () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) =>
      ms >= 5_000 && ms < 6_000 ? { kneeAngleDeg: null } : {},
    );
    expect(ofType(run.events, 'hold-paused')).toEqual([
      expect.objectContaining({ reason: 'cannot-see', joints: ['left_knee'] }),
    ]);
    expect(ofType(run.events, 'rep-ended')[0]?.totalMs).toBeCloseTo(31_000, -2);
  });

  it('skips a check the model cannot measure at all instead of pausing', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, () => ({ roundingIndex: 'not-calibrated' }));
    expect(ofType(run.events, 'hold-paused')).toEqual([]);
  });

  it('pauses while out of position and says so only after the position was first reached', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) => ({
      hipFlexionDeg: ms < 4_000 ? 40 : ms >= 10_000 && ms < 12_000 ? 50 : 70,
    }));
    const paused = ofType(run.events, 'hold-paused');
    expect(paused).toEqual([expect.objectContaining({ reason: 'out-of-position' })]);
    expect(paused[0]?.atMs).toBeCloseTo(start.atMs + 10_000, -2);
    expect(ofType(run.events, 'rep-ended')[0]?.totalMs).toBeCloseTo(36_000, -2);
  });

  it('pauses for nobody in frame and records a long absence as a hold-broken fault', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) =>
      ms >= 5_000 && ms < 10_000 ? 'nobody' : {},
    );
    expect(ofType(run.events, 'hold-paused')[0]?.reason).toBe('no-person');
    const broken = ofType(run.events, 'fault-ended').find((f) => f.fault === 'hold-broken');
    expect(broken?.startMs).toBeCloseTo(start.atMs + 5_000, -2);
    expect(broken?.durationMs).toBeCloseTo(5_000, -2);
  });

  it('stops the timer while bouncing and records the bounce', () => {
    const start = toFirstHold();
    const run = holdWith(start.state, start.atMs, (ms) => ({
      hipFlexionDeg:
        70 + (ms >= 10_000 && ms < 14_000 ? 5 * Math.sin((2 * Math.PI * 2 * ms) / 1000) : 0),
    }));
    const [bounce] = ofType(run.events, 'bounce-detected');
    expect(bounce?.frequencyHz).toBeCloseTo(2, 0);
    expect(bounce?.amplitudeDeg).toBeGreaterThan(7);
    expect(ofType(run.events, 'fault-started').map((f) => f.fault)).toContain('bouncing');
    const rep = ofType(run.events, 'rep-ended')[0];
    expect(rep?.heldInFormMs).toBe(30_000);
    expect(rep?.totalMs).toBeGreaterThan(33_000);
  });
});

describe('the session machine: pause and resume', () => {
  it('freezes the hold while paused and leaves the paused time out of the rep', () => {
    const start = toFirstHold();
    let run: Run = runFrames(start.state, start.atMs, start.atMs + 10_000, (t) => frame(t));
    const held = run.state.hold.heldMs;
    run = send(run.state, { command: 'pause' }, start.atMs + 10_000);
    expect(run.events).toEqual([expect.objectContaining({ type: 'paused', phase: 'hold' })]);
    // Frames while paused change nothing.
    run = runFrames(run.state, start.atMs + 10_000, start.atMs + 30_000, (t) => frame(t));
    expect(run.state.hold.heldMs).toBe(held);
    expect(run.events).toEqual([]);
    run = send(run.state, { command: 'resume' }, start.atMs + 30_000);
    expect(run.events).toEqual([expect.objectContaining({ type: 'resumed', pausedMs: 20_000 })]);
    const end = holdWith(run.state, start.atMs + 30_000, () => ({}));
    const rep = ofType(end.events, 'rep-ended')[0];
    expect(rep?.heldInFormMs).toBe(30_000);
    expect(rep?.totalMs).toBeCloseTo(30_000, -2);
  });

  it('restarts setup after a pause in the countdown', () => {
    let run: Run = runFrames(begin([standing]), 0, 6_500, (t) => frame(t));
    expect(run.state.phase).toBe('countdown');
    run = send(run.state, { command: 'pause' }, 6_500);
    run = send(run.state, { command: 'resume' }, 9_000);
    expect(run.state.phase).toBe('setup');
  });

  it('ignores commands that do not apply, and says so', () => {
    const idle = initialSessionState([standing]);
    for (const command of ['pause', 'resume', 'stop', 'skip', 'start-nerve-glide'] as const)
      expect(send(idle, { command }, 0).events).toEqual([
        expect.objectContaining({ type: 'command-ignored', command, phase: 'idle' }),
      ]);
  });
});
