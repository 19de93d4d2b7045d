import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../src/protocol';
import type { HoldGate } from '../../../src/protocol/formChecks';
import { GATE_OPEN } from '../../../src/protocol/formChecks';
import type { HoldTimerState } from '../../../src/protocol/holdTimer';
import {
  INITIAL_HOLD_TIMER,
  advanceHoldTimer,
  resumeHoldTimer,
} from '../../../src/protocol/holdTimer';

const CONFIG = { holdMs: 30_000, longBreakMs: 3_000, maxFrameGapMs: 500 };
const BROKEN: HoldGate = { open: false, reason: 'form', faults: ['back-rounded'], joints: [] };

/** Feeds frames every 33 ms from `fromMs` to `toMs` with one gate. */
function feed(
  state: HoldTimerState,
  fromMs: number,
  toMs: number,
  gate: HoldGate,
  events: ProtocolEvent[],
): { state: HoldTimerState; completedAtMs: number | null } {
  let s = state;
  for (let t = fromMs; t < toMs; t += 33) {
    const step = advanceHoldTimer(s, gate, t, CONFIG);
    s = step.state;
    events.push(...step.events);
    if (step.completedAtMs !== null) return { state: s, completedAtMs: step.completedAtMs };
  }
  return { state: s, completedAtMs: null };
}

describe('the form-gated hold timer', () => {
  it('counts only time in form and completes at the exact moment 30 s are held', () => {
    const events: ProtocolEvent[] = [];
    let run = feed(INITIAL_HOLD_TIMER, 0, 5_000, BROKEN, events); // getting into position
    run = feed(run.state, 5_000, 60_000, GATE_OPEN, events);
    expect(run.completedAtMs).not.toBeNull();
    expect(run.completedAtMs! - 5_000).toBeCloseTo(30_000, -2);
    expect(run.state.heldMs).toBe(30_000);
    // No "pause" for the time before the position was first reached.
    expect(events.filter((e) => e.type === 'hold-paused')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'hold-second')).toHaveLength(30);
  });

  it('pauses on a short break and carries on from where it stopped, never resetting', () => {
    const events: ProtocolEvent[] = [];
    let run = feed(INITIAL_HOLD_TIMER, 0, 10_000, GATE_OPEN, events);
    const before = run.state.heldMs;
    run = feed(run.state, 10_000, 11_500, BROKEN, events);
    expect(run.state.heldMs).toBeCloseTo(before + 33, -2);
    run = feed(run.state, 11_500, 13_000, GATE_OPEN, events);
    expect(run.state.heldMs).toBeCloseTo(11_500, -2);
    const types = events.map((e) => e.type).filter((t) => t !== 'hold-second');
    expect(types).toEqual(['hold-paused', 'hold-resumed']);
    const resumed = events.find((e) => e.type === 'hold-resumed');
    expect(resumed?.type === 'hold-resumed' && resumed.breakMs).toBeCloseTo(1_500, -2);
  });

  it('records a break longer than 3 s as a hold-broken fault with its start and duration', () => {
    const events: ProtocolEvent[] = [];
    let run = feed(INITIAL_HOLD_TIMER, 0, 8_000, GATE_OPEN, events);
    run = feed(run.state, 8_000, 13_000, BROKEN, events);
    feed(run.state, 13_000, 14_000, GATE_OPEN, events);
    const started = events.find((e) => e.type === 'fault-started');
    const ended = events.find((e) => e.type === 'fault-ended');
    expect(started).toMatchObject({ fault: 'hold-broken' });
    expect(started?.type === 'fault-started' && started.startMs).toBeCloseTo(8_000, -2);
    expect(started?.atMs).toBeGreaterThanOrEqual(11_000);
    expect(ended?.type === 'fault-ended' && ended.durationMs).toBeCloseTo(5_000, -2);
  });

  it('does not credit a stalled camera: a 5 s gap between frames adds at most 0.5 s', () => {
    let step = advanceHoldTimer(INITIAL_HOLD_TIMER, GATE_OPEN, 0, CONFIG);
    step = advanceHoldTimer(step.state, GATE_OPEN, 5_000, CONFIG);
    expect(step.state.heldMs).toBe(500);
  });

  it('credits nothing across a user pause and starts a break if form was lost meanwhile', () => {
    let step = advanceHoldTimer(INITIAL_HOLD_TIMER, GATE_OPEN, 0, CONFIG);
    step = advanceHoldTimer(step.state, GATE_OPEN, 400, CONFIG);
    const resumed = resumeHoldTimer(step.state, 20_000);
    step = advanceHoldTimer(resumed, BROKEN, 20_500, CONFIG);
    expect(step.state.heldMs).toBe(400);
    expect(step.events.map((e) => e.type)).toEqual(['hold-paused']);
  });
});
