import { describe, expect, it } from 'vitest';
import { STUDIO_FAULT_IDS, type StudioStretchId } from '../../../scripts/eval/studioTruth';
import { STRETCHES } from '../../../src/protocol/stretches/registry';
import { macroFactors, macroTargetWeights } from '../../../studio/src/node/bodyShape';
import { blendPoses } from '../../../studio/src/script/blend';
import { buildClip } from '../../../studio/src/script/clip';
import { set1 } from '../../../studio/src/script/sets';
import { standing, stepHinge } from '../../../studio/src/script/postures';
import { faultLevel, type ScriptedFault } from '../../../studio/src/script/timeline';

/**
 * The studio's scripts are pure (Node, no browser): a set's design, each clip's timeline and its
 * poses come from its id alone. These check the design covers what the eval needs and that the
 * poses are the same on every call.
 */
const designs = set1();
const clips = designs.map(buildClip);

describe('studio set1 design', () => {
  it('covers at least 8 people, 5 outfits, 3 rooms and both facings, portrait and landscape', () => {
    expect(new Set(designs.map((d) => d.person.id)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(designs.map((d) => d.outfit.id)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(designs.map((d) => d.room.kind)).size).toBe(3);
    expect(new Set(designs.map((d) => d.facing)).size).toBe(2);
    expect(new Set(designs.map((d) => d.camera.orientation)).size).toBe(2);
    expect(Math.max(...designs.map((d) => Math.abs(d.camera.yawDeg)))).toBeGreaterThanOrEqual(20);
  });

  it('plays every scripted fault kind, a passer-by and leaving the picture', () => {
    const scripted = new Set(clips.flatMap((c) => c.choreography.timeline.faults.map((f) => f.id)));
    const structural = new Set(['left-frame', 'second-person']);
    for (const id of STUDIO_FAULT_IDS.filter((f) => !structural.has(f)))
      expect(scripted).toContain(id);
  });

  it("plays each of a stretch's checks (and bouncing) in two people, and leaving and passing in every stretch", () => {
    for (const stretch of STRETCHES) {
      const own = clips.filter((c) => c.design.plan.stretch === stretch.id);
      const peopleWith = (id: string): Set<string> =>
        new Set(
          own
            .filter((c) => c.choreography.timeline.faults.some((f) => f.id === id))
            .map((c) => c.design.person.id),
        );
      const checks = [
        ...stretch.checks.map((check) => check.id),
        ...(stretch.kind === 'hold' && stretch.detectBounce ? ['bouncing'] : []),
      ];
      for (const id of checks)
        expect(peopleWith(id).size, `${stretch.id} ${id}`).toBeGreaterThan(1);
      expect(
        own.some((c) => c.design.passerBy !== null),
        `${stretch.id} second-person`,
      ).toBe(true);
      expect(
        own.some((c) => c.choreography.timeline.phases().some((p) => p.kind === 'away')),
        `${stretch.id} left-frame`,
      ).toBe(true);
    }
  });

  it("plays each stretch's whole dose once: 30 s holds, reps, sets and leg switches", () => {
    const stretches: StudioStretchId[] = [
      'standing-hamstring',
      'seated-long-sit',
      'supine-strap',
      'sciatic-nerve-glide',
    ];
    for (const stretch of stretches) {
      const full = clips.find(
        (c) => c.design.plan.stretch === stretch && c.design.id.endsWith('-full'),
      );
      expect(full, stretch).toBeDefined();
      const reps = full?.choreography.reps ?? [];
      expect(reps.length).toBeGreaterThanOrEqual(2);
      for (const rep of reps) {
        if (stretch === 'sciatic-nerve-glide') {
          // The protocol's glide dose: 10 chin-and-toes reps a set.
          expect(rep.glideReps).toBe(10);
          continue;
        }
        // Faults that stop the protocol's hold timer (gatesHold in src/protocol/stretches).
        const gating = new Set([
          'back-rounded',
          'working-knee-bent',
          'knees-bent',
          'raised-knee-bent',
          'bouncing',
        ]);
        const faultMs = (full?.choreography.timeline.faults ?? [])
          .filter((f) => gating.has(f.id) && f.onsetMs >= rep.startMs && f.offsetMs <= rep.endMs)
          .reduce((sum, f) => sum + (f.offsetMs - f.onsetMs), 0);
        // Held in good form for the whole 30 s dose, whatever the faults took.
        expect(rep.endMs - rep.startMs - faultMs).toBeGreaterThanOrEqual(30_000);
      }
    }
  });

  it('faults fall inside the holds they were planned in', () => {
    for (const clip of clips) {
      for (const fault of clip.choreography.timeline.faults) {
        const rep = clip.choreography.reps.find(
          (r) => fault.onsetMs >= r.startMs && fault.offsetMs <= r.endMs,
        );
        expect(rep, `${clip.design.id} ${fault.id}`).toBeDefined();
      }
    }
  });

  it('gives the same poses for the same frame, call after call', () => {
    const clip = clips[0];
    if (clip === undefined) throw new Error('no clips');
    for (const index of [0, 300, 1500, clip.frameCount - 1]) {
      expect(JSON.stringify(buildClip(clip.design).frame(index))).toBe(
        JSON.stringify(clip.frame(index)),
      );
    }
  });
});

describe('studio scripting', () => {
  it('ramps a fault in and out around its full span', () => {
    const fault: ScriptedFault = {
      id: 'back-rounded',
      onsetMs: 1000,
      startMs: 1500,
      endMs: 4000,
      offsetMs: 4500,
      leg: 'left',
      amountDeg: 60,
    };
    expect(faultLevel(fault, 900)).toBe(0);
    expect(faultLevel(fault, 1250)).toBeCloseTo(0.5, 5);
    expect(faultLevel(fault, 2000)).toBe(1);
    expect(faultLevel(fault, 4250)).toBeCloseTo(0.5, 5);
    expect(faultLevel(fault, 4600)).toBe(0);
  });

  it('blends poses angle by angle and keeps a contact half met half way', () => {
    const place = { x: 0, z: 0, headingDeg: 90 };
    const a = standing(place);
    const b = stepHinge(place, 'left', 0.25, 40);
    const half = blendPoses(a, b, 0.5);
    expect(half.pelvisPitchDeg).toBeCloseTo((a.pelvisPitchDeg + b.pelvisPitchDeg) / 2, 9);
    expect(half.legs.left.thighPitchDeg).toBeCloseTo(
      (a.legs.left.thighPitchDeg + b.legs.left.thighPitchDeg) / 2,
      9,
    );
    expect(half.contacts).toEqual([expect.objectContaining({ side: 'left', weight: 0.5 })]);
  });

  it("weighs MakeHuman's macro targets so each family's weights sum to one", () => {
    const shape = {
      gender: 0.3,
      age: 0.7,
      muscle: 0.6,
      weight: 0.35,
      height: 0.8,
      african: 0.2,
      asian: 0.3,
      caucasian: 0.5,
    };
    const f = macroFactors(shape);
    expect((f['female'] ?? 0) + (f['male'] ?? 0)).toBeCloseTo(1, 9);
    expect((f['young'] ?? 0) + (f['old'] ?? 0)).toBeCloseTo(1, 9);
    expect((f['minmuscle'] ?? 0) + (f['averagemuscle'] ?? 0) + (f['maxmuscle'] ?? 0)).toBeCloseTo(
      1,
      9,
    );
    expect((f['minweight'] ?? 0) + (f['averageweight'] ?? 0) + (f['maxweight'] ?? 0)).toBeCloseTo(
      1,
      9,
    );
    const paths = [
      'data/targets/macrodetails/african-female-old.target',
      'data/targets/macrodetails/universal-male-young-maxmuscle-minweight.target',
      'data/targets/macrodetails/height/female-old-averagemuscle-averageweight-maxheight.target',
      'data/targets/macrodetails/proportions/female-old-averagemuscle-averageweight-idealproportions.target',
      'data/targets/armslegs/l-foot-scale-decr.target',
    ];
    const weights = macroTargetWeights(paths, shape);
    expect(weights.get(0)).toBeCloseTo(0.2 * 0.7 * 0.4, 9);
    expect(weights.get(1)).toBeCloseTo(0.3 * 0.6 * 0.2 * 0.3, 9);
    expect(weights.get(2)).toBeCloseTo(0.7 * 0.4 * 0.8 * 0.7 * 0.6, 9);
    // Proportions and non-macro targets are not part of a person's shape here.
    expect(weights.has(3)).toBe(false);
    expect(weights.has(4)).toBe(false);
  });
});
