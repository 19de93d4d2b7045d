import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialCuePolicyState, stepCuePolicy } from '../../../src/feedback/cuePolicy';
import type { Utterance, Verbosity } from '../../../src/feedback/cueTypes';
import {
  GLOBAL_GAP_MS,
  MAX_NON_SAFETY_PER_MINUTE,
  MAX_UTTERANCES_PER_MINUTE,
} from '../../../src/feedback/cueTypes';
import type { ProtocolEvent, SessionState } from '../../../src/protocol';
import { initialSessionState, stretchById } from '../../../src/protocol';
import { bodyMeasures } from '../protocol/measuresBuilder';
import { coach, maxInWindow } from './coachDriver';

const standing = stretchById('standing-hamstring');
const session: SessionState = { ...initialSessionState([standing]), phase: 'hold' };
const FAULTS = [
  'back-rounded',
  'working-knee-bent',
  'working-knee-locked',
  'standing-knee-locked',
  'bouncing',
];

/** One frame's worth of hostile events: faults flapping, setup churning, ticks, prompts. */
const frameEvents = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('fault' as const),
      index: fc.nat(FAULTS.length - 1),
      on: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('setup' as const),
      issues: fc.subarray(['no-person', 'not-side-on', 'not-whole-body'] as const),
    }),
    fc.record({
      kind: fc.constantFrom(
        'tick' as const,
        'second' as const,
        'lost' as const,
        'reached' as const,
        'sight' as const,
        'resumed' as const,
        'rep' as const,
        'symptom' as const,
      ),
    }),
  ),
  { maxLength: 3 },
);

type FrameSpecs = typeof frameEvents extends fc.Arbitrary<infer T> ? T : never;

function toEvents(specs: FrameSpecs, atMs: number, frame: number): ProtocolEvent[] {
  return specs.map((spec): ProtocolEvent => {
    switch (spec.kind) {
      case 'fault': {
        const fault = FAULTS[spec.index]!;
        return spec.on
          ? {
              type: 'fault-started',
              atMs,
              fault,
              aspect: fault === 'bouncing' ? 'safety' : 'back',
              gatesHold: true,
              startMs: atMs,
            }
          : { type: 'fault-ended', atMs, fault, startMs: atMs - 100, durationMs: 100 };
      }
      case 'setup':
        return {
          type: 'setup-changed',
          atMs,
          stretchId: standing.id,
          issues: spec.issues.map((kind) => ({ kind, joints: [], view: null }) as never),
        };
      case 'tick':
        return { type: 'countdown-tick', atMs, remaining: 1 + (frame % 3) };
      case 'second':
        return { type: 'hold-second', atMs, heldMs: 1000 * (frame % 31), holdMs: 30_000 };
      case 'lost':
        return { type: 'position-lost', atMs };
      case 'reached':
        return { type: 'position-reached', atMs };
      case 'sight':
        return {
          type: 'hold-paused',
          atMs,
          reason: 'cannot-see',
          faults: [],
          joints: ['left_knee'],
        };
      case 'resumed':
        return { type: 'hold-resumed', atMs, breakMs: 100 };
      case 'rep':
        return { type: 'rep-started', atMs, stretchId: standing.id, leg: 'left', rep: 1 };
      case 'symptom':
        return { type: 'symptom-check', atMs, stretchId: standing.id };
    }
  });
}

function assertNoSpam(said: readonly Utterance[]): void {
  expect(maxInWindow(said)).toBeLessThanOrEqual(MAX_UTTERANCES_PER_MINUTE);
  expect(maxInWindow(said, 60_000, (u) => u.priority !== 'safety')).toBeLessThanOrEqual(
    MAX_NON_SAFETY_PER_MINUTE,
  );
  said.forEach((u, i) => {
    const prev = said[i - 1];
    if (prev === undefined) return;
    // Nothing starts over a countdown number.
    if (!prev.interruptible) expect(u.atMs).toBeGreaterThanOrEqual(prev.atMs + prev.estimatedMs);
    const clockDriven = u.cueKey === 'countdown' || u.cueKey === 'begin';
    if (!clockDriven && !u.interrupt)
      expect(u.atMs).toBeGreaterThanOrEqual(prev.atMs + prev.estimatedMs + GLOBAL_GAP_MS);
  });
}

describe('the cue policy never spams', () => {
  it(`says at most ${MAX_UTTERANCES_PER_MINUTE} lines a minute whatever the events`, () => {
    fc.assert(
      fc.property(
        fc.array(frameEvents, { minLength: 5_400, maxLength: 5_400 }),
        fc.constantFrom<Verbosity>('minimal', 'normal', 'chatty'),
        (frames, verbosity) => {
          let policy = initialCuePolicyState({ verbosity });
          const said: Utterance[] = [];
          frames.forEach((specs, frame) => {
            const atMs = Math.round((frame * 1000) / 30);
            const [next, lines] = stepCuePolicy(
              policy,
              toEvents(specs, atMs, frame),
              session,
              atMs,
            );
            policy = next;
            said.push(...lines);
          });
          assertNoSpam(said);
        },
      ),
      { numRuns: 12, seed: 20_240_601 },
    );
  });

  it('stays within the limits through the real machine with every measure flapping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        // A deterministic hash per frame: values jump across every threshold several times a second.
        const wobble = (t: number, k: number): number => {
          const x = Math.sin((t / 33 + k * 101 + seed) * 12.9898) * 43758.5453;
          return x - Math.floor(x);
        };
        const run = coach({
          routine: [standing, stretchById('seated-long-sit')],
          limitMs: 240_000,
          frameAt: (t) =>
            bodyMeasures(
              {
                orientation: wobble(t, 1) < 0.9 ? 'upright' : 'seated',
                view: wobble(t, 2) < 0.9 ? 'side' : 'frontal',
                workingLeg: 'left',
                hipFlexionDeg: 40 + 40 * wobble(t, 3),
                roundingIndex: 1.5 * wobble(t, 4),
                kneeAngleDeg: wobble(t, 5) < 0.1 ? null : 150 + 40 * wobble(t, 6),
                otherKneeAngleDeg: 170 + 20 * wobble(t, 7),
                personFound: wobble(t, 8) < 0.97,
              },
              t,
            ),
          commands: [
            { atMs: 100_000, command: { command: 'pause' } },
            { atMs: 101_000, command: { command: 'resume' } },
          ],
        });
        assertNoSpam(run.said);
      }),
      { numRuns: 6, seed: 7 },
    );
  });
});
