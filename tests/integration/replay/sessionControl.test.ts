import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/feedback/cueMessages';
import type { SessionState } from '../../../src/protocol';
import { stretchById } from '../../../src/protocol';
import { hinge } from '../../../src/demo/bodyModel';
import { followingUser, ofType, replay } from './replayHarness';

const standing = stretchById('standing-hamstring');
const user = followingUser({ posture: 'standing-step', nearSide: 'left', model: 'movenet' }, [
  hinge(80, { atMs: 0, overMs: 2_000 }),
]);

/** The first rep starts 9 s in: 6 s of setup instructions and the 3 s countdown. */
const REP_STARTS_MS = 9_000;

describe('replay: pause, resume and stop', () => {
  it('freezes the hold while paused (the user walks off), then finishes it after resume', () => {
    const run = replay({
      routine: [standing],
      // Paused 10 s into the hold; the user leaves the frame; back and resumed 20 s later.
      user: (t: number, s: SessionState) => (s.paused !== null ? null : user(t, s)),
      commands: [
        { atMs: REP_STARTS_MS + 10_000, command: { command: 'pause' } },
        { atMs: REP_STARTS_MS + 30_000, command: { command: 'resume' } },
      ],
      until: (s) => s.phase === 'rest',
    });
    expect(ofType(run.events, 'rep-started')[0]?.atMs).toBe(REP_STARTS_MS);
    const [rep] = ofType(run.events, 'rep-ended');
    expect(rep?.heldInFormMs).toBe(30_000);
    // The paused 20 s are left out of the rep's total; reaching the hinge took ~1 s.
    expect(rep!.totalMs).toBeGreaterThan(30_900);
    expect(rep!.totalMs).toBeLessThan(31_300);
    expect(ofType(run.events, 'fault-started')).toEqual([]);
    const texts = run.said.map((u) => u.text);
    expect(texts).toContain(MESSAGES.paused);
    expect(texts).toContain(MESSAGES.resumed);
    expect(texts).not.toContain(MESSAGES.cannotSeeAnyone);
  });

  it('stops the stretch at once, says so, asks the symptom question, then ends', () => {
    const stopAt = REP_STARTS_MS + 12_000;
    const run = replay({
      routine: [standing, stretchById('seated-long-sit')],
      user,
      answerNo: false,
      commands: [
        { atMs: stopAt, command: { command: 'stop' } },
        {
          atMs: stopAt + 8_000,
          command: {
            command: 'answer-symptoms',
            answer: { tingling: false, numbness: false, sharpPain: false },
          },
        },
      ],
      limitMs: stopAt + 20_000,
    });
    const [rep] = ofType(run.events, 'rep-ended');
    expect(rep).toMatchObject({ completed: false });
    expect(rep!.atMs).toBe(stopAt);
    expect(rep!.heldInFormMs).toBeGreaterThan(10_500);
    expect(ofType(run.events, 'stretch-ended')[0]).toMatchObject({
      reason: 'stopped',
      atMs: stopAt,
    });
    const stopLine = run.said.find((u) => u.text === MESSAGES.stopped)!;
    expect(stopLine.atMs - stopAt).toBeLessThan(100);
    expect(stopLine.priority).toBe('safety');
    expect(run.said.map((u) => u.text)).toContain(MESSAGES.symptomCheck);
    expect(run.session.phase).toBe('done');
    expect(ofType(run.events, 'session-ended')[0]?.reason).toBe('stopped');
    // Nothing about the next stretch: stop ends the session.
    expect(ofType(run.events, 'stretch-started')).toHaveLength(1);
  });
});
