import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../src/protocol';
import { stretchById } from '../../../src/protocol';
import type { GlideStretchDefinition } from '../../../src/protocol';
import type { GlideContext } from '../../../src/protocol/glideRepCounter';
import { INITIAL_GLIDE_COUNTER, advanceGlideCounter } from '../../../src/protocol/glideRepCounter';
import type { Spec } from './measuresBuilder';
import { bodyMeasures } from './measuresBuilder';

const glide = stretchById('sciatic-nerve-glide') as GlideStretchDefinition;
const CONTEXT: GlideContext = {
  stretchId: glide.id,
  leg: 'left',
  set: 1,
  motion: glide.glide,
  dose: glide.dose,
};

/**
 * A glide: each rep goes chin down + toes up (neck 40, ankle +15) then chin up + toes pointed
 * (neck 0, ankle -30) as a cosine over `repMs`; `holdAtEnd` adds a pause at the chin-down end.
 */
function glideTrack(
  reps: number,
  repMs: number,
  options: { holdOnRep?: number; holdMs?: number; ankle?: boolean } = {},
): ProtocolEvent[] {
  let state = INITIAL_GLIDE_COUNTER;
  const events: ProtocolEvent[] = [];
  let t = 0;
  for (let rep = 1; rep <= reps; rep++) {
    const holdMs = rep === options.holdOnRep ? (options.holdMs ?? 0) : 0;
    for (let u = 0; u < repMs + holdMs; u += 33) {
      // Phase 0 -> 0.5: towards chin down; hold there; then back up.
      const phaseMs = u < repMs / 2 ? u : u < repMs / 2 + holdMs ? repMs / 2 : u - holdMs;
      const down = (1 - Math.cos((2 * Math.PI * phaseMs) / repMs)) / 2; // 0 at start, 1 at half
      const neck = 40 * down;
      const ankle: Spec = options.ankle === false ? 'not-in-model' : -30 + 45 * down;
      const step = advanceGlideCounter(
        state,
        bodyMeasures({ orientation: 'seated', neckFlexionDeg: neck, ankleFlexionDeg: ankle }),
        t + u,
        CONTEXT,
      );
      state = step.state;
      events.push(...step.events);
    }
    t += repMs + holdMs;
  }
  return events;
}

describe('the nerve-glide rep counter', () => {
  it('counts 10 smooth 3 s reps from neck and ankle together', () => {
    const reps = glideTrack(10, 3_000).filter((e) => e.type === 'glide-rep');
    expect(reps).toHaveLength(10);
    expect(reps.every((e) => e.type === 'glide-rep' && e.ankleTracked)).toBe(true);
  });

  it('counts from the neck alone when the model has no foot points', () => {
    const reps = glideTrack(10, 3_000, { ankle: false }).filter((e) => e.type === 'glide-rep');
    expect(reps).toHaveLength(10);
    expect(reps.every((e) => e.type === 'glide-rep' && !e.ankleTracked)).toBe(true);
  });

  it('does not count cycles quicker than the minimum rep time', () => {
    const events = glideTrack(6, 800);
    expect(events.filter((e) => e.type === 'glide-rep')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'glide-rep-rejected').length).toBeGreaterThan(3);
  });

  it('warns once when an end position is held for 4 s on rep 6, and still counts the rep', () => {
    const events = glideTrack(10, 3_000, { holdOnRep: 6, holdMs: 4_000 });
    expect(events.filter((e) => e.type === 'glide-rep')).toHaveLength(10);
    const held = events.filter((e) => e.type === 'fault-started');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ fault: 'end-position-held' });
    // Rep 6 starts at 15 s; the chin-down end is reached about 1.5 s in.
    expect(held[0]!.atMs).toBeGreaterThan(16_000);
    expect(held[0]!.atMs).toBeLessThan(20_500);
    expect(events.filter((e) => e.type === 'fault-ended')).toHaveLength(1);
  });

  it('does not warn about the end position for slow, continuous 5 s reps', () => {
    const events = glideTrack(8, 5_000);
    expect(events.filter((e) => e.type === 'glide-rep')).toHaveLength(8);
    expect(events.filter((e) => e.type === 'fault-started')).toHaveLength(0);
  });
});
