import { describe, expect, it } from 'vitest';
import { MAX_UTTERANCES_PER_MINUTE } from '../../../src/feedback/cueTypes';
import { stretchById } from '../../../src/protocol';
import { changeFor, glideReps, hinge, ramp } from '../../../src/demo/bodyModel';
import type { ModelFamily } from '../../../src/demo/bodyModel';
import { maxInWindow } from '../../unit/feedback/coachDriver';
import { followingUser, ofType, replay } from './replayHarness';

const longSit = stretchById('seated-long-sit');
const supine = stretchById('supine-strap');
const glide = stretchById('sciatic-nerve-glide');

const cueOf = (stretchId: string, checkId: string): string =>
  stretchById(stretchId).checks.find((c) => c.id === checkId)!.cue;

describe('replay: seated long-sit', () => {
  it('holds both legs at once, counting only time in position', () => {
    const user = followingUser({ posture: 'long-sit', nearSide: 'right', model: 'blazepose' }, [
      hinge(115, { atMs: 0, overMs: 3_000 }),
    ]);
    const run = replay({ routine: [longSit], user, until: (s) => s.phase === 'rest' });
    const [rep] = ofType(run.events, 'rep-ended');
    expect(rep).toMatchObject({ leg: 'both', heldInFormMs: 30_000, completed: true });
    // Reaching 105 degrees on a 90 -> 115 ramp over 3 s takes 1.8 s; nothing else stops it.
    expect(rep!.totalMs).toBeGreaterThan(31_600);
    expect(rep!.totalMs).toBeLessThan(32_000);
  });

  it('says to let the head follow the spine when it is pushed down: one line for one problem', () => {
    const user = followingUser({ posture: 'long-sit', nearSide: 'right', model: 'blazepose' }, [
      hinge(115, { atMs: 0, overMs: 3_000 }),
      changeFor('neckDeg', 45, { atMs: 10_000, forMs: 4_000, easeMs: 500 }),
    ]);
    const run = replay({ routine: [longSit], user, until: (s) => s.phase === 'rest' });
    // Before, geometry counted a dropped head as rounding (neck flexion 35 degrees = index 1),
    // which paused the hold and broke it. The back is now read from its outline only, and the
    // outline stays long: the head is the one problem, voiced once, and the hold keeps counting
    // (the head check does not gate it).
    expect(ofType(run.events, 'fault-started').map((f) => f.fault)).toEqual(['head-forced-down']);
    expect(ofType(run.events, 'hold-paused')).toEqual([]);
    const texts = run.said.map((u) => u.text);
    expect(texts.filter((t) => t === cueOf('seated-long-sit', 'head-forced-down'))).toHaveLength(1);
    expect(texts).not.toContain(cueOf('seated-long-sit', 'back-rounded'));
  });

  it('asks for flexed feet when the toes point (BlazePose feet only)', () => {
    const run = (model: ModelFamily) =>
      replay({
        routine: [longSit],
        user: followingUser({ posture: 'long-sit', nearSide: 'left', model }, [
          hinge(115, { atMs: 0, overMs: 3_000 }),
          ramp('workingAnkleDeg', -30, { atMs: 8_000, overMs: 500 }),
        ]),
        until: (s) => s.phase === 'rest',
      });
    const feet = cueOf('seated-long-sit', 'feet-not-flexed');
    expect(run('blazepose').said.map((u) => u.text)).toContain(feet);
    expect(run('movenet').said.map((u) => u.text)).not.toContain(feet);
  });
});

describe('replay: supine strap stretch', () => {
  it('counts the raised leg, and stops the timer while the raised knee bends', () => {
    const user = followingUser({ posture: 'supine-strap', nearSide: 'left', model: 'movenet' }, [
      hinge(65, { atMs: 0, overMs: 2_000 }),
      changeFor('workingKneeDeg', 135, { atMs: 10_000, forMs: 2_000 }),
    ]);
    const run = replay({ routine: [supine], user, until: (s) => s.phase === 'rest' });
    const [rep] = ofType(run.events, 'rep-ended');
    expect(rep).toMatchObject({ leg: 'left', heldInFormMs: 30_000 });
    expect(ofType(run.events, 'hold-paused').map((p) => p.faults)).toEqual([['raised-knee-bent']]);
    expect(run.said.map((u) => u.text)).toContain(cueOf('supine-strap', 'raised-knee-bent'));
  });
});

