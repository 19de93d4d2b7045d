import { describe, expect, it } from 'vitest';
import { coachStep, initialCoachState } from '../../../src/coach/coachStep';
import type { CoachState } from '../../../src/coach/coachTypes';
import {
  NO_SETUP_GUIDE,
  SETUP_GUIDE_HOLD_MS,
  nextSetupGuide,
} from '../../../src/coach/view/setupGuide';
import { coachView } from '../../../src/coach/view/sessionView';
import { MESSAGES } from '../../../src/feedback/cueMessages';
import type { BodyMeasures } from '../../../src/geometry/measures';
import { stretchById } from '../../../src/protocol';
import { bodyMeasures, nobody } from '../protocol/measuresBuilder';

const TURN = 'Turn side-on to the camera.';
const STEP_BACK = 'Step back a little so I can see all of you, head to feet.';

describe('the setup guide (one line, held 3 s)', () => {
  it('shows the most useful line at once, then keeps it 3 s before it may change', () => {
    let guide = nextSetupGuide(NO_SETUP_GUIDE, [STEP_BACK, TURN], true, 1_000);
    expect(guide).toEqual({ text: STEP_BACK, sinceMs: 1_000 });
    guide = nextSetupGuide(guide, [TURN], true, 1_000 + SETUP_GUIDE_HOLD_MS - 1);
    expect(guide.text).toBe(STEP_BACK);
    guide = nextSetupGuide(guide, [TURN], true, 1_000 + SETUP_GUIDE_HOLD_MS);
    expect(guide).toEqual({ text: TURN, sinceMs: 4_000 });
  });

  it('keeps its line while nothing is wrong for a moment, and clears when setup is over', () => {
    const shown = nextSetupGuide(NO_SETUP_GUIDE, [TURN], true, 0);
    expect(nextSetupGuide(shown, [], true, 1_000).text).toBe(TURN);
    expect(nextSetupGuide(shown, [], true, 3_000).text).toBeNull();
    expect(nextSetupGuide(shown, [TURN], false, 500)).toBe(NO_SETUP_GUIDE);
  });

  it('changes at most once in 3 s on the screen however the readings flicker', () => {
    const standing = stretchById('standing-hamstring');
    let state: CoachState = initialCoachState({ routine: [standing] });
    const spoken: string[] = [];
    const step = (input: Parameters<typeof coachStep>[1], t: number): void => {
      const [next, effects] = coachStep(state, input, t);
      state = next;
      for (const e of effects)
        if (
          e.type === 'say' &&
          e.utterance.priority === 'setup' &&
          e.utterance.cueKey !== 'stretch-intro'
        )
          spoken.push(e.utterance.text);
    };
    step({ type: 'command', command: { command: 'start' } }, 0);
    step({ type: 'command', command: { command: 'confirm-warm-up' } }, 0);
    // Every other frame the person is seen whole but facing the camera, or cut off at the feet.
    const flicker = (t: number): BodyMeasures =>
      Math.floor(t / 33) % 2 === 0
        ? bodyMeasures({ orientation: 'upright', view: 'frontal' }, t)
        : { ...bodyMeasures({ orientation: 'upright', view: 'frontal' }, t), ...cutOff(t) };
    const shown: { atMs: number; hints: readonly string[] }[] = [];
    for (let t = 33; t < 30_000; t += 33) {
      step({ type: 'measured-frame', measures: flicker(t) }, t);
      const hints = coachView(state, t).setupHints;
      if (shown.at(-1)?.hints.join() !== hints.join()) shown.push({ atMs: t, hints });
    }
    // Both lines do come up (the readings really flicker), but one at a time.
    expect(new Set(shown.map((e) => e.hints.join())).size).toBeGreaterThan(1);
    for (const entry of shown) expect(entry.hints.length).toBeLessThanOrEqual(1);
    for (let i = 1; i < shown.length; i++)
      expect(shown[i]!.atMs - shown[i - 1]!.atMs).toBeGreaterThanOrEqual(SETUP_GUIDE_HOLD_MS);
    expect(shown.length).toBeLessThanOrEqual(30_000 / SETUP_GUIDE_HOLD_MS + 1);
    // Each line is said once, when it shows (a newer line replaces one still waiting), and
    // only lines that were shown are said.
    const shownLines = new Set(shown.flatMap((e) => e.hints));
    expect(spoken.length).toBeGreaterThan(0);
    expect(spoken.length).toBeLessThanOrEqual(shown.length);
    for (const line of spoken) expect(shownLines.has(line)).toBe(true);
    // Nobody there: the one line is "I can't see anyone".
    step({ type: 'measured-frame', measures: nobody(40_000) }, 40_000);
    expect(coachView(state, 40_000).setupHints).toEqual([MESSAGES.noPerson]);
  });
});

/** The whole body not in the picture (the feet cut off). */
function cutOff(t: number): Partial<BodyMeasures> {
  return {
    wholeBodyInFrame: {
      value: null,
      confidence: 0,
      reason: 'out-of-frame',
      joints: ['left_ankle', 'right_ankle'],
    },
    timestampMs: t,
  };
}
