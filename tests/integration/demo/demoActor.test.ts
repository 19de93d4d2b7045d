import { describe, expect, it } from 'vitest';
import { demoPose, DEMO_FAULT, type DemoCue } from '../../../src/demo/demoActor';
import { HeadlessCoach } from '../../../src/coach/headlessCoach';
import { findStretch, type SessionState } from '../../../src/protocol';

const found = findStretch('standing-hamstring');
if (found?.kind !== 'hold') throw new Error('standing-hamstring hold stretch missing');
const standing = found;

const FRAME_MS = 100; // 10 analysed frames a second, as the fast model manages live

function cueOf(state: SessionState): DemoCue {
  return { phase: state.phase, phaseStartMs: state.phaseStartMs, pass: state.pass, rep: state.rep };
}

/**
 * The demo acting out a routine through the coaching step, as a live session runs it, with the
 * answers a user would give from the keyboard.
 */
function runDemo(maxMs: number) {
  const coach = new HeadlessCoach({ routine: [standing] });
  coach.command({ command: 'start' }, 0);
  for (let nowMs = FRAME_MS; nowMs <= maxMs && coach.session.phase !== 'done'; nowMs += FRAME_MS) {
    if (coach.session.phase === 'warm-up') coach.command({ command: 'confirm-warm-up' }, nowMs);
    if (coach.session.phase === 'symptom-check') {
      coach.command(
        {
          command: 'answer-symptoms',
          answer: { tingling: false, numbness: false, sharpPain: false },
        },
        nowMs,
      );
    }
    coach.frame(demoPose(cueOf(coach.session), nowMs), nowMs);
  }
  return { session: coach.session, events: coach.events, lines: coach.said };
}

describe('the bundled demo person', () => {
  const { session, events, lines } = runDemo(10 * 60_000);

  it('completes the standing stretch on both legs, every rep held in form', () => {
    expect(session.phase).toBe('done');
    expect(events.find((e) => e.type === 'session-ended')).toMatchObject({ reason: 'completed' });
    const reps = events.filter((e) => e.type === 'rep-ended');
    expect(reps).toHaveLength(2 * standing.dose.reps);
    for (const rep of reps) expect(rep).toMatchObject({ completed: true });
  });

  it('rounds its back once, in the first hold, and the coach says so', () => {
    const faults = events.filter((e) => e.type === 'fault-started');
    expect(faults.map((f) => f.fault)).toEqual(['back-rounded']);
    const backCue = standing.checks.find((c) => c.id === 'back-rounded')?.cue;
    const said = lines.find((l) => l.text === backCue);
    expect(said).toBeDefined();
    const holdStart = events.find((e) => e.type === 'phase-changed' && e.to === 'hold')?.atMs ?? 0;
    // Voiced after the fault began (debounced), well before it was fixed.
    expect((said?.atMs ?? 0) - holdStart).toBeGreaterThan(DEMO_FAULT.fromMs);
    expect((said?.atMs ?? 0) - holdStart).toBeLessThan(DEMO_FAULT.toMs);
  });

  it('changes legs between the passes', () => {
    const legs = events.filter((e) => e.type === 'rep-started').map((e) => e.leg);
    expect(new Set(legs.slice(0, 2))).toEqual(new Set(['right']));
    expect(new Set(legs.slice(2))).toEqual(new Set(['left']));
  });
});
