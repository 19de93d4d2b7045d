import { describe, expect, it } from 'vitest';
import { MESSAGES, symptomAdvice } from '../../../src/feedback/cueMessages';
import { initialCuePolicyState, speechEnded, stepCuePolicy } from '../../../src/feedback/cuePolicy';
import type { Utterance } from '../../../src/feedback/cueTypes';
import type { ProtocolEvent, SessionState } from '../../../src/protocol';
import { initialSessionState, stretchById } from '../../../src/protocol';
import { bodyMeasures, nobody } from '../protocol/measuresBuilder';
import { coach } from './coachDriver';

const standing = stretchById('standing-hamstring');
const glide = stretchById('sciatic-nerve-glide');
const user = (t: number, s: SessionState) =>
  bodyMeasures(
    { orientation: 'upright', workingLeg: s.pass === 1 ? 'right' : 'left', hipFlexionDeg: 70 },
    t,
  );

/** A person in position whose back rounds in every hold: form cues keep coming. */
const roundsInHolds = (t: number, s: SessionState) =>
  bodyMeasures(
    {
      orientation: 'upright',
      workingLeg: 'left',
      hipFlexionDeg: 70,
      roundingIndex: s.phase === 'hold' ? 1.5 : 0.1,
    },
    t,
  );

/** Feeds hand-made events to the policy at the given times, then frames to `untilMs`. */
function feed(
  script: readonly { atMs: number; events: ProtocolEvent[] }[],
  untilMs: number,
  session: SessionState = { ...initialSessionState([standing]), phase: 'hold' },
): Utterance[] {
  let policy = initialCuePolicyState();
  const said: Utterance[] = [];
  for (let t = 0; t <= untilMs; t += 33) {
    const events = script.filter((s) => s.atMs >= t - 33 && s.atMs < t).flatMap((s) => s.events);
    const [next, lines] = stepCuePolicy(policy, events, session, t);
    policy = next;
    said.push(...lines);
  }
  return said;
}

