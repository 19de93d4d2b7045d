import { describe, expect, it } from 'vitest';
import { sessionView } from '../../../src/coach/view/sessionView';
import { STALL_AFTER_MS, stretchById } from '../../../src/protocol';
import { bodyMeasures } from '../protocol/measuresBuilder';
import { begin, runFrames, runUntil, send } from '../protocol/sessionDriver';

const standing = stretchById('standing-hamstring');
const at = (hipFlexionDeg: number) => (t: number) =>
  bodyMeasures({ orientation: 'upright', workingLeg: 'left', hipFlexionDeg, kneeAngleDeg: 176 }, t);

describe('the hold as the screen shows it', () => {
  const hold = runUntil(begin([standing]), 0, (s) => s.phase === 'hold', at(70));
  const t0 = hold.atMs;

  it('is settling, not paused, before the position is first reached', () => {
    const first = runFrames(hold.state, t0, t0 + 500, at(40));
    const view = sessionView(first.state, null, t0 + 500);
    expect(view.hold).toMatchObject({ status: 'settling', counting: false, eased: false });
    expect(view.stall).toBeNull();
  });

  it('counts, then waits for the form, and a user pause reads as paused', () => {
    const counting = runFrames(hold.state, t0, t0 + 3_000, at(70));
    expect(sessionView(counting.state, null, t0 + 3_000).hold?.status).toBe('counting');
    const lost = runFrames(counting.state, t0 + 3_000, t0 + 4_000, at(40));
    expect(sessionView(lost.state, null, t0 + 4_000).hold?.status).toBe('waiting');
    const paused = send(lost.state, { command: 'pause' }, t0 + 4_000);
    expect(sessionView(paused.state, null, t0 + 4_000).hold?.status).toBe('paused');
  });

  it('shows the offer once stalled, and only "move on" once eased', () => {
    const stalled = runFrames(hold.state, t0, t0 + STALL_AFTER_MS + 1_000, at(40));
    expect(sessionView(stalled.state, null, t0 + STALL_AFTER_MS).stall).toEqual({
      easeOffered: true,
    });
    const eased = send(stalled.state, { command: 'ease-target' }, t0 + STALL_AFTER_MS + 1_000);
    const view = sessionView(eased.state, null, t0 + STALL_AFTER_MS + 1_000);
    expect(view.stall).toEqual({ easeOffered: false });
    expect(view.hold?.eased).toBe(true);
    // Holding the easier target: the offer steps aside while the hold counts.
    const tEased = t0 + STALL_AFTER_MS + 1_000;
    const holding = runFrames(eased.state, tEased, tEased + 3_000, at(56));
    const counting = sessionView(holding.state, null, tEased + 3_000);
    expect(counting.hold?.status).toBe('counting');
    expect(counting.stall).toBeNull();
  });
});
