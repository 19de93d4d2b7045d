import { describe, expect, it } from 'vitest';
import { demoPose, DEMO_FAULT, type DemoCue } from '../../../src/demo/demoActor';
import { HeadlessCoach } from '../../../src/coach/headlessCoach';
import { readouts } from '../../../src/coach/view/readouts';
import { findStretch, type SessionState } from '../../../src/protocol';
import type { Pose } from '../../../src/geometry/types';

/**
 * The back is judged only from what the model can see (issue 16, item 4). The demo person rounds
 * the back in the first hold: its keypoints move as a rounded back moves them (the trunk chord
 * shortens, the head drops: the weak cues), and its trunk mask bows. With the mask the coach says
 * so and the timer waits; with the same keypoints and no mask (MoveNet) it says nothing about the
 * back and the timer runs. Fake clock: 10 frames a second, time passed in.
 */

const found = findStretch('standing-hamstring');
if (found?.kind !== 'hold') throw new Error('standing-hamstring hold stretch missing');
const standing = found;
const backCue = standing.checks.find((c) => c.id === 'back-rounded')?.cue;

const FRAME_MS = 100;

function cueOf(state: SessionState): DemoCue {
  return { phase: state.phase, phaseStartMs: state.phaseStartMs, pass: state.pass, rep: state.rep };
}

/** The same pose as MoveNet gives it: no person mask. */
function withoutMask(pose: Pose): Pose {
  const copy = { ...pose };
  delete copy.segmentation;
  return copy;
}

/** The first rep of the demo, start to end, with or without the trunk mask. */
function firstRep(mask: boolean) {
  const coach = new HeadlessCoach({ routine: [standing] });
  coach.command({ command: 'start' }, 0);
  let backReadouts: string[] = [];
  for (let nowMs = FRAME_MS; nowMs <= 5 * 60_000; nowMs += FRAME_MS) {
    if (coach.session.phase === 'warm-up') coach.command({ command: 'confirm-warm-up' }, nowMs);
    const pose = demoPose(cueOf(coach.session), nowMs);
    coach.frame(mask ? pose : withoutMask(pose), nowMs);
    const back = readouts({
      state: coach.session,
      measures: coach.measures,
      leg: 'right',
    }).find((r) => r.id === 'back');
    if (back !== undefined) backReadouts = [...backReadouts, `${back.value}|${back.detail ?? ''}`];
    if (coach.events.some((e) => e.type === 'rep-ended')) break;
  }
  const rep = coach.events.find((e) => e.type === 'rep-ended');
  if (rep?.type !== 'rep-ended') throw new Error('the first rep never ended');
  return { events: coach.events, lines: coach.said, rep, backReadouts };
}

describe('the back, judged only from its outline', () => {
  it('with no mask, a rounding seen only in the keypoints is neither voiced nor stops the timer', () => {
    const { events, lines, rep, backReadouts } = firstRep(false);
    expect(events.filter((e) => e.type === 'fault-started')).toEqual([]);
    expect(lines.map((l) => l.text)).not.toContain(backCue);
    expect(events.filter((e) => e.type === 'hold-paused')).toEqual([]);
    expect(rep).toMatchObject({ completed: true, breaks: 0 });
    expect(rep.heldInFormMs).toBe(standing.dose.holdMs);
    // The panel says the back is not checked, and why, throughout.
    expect(new Set(backReadouts)).toEqual(
      new Set([`not checked|This model can't see the outline of your back - BlazePose full can.`]),
    );
  });

  it('with a mask whose outline bows, the fault is voiced and the timer waits, as before', () => {
    const { events, lines, rep } = firstRep(true);
    expect(events.filter((e) => e.type === 'fault-started').map((e) => e.fault)).toEqual([
      'back-rounded',
    ]);
    const said = lines.find((l) => l.text === backCue);
    const holdStart = events.find((e) => e.type === 'phase-changed' && e.to === 'hold')?.atMs ?? 0;
    expect((said?.atMs ?? 0) - holdStart).toBeGreaterThan(DEMO_FAULT.fromMs);
    expect((said?.atMs ?? 0) - holdStart).toBeLessThan(DEMO_FAULT.toMs);
    expect(rep.breaks).toBeGreaterThan(0);
    expect(rep.completed).toBe(true);
  });
});