describe('replay: seated nerve glide', () => {
  const tenReps = [...glideReps({ atMs: 1_000, reps: 10, repMs: 3_000, holdOn: 6, holdMs: 4_000 })];

  it.each(['blazepose', 'movenet'] as const)(
    '%s: counts 10 reps and warns once about the 4 s hold at the end of rep 6',
    (model) => {
      const run = replay({
        routine: [glide],
        user: followingUser({ posture: 'chair', nearSide: 'left', model }, tenReps),
        until: (s) => s.phase === 'rest',
      });
      const reps = ofType(run.events, 'glide-rep');
      expect(reps).toHaveLength(10);
      expect(reps.every((r) => r.ankleTracked === (model === 'blazepose'))).toBe(true);
      expect(ofType(run.events, 'set-ended')[0]).toMatchObject({
        set: 1,
        reps: 10,
        completed: true,
      });
      const held = ofType(run.events, 'fault-started').filter(
        (f) => f.fault === 'end-position-held',
      );
      expect(held).toHaveLength(1);
      // Rep 6 reaches chin-down at 1 + 5 * 3 + 1.5 = 17.5 s into the set; warned 2 s later.
      const repStart = ofType(run.events, 'rep-started')[0]!.atMs;
      expect(held[0]!.atMs - repStart).toBeGreaterThan(18_500);
      expect(held[0]!.atMs - repStart).toBeLessThan(20_500);
      if (glide.kind !== 'glide') throw new Error('not a glide');
      expect(run.said.map((u) => u.text)).toContain(glide.glide.endHeldCue);
    },
  );

  it('does not count reps rushed faster than the minimum rep time', () => {
    const run = replay({
      routine: [glide],
      user: followingUser({ posture: 'chair', nearSide: 'right', model: 'blazepose' }, [
        ...glideReps({ atMs: 1_000, reps: 8, repMs: 900 }),
      ]),
      limitMs: 25_000,
    });
    expect(ofType(run.events, 'glide-rep')).toHaveLength(0);
    expect(ofType(run.events, 'glide-rep-rejected').length).toBeGreaterThan(4);
    if (glide.kind !== 'glide') throw new Error('not a glide');
    expect(run.said.map((u) => u.text)).toContain(glide.glide.tooFastCue);
  });
});

describe('replay: the whole routine', () => {
  it('runs all four stretches end to end with the right reps, sets and legs, and no spam', () => {
    const routine = [stretchById('standing-hamstring'), longSit, supine, glide];
    const users = {
      'standing-hamstring': followingUser(
        {
          posture: 'standing-step',
          nearSide: 'right',
          model: 'blazepose',
          noise: { sigmaPx: 1, seed: 1 },
        },
        [hinge(75, { atMs: 0 })],
      ),
      'seated-long-sit': followingUser(
        {
          posture: 'long-sit',
          nearSide: 'right',
          model: 'blazepose',
          noise: { sigmaPx: 1, seed: 2 },
        },
        [hinge(112, { atMs: 0 })],
      ),
      'supine-strap': followingUser(
        {
          posture: 'supine-strap',
          nearSide: 'right',
          model: 'blazepose',
          noise: { sigmaPx: 1, seed: 3 },
        },
        [hinge(65, { atMs: 0 })],
      ),
      'sciatic-nerve-glide': followingUser(
        { posture: 'chair', nearSide: 'right', model: 'blazepose', noise: { sigmaPx: 1, seed: 4 } },
        [...glideReps({ atMs: 500, reps: 12, repMs: 3_000 })],
      ),
    } as const;
    const run = replay({
      routine,
      user: (t, s) => users[s.routine[s.stretchIndex]!.id as keyof typeof users](t, s),
    });
    expect(run.session.phase).toBe('done');
    expect(ofType(run.events, 'session-ended')[0]?.reason).toBe('completed');
    const reps = ofType(run.events, 'rep-ended');
    expect(reps.map((r) => `${r.stretchId}:${r.leg}:${r.heldInFormMs}`)).toEqual([
      'standing-hamstring:left:30000',
      'standing-hamstring:left:30000',
      'standing-hamstring:right:30000',
      'standing-hamstring:right:30000',
      'seated-long-sit:both:30000',
      'seated-long-sit:both:30000',
      'supine-strap:left:30000',
      'supine-strap:left:30000',
      'supine-strap:right:30000',
      'supine-strap:right:30000',
    ]);
    expect(ofType(run.events, 'set-ended').map((s) => `${s.leg}:${s.set}:${s.reps}`)).toEqual([
      'left:1:10',
      'left:2:10',
      'right:1:10',
      'right:2:10',
    ]);
    expect(ofType(run.events, 'symptom-answered')).toHaveLength(4);
    expect(ofType(run.events, 'fault-started')).toEqual([]);
    expect(maxInWindow(run.said)).toBeLessThanOrEqual(MAX_UTTERANCES_PER_MINUTE);
  });
});
