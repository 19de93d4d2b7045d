import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/feedback/cueMessages';
import { sessionView } from '../../../src/coach/view/sessionView';
import { stretchById } from '../../../src/protocol';
import { bodyMeasures, nobody } from '../protocol/measuresBuilder';
import { coach } from './coachDriver';

const standing = stretchById('standing-hamstring');

describe('the cue policy: nobody in view', () => {
  it('says "I can\'t see anyone" once in a minute of empty room, and shows only that', () => {
    const run = coach({ routine: [standing], frameAt: (t) => nobody(t), limitMs: 60_000 });
    // Besides the stretch's own opening line, said as it starts.
    const setupLines = run.said.filter(
      (u) => u.priority === 'setup' && u.cueKey !== 'stretch-intro',
    );
    expect(setupLines.map((u) => u.text)).toEqual([MESSAGES.noPerson]);
    expect(MESSAGES.noPerson).toMatch(/can't see anyone.*side-on/);
    // After the 1 s setup wait, not at the first empty frame.
    expect(setupLines[0]!.atMs).toBeGreaterThanOrEqual(1_000);
    const view = sessionView(run.session, null, run.endMs);
    expect(view.setupHints).toEqual([MESSAGES.noPerson]);
  });

  it('says it again when the person came and went, but not while the room stays empty', () => {
    // Someone sits down in view for 10 s (not yet in position), then leaves.
    const here = (t: number) => bodyMeasures({ orientation: 'seated' }, t);
    const run = coach({
      routine: [standing],
      frameAt: (t) => (t >= 20_000 && t < 30_000 ? here(t) : nobody(t)),
      limitMs: 60_000,
    });
    const lines = run.said.filter((u) => u.text === MESSAGES.noPerson);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.atMs).toBeLessThan(20_000);
    expect(lines[1]!.atMs).toBeGreaterThanOrEqual(30_000);
  });
});
