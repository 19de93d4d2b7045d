import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/feedback/cueMessages';
import { stretchById } from '../../../src/protocol';
import { bodyMeasures, nobody } from '../protocol/measuresBuilder';
import { coach, type CoachRun } from './coachDriver';

const standing = stretchById('standing-hamstring');
const backCue = standing.checks.find((c) => c.id === 'back-rounded')!;

const saidBetween = (run: CoachRun, fromMs: number, toMs: number): string[] =>
  run.said.filter((u) => u.atMs >= fromMs && u.atMs < toMs).map((u) => u.text);

describe('paused means silent', () => {
  it('says nothing but "Paused." while paused in setup with nobody in view, for 50 s', () => {
    const run = coach({
      routine: [standing],
      frameAt: (t) => nobody(t),
      commands: [
        { atMs: 10_000, command: { command: 'pause' } },
        { atMs: 60_000, command: { command: 'resume' } },
      ],
      limitMs: 90_000,
    });
    // Before the pause the coach did ask for the person (so silence afterwards means something).
    const askedFor = saidBetween(run, 5_000, 10_000);
    expect(askedFor).toHaveLength(1);
    expect(saidBetween(run, 10_000, 60_000)).toEqual([MESSAGES.paused]);
    // After resuming, coaching carries on.
    expect(saidBetween(run, 60_000, 90_000)).toContain(askedFor[0]);
  });

  it('cuts the line being said with "Paused." and voices no form fault while a hold is paused', () => {
    const run = coach({
      routine: [standing],
      frameAt: (t, s) =>
        bodyMeasures(
          {
            workingLeg: 'left',
            hipFlexionDeg: 70,
            kneeAngleDeg: 176,
            roundingIndex: s.phase === 'hold' ? 1.4 : 0.2,
          },
          t,
        ),
      commands: [{ atMs: 25_000, command: { command: 'pause' } }],
      limitMs: 70_000,
    });
    expect(run.session.paused).not.toBeNull();
    expect(saidBetween(run, 0, 25_000)).toContain(backCue.cue);
    // 25 s: the rounded back's reminder (said at 23.4 s) is still being spoken.
    const paused = run.said.filter((u) => u.atMs >= 25_000);
    expect(paused.map((u) => u.text)).toEqual([MESSAGES.paused]);
    expect(paused[0]).toMatchObject({ atMs: 25_000, interrupt: true });
  });
});
