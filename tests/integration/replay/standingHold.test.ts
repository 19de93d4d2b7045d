import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/feedback/cueMessages';
import { ROUNDING_WINDOW_MS } from '../../../src/geometry';
import { MAX_UTTERANCES_PER_MINUTE } from '../../../src/feedback/cueTypes';
import type { SessionState } from '../../../src/protocol';
import { stretchById } from '../../../src/protocol';
import { bounce, hide, hinge, roundBack } from '../../../src/demo/bodyModel';
import type { ModelFamily } from '../../../src/demo/bodyModel';
import { maxInWindow } from '../../unit/feedback/coachDriver';
import { followingUser, ofType, replay } from './replayHarness';

const standing = stretchById('standing-hamstring');
const backCue = standing.checks.find((c) => c.id === 'back-rounded')!.cue;

/**
 * "Hinge to 80 degrees with a flat back, round the back at 12 s for 3 s, bounce at 20 s", on
 * the first rep only. The hinge from 40 to 80 degrees over 2 s crosses the 60-degree target at
 * 1.0 s. The rounding eases in over 0.2 s and crosses geometry's index 1 (15% chord
 * shortening) at 12.12 s; it eases out from 15.0 s and is fixed (index 0.75) at 15.11 s.
 */
const FIRST_REP = [
  hinge(80, { atMs: 0, overMs: 2_000 }),
  roundBack({ atMs: 12_000, forMs: 3_000, amount: 0.25 }),
  bounce({ atMs: 20_000, forMs: 3_000, hz: 2, ppDeg: 8 }),
];
const REACHED_MS = 1_000;
const ROUNDED_MS = 15_110 - 12_120;

function firstRep(model: ModelFamily, nearSide: 'left' | 'right', noisePx: number) {
  let heldAt19_9: number | null = null;
  const user = followingUser(
    { posture: 'standing-step', nearSide, model, noise: { sigmaPx: noisePx, seed: 11 } },
    FIRST_REP,
  );
  const run = replay({
    routine: [standing],
    user: (t, s: SessionState) => {
      if (s.phase === 'hold' && heldAt19_9 === null && t - s.repStartMs >= 19_900)
        heldAt19_9 = s.hold.heldMs;
      return user(t, s);
    },
    until: (s) => s.phase === 'rest',
  });
  return { run, heldAt19_9: heldAt19_9 as number | null };
}

