import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/protocol';
import { STALL_AFTER_MS, stretchById } from '../../../src/protocol';
import type { MeasuresSpec } from './measuresBuilder';
import { bodyMeasures, nobody } from './measuresBuilder';
import type { Run } from './sessionDriver';
import { begin, ofType, runFrames, runUntil, send } from './sessionDriver';

const standing = stretchById('standing-hamstring');

function frame(t: number, extra: MeasuresSpec = {}) {
  return bodyMeasures(
    { orientation: 'upright', workingLeg: 'left', hipFlexionDeg: 70, kneeAngleDeg: 176, ...extra },
    t,
  );
}

/** Set up well, then the first hold begins; the user can only hinge to `hipDeg` in it. */
function toFirstHold(): Run & { atMs: number } {
  return runUntil(
    begin([standing]),
    0,
    (s) => s.phase === 'hold',
    (t) => frame(t),
  );
}

/** 55 degrees: short of the standing target (60), within the eased one (52). */
const SHORT = { hipFlexionDeg: 55 };
const short = (t: number) => frame(t, SHORT);

describe('a hold that will not come (holdStall)', () => {
  it('says so once, after STALL_AFTER_MS without counting, not before', () => {
    const hold = toFirstHold();
    const before = runFrames(hold.state, hold.atMs, hold.atMs + STALL_AFTER_MS - 100, short);
    expect(ofType(before.events, 'hold-stalled')).toEqual([]);
    const after = runFrames(
      before.state,
      hold.atMs + STALL_AFTER_MS - 100,
      hold.atMs + 120_000,
      short,
    );
    const stalls = ofType(after.events, 'hold-stalled');
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatchObject({
      stretchId: 'standing-hamstring',
      leg: 'left',
      rep: 1,
      reachedInRep: false,
      easeOffered: true,
    });
    expect(stalls[0]?.waitedMs).toBeGreaterThanOrEqual(STALL_AFTER_MS);
    expect(stalls[0]?.waitedMs).toBeLessThan(STALL_AFTER_MS + 100);
    expect(after.state.phase).toBe('hold');
  });

  it('does not count a user pause as waiting', () => {
    const hold = toFirstHold();
    const t0 = hold.atMs;
    const first = runFrames(hold.state, t0, t0 + 30_000, short);
    const paused = send(first.state, { command: 'pause' }, t0 + 30_000);
    const resumed = send(paused.state, { command: 'resume' }, t0 + 90_000);
    const later = runFrames(resumed.state, t0 + 90_000, t0 + 100_000, short);
    expect(ofType(later.events, 'hold-stalled')).toEqual([]);
    const stalled = runFrames(later.state, t0 + 100_000, t0 + 110_000, short);
    expect(ofType(stalled.events, 'hold-stalled')).toHaveLength(1);
  });

  it('eases the target: the same hinge now counts and the rep completes; eased to the end of the stretch', () => {
    const hold = toFirstHold();
    const t0 = hold.atMs;
    const waited = runFrames(hold.state, t0, t0 + 50_000, short);
    expect(waited.state.hold.heldMs).toBe(0);
    const eased = send(waited.state, { command: 'ease-target' }, t0 + 50_000);
    expect(ofType(eased.events, 'stall-choice')).toEqual([
      expect.objectContaining({ choice: 'ease-target', rep: 1, leg: 'left' }),
    ]);
    const run = runUntil(eased.state, t0 + 50_000, (s) => s.phase !== 'hold', short);
    const [rep] = ofType(run.events, 'rep-ended');
    expect(rep).toMatchObject({ completed: true, heldInFormMs: 30_000 });
    expect(run.state.stall.targetEased).toBe(true);
    // A second ease is not offered or accepted once eased.
    const again = send(eased.state, { command: 'ease-target' }, t0 + 51_000);
    expect(ofType(again.events, 'command-ignored')).toHaveLength(1);
  });

  it('moves on: the rep ends not completed and the next rep follows a rest', () => {
    const hold = toFirstHold();
    const t0 = hold.atMs;
    const waited = runFrames(hold.state, t0, t0 + 50_000, short);
    const moved = send(waited.state, { command: 'move-on' }, t0 + 50_000);
    expect(moved.events.map((e) => e.type)).toEqual([
      'stall-choice',
      'rep-ended',
      'phase-changed',
      'rest-started',
    ]);
    expect(ofType(moved.events, 'rep-ended')[0]).toMatchObject({ rep: 1, completed: false });
    expect(moved.state).toMatchObject<Partial<SessionState>>({ phase: 'rest', rep: 2 });
    // The target is not eased by moving on.
    expect(moved.state.stall.targetEased).toBe(false);
  });

  it('does not offer an easier target to an empty picture', () => {
    const hold = toFirstHold();
    const t0 = hold.atMs;
    const gone = runFrames(hold.state, t0, t0 + 90_000, (t) => nobody(t));
    expect(ofType(gone.events, 'hold-stalled')).toEqual([]);
    // Back in view but still short: the offer comes at once (the wait was long enough).
    const back = runFrames(gone.state, t0 + 90_000, t0 + 91_000, short);
    expect(ofType(back.events, 'hold-stalled')).toHaveLength(1);
  });

  it('ignores the choices outside a hold', () => {
    const setup = begin([standing]);
    const out = send(setup, { command: 'move-on' }, 10);
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'command-ignored', command: 'move-on', phase: 'setup' }),
    ]);
  });

  it('also stalls when the position was reached and then lost for good', () => {
    const hold = toFirstHold();
    const t0 = hold.atMs;
    const good = runFrames(hold.state, t0, t0 + 5_000, (t) => frame(t));
    // Below the target's leave threshold (52): the position is lost, not just short.
    const lost = runFrames(good.state, t0 + 5_000, t0 + 5_000 + STALL_AFTER_MS + 1_000, (t) =>
      frame(t, { hipFlexionDeg: 45 }),
    );
    const [stall] = ofType(lost.events, 'hold-stalled');
    expect(stall).toMatchObject({ reachedInRep: true });
  });

  it('offers again in the next rep, without the ease once the target is eased', () => {
    const hold = toFirstHold();
    const t0 = hold.atMs;
    const waited = runFrames(hold.state, t0, t0 + 50_000, short);
    const eased = send(waited.state, { command: 'ease-target' }, t0 + 50_000);
    // Rep 2: the user cannot even reach the eased target.
    const rep2 = runUntil(
      eased.state,
      t0 + 50_000,
      (s) => s.phase === 'hold' && s.rep === 2,
      (t, s) => (s.phase === 'hold' ? short(t) : frame(t)),
    );
    const stalled = runFrames(rep2.state, rep2.atMs, rep2.atMs + 50_000, (t) =>
      frame(t, { hipFlexionDeg: 40 }),
    );
    expect(ofType(stalled.events, 'hold-stalled')).toEqual([
      expect.objectContaining({ rep: 2, easeOffered: false }),
    ]);
  });
});
