import { describe, expect, it } from 'vitest';
import { MESSAGES, stallLine } from '../../../src/feedback/cueMessages';
import { REASSURE_EVERY_MS } from '../../../src/feedback/stallCues';
import { STALL_AFTER_MS, stretchById } from '../../../src/protocol';
import { bodyMeasures, nobody } from '../protocol/measuresBuilder';
import { coach, type CoachRun } from './coachDriver';

const longSit = stretchById('seated-long-sit');
const REASSURANCES: readonly string[] = [MESSAGES.reassureTakeTime, MESSAGES.reassureBreathe];

/** Issue 17 item 7: sitting tall in the long-sit (95 degrees), never tipping forward to 105. */
const sitter =
  (hipFlexionDeg = 95) =>
  (t: number) =>
    bodyMeasures({ orientation: 'seated', workingLeg: null, nearSide: 'right', hipFlexionDeg }, t);

const holdStart = (run: CoachRun): number =>
  run.events.find((e) => e.type === 'rep-started')?.atMs ?? NaN;

describe('a hold that will not come: what the coach says', () => {
  const run = coach({ routine: [longSit], frameAt: sitter(), limitMs: 300_000 });
  const start = holdStart(run);
  const inHold = run.said.filter((u) => u.atMs >= start);

  it('says the stall once, kindly, after the threshold and not before', () => {
    const offers = inHold.filter((u) => u.text === stallLine(true));
    expect(offers).toHaveLength(1);
    expect(offers[0]!.atMs - start).toBeGreaterThanOrEqual(STALL_AFTER_MS);
    expect(offers[0]!.atMs - start).toBeLessThan(STALL_AFTER_MS + 5_000);
    expect(run.session.phase).toBe('hold');
  });

  it('never leaves the user in silence for minutes, and does not nag', () => {
    const times = [start, ...inHold.map((u) => u.atMs), run.endMs];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000);
    const reassured = inHold.filter((u) => REASSURANCES.includes(u.text)).map((u) => u.atMs);
    expect(reassured.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < reassured.length; i++)
      expect(reassured[i]! - reassured[i - 1]!).toBeGreaterThanOrEqual(REASSURE_EVERY_MS);
    // Never the same reassurance twice in a row.
    const texts = inHold.filter((u) => REASSURANCES.includes(u.text)).map((u) => u.text);
    for (let i = 1; i < texts.length; i++) expect(texts[i]).not.toBe(texts[i - 1]);
    // In 4 minutes of waiting: a handful of lines a minute at most.
    expect(inHold.length).toBeLessThanOrEqual(4 * 4);
  });

  it('says nothing reassuring while the user has paused', () => {
    const paused = coach({
      routine: [longSit],
      frameAt: sitter(),
      commands: [
        { atMs: 30_000, command: { command: 'pause' } },
        { atMs: 200_000, command: { command: 'resume' } },
      ],
      limitMs: 200_000,
    });
    const during = paused.said.filter((u) => u.atMs >= 30_000 && u.atMs < 200_000);
    expect(during.map((u) => u.text)).toEqual([MESSAGES.paused]);
  });

  it('does not reassure an empty picture', () => {
    const empty = coach({
      routine: [longSit],
      frameAt: (t, s) => (s.phase === 'hold' ? nobody(t) : sitter()(t)),
      limitMs: 150_000,
    });
    const texts = empty.said.map((u) => u.text);
    expect(texts.filter((t) => REASSURANCES.includes(t))).toEqual([]);
    expect(texts).not.toContain(stallLine(true));
  });

  it('confirms "ease the target" and counts the hold at the eased target', () => {
    const eased = coach({
      routine: [longSit],
      // 100 degrees: short of the long-sit target (105), within the eased one (97).
      frameAt: sitter(100),
      commands: [{ atMs: 80_000, command: { command: 'ease-target' } }],
      until: (s) => s.phase !== 'hold' && s.rep === 2,
      limitMs: 200_000,
    });
    expect(eased.said.map((u) => u.text)).toContain(MESSAGES.targetEased);
    const reps = eased.events.filter((e) => e.type === 'rep-ended');
    expect(reps[0]).toMatchObject({ completed: true, heldInFormMs: 30_000 });
  });
});