describe('replay: standing stretch through geometry, protocol and cue policy', () => {
  const cases: readonly [ModelFamily, 'left' | 'right', number][] = [
    ['movenet', 'left', 0],
    ['movenet', 'right', 1.5],
    ['blazepose', 'left', 1.5],
    ['blazepose', 'right', 0],
  ];
  it.each(cases)(
    '%s facing %s, jitter %s px: counts held-in-form seconds within 0.2 s',
    (model, nearSide, noisePx) => {
      const { run, heldAt19_9 } = firstRep(model, nearSide, noisePx);
      // Before the bounce: 19.9 s of rep, minus reaching the position and, where the model can
      // see the back's outline (BlazePose's mask), the rounded back. MoveNet has no mask: the back
      // is not checked, so the rounding (seen before only in the trunk chord) stops nothing.
      const seesBack = model === 'blazepose';
      const expectedHeld = 19_900 - REACHED_MS - (seesBack ? ROUNDED_MS : 0);
      expect(heldAt19_9).not.toBeNull();
      expect(Math.abs(heldAt19_9! - expectedHeld)).toBeLessThanOrEqual(200);

      const [rep] = ofType(run.events, 'rep-ended');
      expect(rep).toMatchObject({ leg: 'left', rep: 1, completed: true, heldInFormMs: 30_000 });

      const paused = ofType(run.events, 'hold-paused');
      expect(paused.map((p) => p.faults)).toEqual(
        seesBack ? [['back-rounded'], ['bouncing']] : [['bouncing']],
      );
      const [bounceEvent] = ofType(run.events, 'bounce-detected');
      expect(bounceEvent!.frequencyHz).toBeCloseTo(2, 0);
      expect(bounceEvent!.amplitudeDeg).toBeGreaterThan(6);
      expect(bounceEvent!.atMs - rep!.atMs).toBeLessThan(0); // detected during the rep
    },
  );

  // Was run on MoveNet, whose trunk chord stood in for the back; the back outline needs a mask.
  it('voices the rounded back 0.7 s after it starts, then the bounce, and confirms the fix once', () => {
    const { run } = firstRep('blazepose', 'left', 1.5);
    const repStart = ofType(run.events, 'rep-started')[0]!.atMs;
    const at = (text: string) =>
      run.said.filter((u) => u.text === text).map((u) => u.atMs - repStart);
    const [back] = at(backCue);
    expect(back).toBeGreaterThanOrEqual(12_120 + 700 - 40);
    // The outline's reading is the median of the last ROUNDING_WINDOW_MS, which lags a change by
    // up to half the window (the trunk chord this test used to run on had no window).
    expect(back).toBeLessThan(12_120 + 700 + 100 + ROUNDING_WINDOW_MS / 2);
    expect(at('Better, nice long back.')).toHaveLength(1);
    const [bounced] = at(MESSAGES.bouncing);
    expect(bounced).toBeGreaterThan(20_000);
    expect(bounced).toBeLessThan(21_600);
    // Nothing about the back while it was flat.
    expect(at(backCue).every((ms) => ms > 12_000 && ms < 16_000)).toBe(true);
  });

  it('says nothing about a back it cannot see (MoveNet, no mask), and still the bounce', () => {
    const { run } = firstRep('movenet', 'left', 1.5);
    const texts = run.said.map((u) => u.text);
    expect(texts).not.toContain(backCue);
    expect(texts).not.toContain('Better, nice long back.');
    expect(texts).toContain(MESSAGES.bouncing);
    expect(ofType(run.events, 'fault-started').map((f) => f.fault)).not.toContain('back-rounded');
  });

  it("says it can't see the knee when the near knee is lost, and pauses the hold meanwhile", () => {
    const user = followingUser({ posture: 'standing-step', nearSide: 'left', model: 'movenet' }, [
      hinge(80, { atMs: 0, overMs: 2_000 }),
      hide(['left_knee'], { atMs: 8_000, forMs: 3_000 }),
    ]);
    const run = replay({ routine: [standing], user, until: (s) => s.phase === 'rest' });
    expect(ofType(run.events, 'hold-paused')[0]).toMatchObject({
      reason: 'cannot-see',
      joints: ['left_knee'],
    });
    expect(run.said.some((u) => u.text.startsWith("I can't see your knee"))).toBe(true);
    expect(ofType(run.events, 'rep-ended')[0]!.totalMs).toBeCloseTo(34_000, -3);
  });

  it('runs both legs, two reps each, with at most 20 lines a minute', () => {
    const user = followingUser(
      {
        posture: 'standing-step',
        nearSide: 'right',
        model: 'blazepose',
        noise: { sigmaPx: 1.5, seed: 3 },
      },
      [hinge(75, { atMs: 0, overMs: 3_000 })],
    );
    const run = replay({ routine: [standing], user });
    expect(run.session.phase).toBe('done');
    expect(ofType(run.events, 'rep-ended').map((r) => [r.leg, r.rep, r.heldInFormMs])).toEqual([
      ['left', 1, 30_000],
      ['left', 2, 30_000],
      ['right', 1, 30_000],
      ['right', 2, 30_000],
    ]);
    expect(ofType(run.events, 'fault-started')).toEqual([]);
    expect(maxInWindow(run.said)).toBeLessThanOrEqual(MAX_UTTERANCES_PER_MINUTE);
    expect(run.said.map((u) => u.text)).toContain(
      'That side is done. Now switch to your right leg.',
    );
  });
});