describe('the cue policy: safety lines', () => {
  it('reminds to warm up first, before anything else', () => {
    const run = coach({ routine: [standing], frameAt: user, limitMs: 2_000, warmUpAtMs: null });
    expect(run.said[0]).toMatchObject({
      cueKey: 'warm-up',
      priority: 'safety',
      text: MESSAGES.warmUp,
    });
  });

  it('cuts the warm-up line short once the user has confirmed, to give the setup line', () => {
    const run = coach({ routine: [standing], frameAt: user, limitMs: 3_000, warmUpAtMs: 2_000 });
    const intro = run.said.find((u) => u.cueKey === 'stretch-intro');
    expect(intro?.atMs).toBeCloseTo(2_000, -2);
    expect(intro?.interrupt).toBe(true);
  });

  it('on stop, drops everything waiting and says it is stopping, cutting off the current line', () => {
    const run = coach({
      routine: [standing],
      frameAt: roundsInHolds,
      commands: [{ atMs: 12_500, command: { command: 'stop' } }],
      limitMs: 30_000,
    });
    const stop = run.said.findIndex((u) => u.cueKey === 'stopped');
    expect(run.said[stop]).toMatchObject({ text: MESSAGES.stopped, priority: 'safety' });
    expect(run.said[stop]!.atMs).toBeLessThan(12_500 + 700);
    const after = run.said.slice(stop + 1).map((u) => u.cueKey);
    expect(after.filter((k) => k.startsWith('fault:'))).toEqual([]);
    // Stop happens mid-hold, so the symptom question follows.
    expect(after).toContain('symptom-check');
  });

  it('says the stop advice at once when "I feel pain or tingling" is pressed mid-hold', () => {
    const run = coach({
      routine: [standing],
      frameAt: roundsInHolds,
      commands: [{ atMs: 12_500, command: { command: 'report-symptom' } }],
      limitMs: 30_000,
    });
    const advice = run.said.findIndex((u) => u.cueKey === 'symptom-advice');
    expect(run.said[advice]).toMatchObject({ text: MESSAGES.symptomStop, priority: 'safety' });
    expect(run.said[advice]!.atMs).toBeLessThan(12_500 + 700);
    expect(MESSAGES.symptomStop).toMatch(/physiotherapist or doctor/);
    expect(MESSAGES.symptomStop).not.toMatch(/glide/);
    // Nothing after it: no fault reminders, no symptom question, no "session done".
    expect(run.said.slice(advice + 1)).toEqual([]);
    expect(run.session.phase).toBe('done');
  });

  it('says the stop advice in the same step, cutting a countdown number and skipping the gap', () => {
    const said = feed(
      [
        { atMs: 1_000, events: [{ type: 'countdown-tick', atMs: 1_000, remaining: 3 }] },
        {
          atMs: 1_100,
          events: [
            { type: 'symptom-reported', atMs: 1_100, stretchId: standing.id, phase: 'countdown' },
          ],
        },
      ],
      5_000,
    );
    expect(said.map((u) => u.text)).toEqual(['3', MESSAGES.symptomStop]);
    // Said in the step the press arrived in (the feed steps every 33 ms), over the number.
    expect(said[1]!.atMs).toBeLessThan(1_100 + 33);
    expect(said[1]!.atMs).toBeLessThan(said[0]!.atMs + said[0]!.estimatedMs);
    expect(said[1]?.interrupt).toBe(true);
  });

  it('asks the symptom question after a stretch and advises, offering no exercise, on a yes', () => {
    const tingling = { tingling: true, numbness: false, sharpPain: false };
    const run = coach({
      routine: [standing],
      frameAt: user,
      limitMs: 260_000,
      // The two reps per leg are over by about 190 s; the user answers at 250 s.
      commands: [{ atMs: 250_000, command: { command: 'answer-symptoms', answer: tingling } }],
    });
    const check = run.said.find((u) => u.cueKey === 'symptom-check');
    const advice = run.said.find((u) => u.cueKey === 'symptom-advice');
    expect(check).toMatchObject({ text: MESSAGES.symptomCheck, priority: 'safety' });
    expect(advice).toMatchObject({ text: symptomAdvice(false), priority: 'safety' });
    expect(advice!.atMs).toBeGreaterThanOrEqual(250_000);
    expect(run.session.phase).toBe('symptom-advice');
  });

  it('says the advice with the glide offer, interrupting, and never cuts a countdown number', () => {
    const said = feed(
      [
        { atMs: 1_000, events: [{ type: 'countdown-tick', atMs: 1_000, remaining: 3 }] },
        {
          atMs: 1_100,
          events: [
            {
              type: 'symptom-advice',
              atMs: 1_100,
              stretchId: standing.id,
              nerveGlideOffered: true,
            },
          ],
        },
      ],
      5_000,
    );
    expect(said.map((u) => u.text)).toEqual(['3', symptomAdvice(true)]);
    expect(said[1]!.atMs).toBeGreaterThanOrEqual(said[0]!.atMs + said[0]!.estimatedMs);
  });

  it('says the bouncing line at once: the detector already waited for the rhythm', () => {
    const said = feed(
      [
        {
          atMs: 2_000,
          events: [
            {
              type: 'fault-started',
              atMs: 2_000,
              fault: 'bouncing',
              aspect: 'safety',
              gatesHold: true,
              startMs: 1_200,
            },
          ],
        },
      ],
      3_000,
    );
    expect(said).toEqual([
      expect.objectContaining({ text: MESSAGES.bouncing, priority: 'safety' }),
    ]);
    expect(said[0]!.atMs - 2_000).toBeLessThan(50);
  });
});

describe('the cue policy: setup and form lines', () => {
  it('tells the user to turn side-on once, and keeps it on screen while it lasts', () => {
    const run = coach({
      routine: [standing],
      limitMs: 60_000,
      frameAt: (t) =>
        bodyMeasures({ orientation: 'upright', workingLeg: 'left', view: 'frontal' }, t),
    });
    // One instruction, said once: a minute of "turn side-on" reminders wore people out.
    const times = run.said.filter((u) => u.text === MESSAGES.notSideOn).map((u) => u.atMs);
    expect(times).toHaveLength(1);
    expect(run.said.filter((u) => u.priority === 'setup' && u.cueKey !== 'stretch-intro')).toEqual([
      expect.objectContaining({ text: MESSAGES.notSideOn }),
    ]);
  });

  it('does not repeat the opening line as the setup line a few seconds later', () => {
    // Side-on and upright, but no heel up yet: the setup line is the stretch's own start line.
    const run = coach({
      routine: [standing],
      limitMs: 30_000,
      frameAt: (t) => bodyMeasures({ orientation: 'upright', workingLeg: null }, t),
    });
    expect(run.said.filter((u) => u.text === standing.start.cue)).toHaveLength(1);
  });

  it('confirms once when two faults are fixed together', () => {
    const start = [
      {
        type: 'fault-started',
        atMs: 1_000,
        fault: 'back-rounded',
        aspect: 'back',
        gatesHold: true,
        startMs: 1_000,
      },
      {
        type: 'fault-started',
        atMs: 1_000,
        fault: 'working-knee-bent',
        aspect: 'knee',
        gatesHold: true,
        startMs: 1_000,
      },
    ] as const satisfies ProtocolEvent[];
    const end = [
      {
        type: 'fault-ended',
        atMs: 9_000,
        fault: 'back-rounded',
        startMs: 1_000,
        durationMs: 8_000,
      },
      {
        type: 'fault-ended',
        atMs: 9_000,
        fault: 'working-knee-bent',
        startMs: 1_000,
        durationMs: 8_000,
      },
    ] as const satisfies ProtocolEvent[];
    const said = feed(
      [
        { atMs: 1_000, events: [...start] },
        { atMs: 9_000, events: [...end] },
      ],
      20_000,
    );
    const confirmations = said.filter((u) => u.cueKey.startsWith('fixed:'));
    expect(said.filter((u) => u.cueKey.startsWith('fault:')).length).toBe(2);
    expect(confirmations).toHaveLength(1);
  });

  it('never says a correction after the fault has gone', () => {
    const said = feed(
      [
        { atMs: 1_000, events: [{ type: 'countdown-tick', atMs: 1_000, remaining: 3 }] },
        {
          atMs: 1_000,
          events: [
            {
              type: 'fault-started',
              atMs: 1_000,
              fault: 'working-knee-bent',
              aspect: 'knee',
              gatesHold: true,
              startMs: 1_000,
            },
          ],
        },
        {
          atMs: 1_750,
          events: [
            {
              type: 'fault-ended',
              atMs: 1_750,
              fault: 'working-knee-bent',
              startMs: 1_000,
              durationMs: 750,
            },
          ],
        },
      ],
      5_000,
    );
    // The knee fault lasted past the debounce but the channel was busy until it ended.
    expect(said.map((u) => u.text)).toEqual(['3']);
  });

  it('frees the channel when the speaker reports the line ended early', () => {
    let policy = initialCuePolicyState();
    const session = { ...initialSessionState([standing]), phase: 'hold' } as const;
    const events: ProtocolEvent[] = [{ type: 'switch-leg', atMs: 0, to: 'right' }];
    let [next, lines] = stepCuePolicy(policy, events, session, 0);
    policy = speechEnded(next, lines[0]!.id, 300);
    [next, lines] = stepCuePolicy(
      policy,
      [{ type: 'paused', atMs: 1_600, phase: 'hold' }],
      session,
      1_600,
    );
    expect(lines.map((u) => u.text)).toEqual([MESSAGES.paused]);
  });

  it('keeps the glide flowing: warns about a held end and about rushing', () => {
    const session = { ...initialSessionState([glide]), phase: 'glide' } as const;
    const said = feed(
      [
        {
          atMs: 1_000,
          events: [
            {
              type: 'fault-started',
              atMs: 1_000,
              fault: 'end-position-held',
              aspect: 'tempo',
              gatesHold: false,
              startMs: -1_000,
            },
          ],
        },
        {
          atMs: 5_000,
          events: [{ type: 'glide-rep-rejected', atMs: 5_000, reason: 'too-fast', repMs: 700 }],
        },
      ],
      8_000,
      session,
    );
    if (glide.kind !== 'glide') throw new Error('glide');
    expect(said.map((u) => u.text)).toEqual([glide.glide.endHeldCue, glide.glide.tooFastCue]);
  });

  it('says "can\'t see you" when the user leaves the frame mid-hold', () => {
    let left = false;
    const run = coach({
      routine: [standing],
      limitMs: 25_000,
      frameAt: (t, s) => {
        if (s.phase === 'hold' && s.hold.heldMs > 5_000) left = true;
        return left ? nobody(t) : user(t, s);
      },
    });
    expect(run.said.map((u) => u.text)).toContain(MESSAGES.cannotSeeAnyone);
  });
});
