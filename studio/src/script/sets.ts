import type { RoomSpec } from '../scene/clipSpec';
import type { Side } from '../scene/pose';
import type { StudioStretchId } from '../../../scripts/eval/studioTruth';
import { seedOf } from '../scene/random';
import { CAMERAS } from './cameras';
import type { ClipDesign } from './clip';
import { OUTFITS, PEOPLE } from './people';
import type { ClipPlan, FaultPlan } from './plan';

/**
 * Render sets. A set is a list of clip designs built from a seed name, so one command renders it
 * the same way every time.
 *
 * set1 is a balanced design, not a full factorial: every stretch with every fault kind it can
 * show, spread over ten people, six outfits, three rooms and five camera set-ups so that each
 * appears with several stretches. Per stretch, one clip plays the protocol's whole dose (both
 * legs, two reps or sets each, 30 s holds, 15 s rests) and shorter clips play one leg's rep with
 * faults inside a full 30 s hold.
 */

export const ROOMS: readonly RoomSpec[] = [
  { id: 'r1-plain-wall', kind: 'plain-wall', seed: 11, exposure: 1 },
  { id: 'r2-living-room', kind: 'living-room', seed: 23, exposure: 1 },
  { id: 'r3-evening', kind: 'evening', seed: 37, exposure: 0.45 },
];

const HOLD_MS = 30_000;
const REST_MS = 15_000;
const GLIDE_REP_MS = 2600;

/** Each stretch's default dose (src/protocol/stretches/*.ts) and depth. */
const DOSE: Readonly<
  Record<StudioStretchId, Pick<ClipPlan, 'repsPerLeg' | 'sets' | 'depthDeg' | 'glideReps'>>
> = {
  'standing-hamstring': { repsPerLeg: 2, sets: 1, depthDeg: 42, glideReps: 0 },
  'seated-long-sit': { repsPerLeg: 2, sets: 1, depthDeg: 40, glideReps: 0 },
  'supine-strap': { repsPerLeg: 2, sets: 1, depthDeg: 68, glideReps: 0 },
  'sciatic-nerve-glide': { repsPerLeg: 1, sets: 2, depthDeg: 0, glideReps: 10 },
};

function fault(
  id: FaultPlan['id'],
  leg: Side | 'both',
  rep: number,
  atS: number,
  forS: number,
  amountDeg: number,
  bounce?: FaultPlan['bounce'],
): FaultPlan {
  return {
    id,
    leg,
    rep,
    atMs: atS * 1000,
    durationMs: forS * 1000,
    amountDeg,
    ...(bounce === undefined ? {} : { bounce }),
  };
}

interface Variant {
  readonly stretch: StudioStretchId;
  /** Both legs and the whole dose, or one rep (set) of one leg. */
  readonly full: boolean;
  readonly faults: (first: Side) => FaultPlan[];
  /** Walks out of the picture after the first rep (set) of the first leg, and comes back. */
  readonly leaveFrame?: boolean;
  /** Reps (glide: sets) of the one leg a short clip plays: 1, or 2 to leave the picture between. */
  readonly shortReps?: number;
  readonly passerBy?: {
    readonly rep: number;
    readonly atS: number;
    readonly inFront: boolean;
    readonly secondLeg: boolean;
  };
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

const VARIANTS: readonly Variant[] = [
  {
    stretch: 'standing-hamstring',
    full: true,
    faults: (l) => [
      fault('back-rounded', l, 2, 8, 7, 60),
      fault('working-knee-bent', other(l), 1, 9, 6, 34),
      fault('bouncing', other(l), 2, 12, 6, 0, { frequencyHz: 2, peakToPeakDeg: 8 }),
    ],
    leaveFrame: true,
  },
  {
    stretch: 'standing-hamstring',
    full: false,
    faults: (l) => [
      fault('working-knee-locked', l, 1, 7, 6, 15),
      fault('standing-knee-locked', l, 1, 20, 6, 15),
    ],
  },
  {
    stretch: 'standing-hamstring',
    full: false,
    faults: (l) => [
      fault('back-rounded', l, 1, 6, 6, 70),
      fault('bouncing', l, 1, 19, 6, 0, { frequencyHz: 1.2, peakToPeakDeg: 10 }),
    ],
    passerBy: { rep: 1, atS: 3, inFront: true, secondLeg: false },
  },
  {
    stretch: 'standing-hamstring',
    full: false,
    faults: (l) => [
      fault('working-knee-bent', l, 1, 6, 6, 40),
      fault('bouncing', l, 1, 20, 5, 0, { frequencyHz: 3, peakToPeakDeg: 5 }),
    ],
  },
  {
    stretch: 'seated-long-sit',
    full: true,
    faults: () => [
      fault('back-rounded', 'both', 1, 8, 7, 60),
      fault('head-forced-down', 'both', 1, 24, 5, 40),
      fault('knees-bent', 'both', 2, 9, 6, 28),
      fault('bouncing', 'both', 2, 24, 5, 0, { frequencyHz: 2.5, peakToPeakDeg: 6 }),
    ],
  },
  {
    stretch: 'seated-long-sit',
    full: false,
    faults: () => [
      fault('feet-not-flexed', 'both', 1, 6, 6, 28),
      fault('bouncing', 'both', 1, 18, 6, 0, { frequencyHz: 1.5, peakToPeakDeg: 9 }),
    ],
    passerBy: { rep: 1, atS: 14, inFront: false, secondLeg: false },
  },
  {
    stretch: 'seated-long-sit',
    full: false,
    faults: () => [
      fault('head-forced-down', 'both', 1, 6, 6, 45),
      fault('back-rounded', 'both', 1, 19, 6, 50),
    ],
  },
  {
    stretch: 'supine-strap',
    full: true,
    faults: (l) => [
      fault('raised-knee-bent', l, 2, 9, 6, 38),
      fault('raised-knee-locked', other(l), 1, 9, 6, 15),
      fault('bouncing', other(l), 2, 12, 6, 0, { frequencyHz: 2, peakToPeakDeg: 8 }),
    ],
  },
  {
    stretch: 'supine-strap',
    full: false,
    faults: (l) => [
      fault('raised-knee-locked', l, 1, 6, 6, 15),
      fault('bouncing', l, 1, 19, 6, 0, { frequencyHz: 1.2, peakToPeakDeg: 10 }),
    ],
  },
  {
    stretch: 'supine-strap',
    full: false,
    faults: (l) => [fault('raised-knee-bent', l, 1, 7, 6, 45)],
    passerBy: { rep: 1, atS: 15, inFront: true, secondLeg: false },
  },
  {
    stretch: 'sciatic-nerve-glide',
    full: true,
    faults: (l) => [
      fault('trunk-slumped', l, 2, 6, 9, 30),
      fault('glide-knee-bent', other(l), 1, 5, 8, 42),
    ],
    passerBy: { rep: 2, atS: 4, inFront: true, secondLeg: true },
  },
  {
    stretch: 'sciatic-nerve-glide',
    full: false,
    faults: (l) => [fault('trunk-slumped', l, 1, 6, 8, 35)],
  },
  {
    stretch: 'sciatic-nerve-glide',
    full: false,
    faults: (l) => [fault('glide-knee-bent', l, 1, 8, 8, 35)],
  },
  // Appended after the first thirteen (which keep their people, rooms and cameras): leaving the
  // picture from the floor and the chair, and a second person for the faults played once above.
  {
    stretch: 'seated-long-sit',
    full: false,
    shortReps: 2,
    faults: () => [
      fault('knees-bent', 'both', 1, 7, 6, 32),
      fault('feet-not-flexed', 'both', 2, 8, 7, 24),
    ],
    leaveFrame: true,
  },
  {
    stretch: 'supine-strap',
    full: false,
    shortReps: 2,
    faults: (l) => [
      fault('raised-knee-bent', l, 1, 18, 6, 30),
      fault('bouncing', l, 2, 8, 6, 0, { frequencyHz: 2.5, peakToPeakDeg: 4 }),
    ],
    leaveFrame: true,
  },
  {
    stretch: 'sciatic-nerve-glide',
    full: false,
    shortReps: 2,
    faults: (l) => [fault('trunk-slumped', l, 2, 5, 9, 32)],
    leaveFrame: true,
  },
  {
    stretch: 'standing-hamstring',
    full: false,
    faults: (l) => [
      fault('standing-knee-locked', l, 1, 6, 6, 15),
      fault('working-knee-locked', l, 1, 19, 6, 15),
    ],
  },
];

function planFor(variant: Variant, first: Side): Omit<ClipPlan, 'place'> {
  const dose = DOSE[variant.stretch];
  const bothLegs = variant.stretch !== 'seated-long-sit';
  const legs: (Side | 'both')[] = !bothLegs
    ? ['both']
    : variant.full
      ? [first, other(first)]
      : [first];
  const firstLeg = legs[0] ?? 'both';
  const passer = variant.passerBy;
  return {
    stretch: variant.stretch,
    legs,
    repsPerLeg: variant.full ? dose.repsPerLeg : dose.sets > 1 ? 1 : (variant.shortReps ?? 1),
    sets: variant.full ? dose.sets : dose.sets > 1 ? (variant.shortReps ?? 1) : 1,
    holdMs: HOLD_MS,
    restMs: REST_MS,
    depthDeg: dose.depthDeg,
    glideReps: dose.glideReps,
    glideRepMs: GLIDE_REP_MS,
    faults: variant.faults(first).map((f) => (bothLegs ? f : { ...f, leg: 'both' as const })),
    leaveFrame: variant.leaveFrame === true ? { leg: firstLeg, rep: 1 } : null,
    passerBy:
      passer === undefined
        ? null
        : {
            leg: passer.secondLeg ? (legs[1] ?? firstLeg) : firstLeg,
            rep: passer.rep,
            atMs: passer.atS * 1000,
            inFront: passer.inFront,
          },
    stepHeightM: 0.2 + (seedOf(variant.stretch) % 3) * 0.04,
    seatHeightM: 0.45,
  };
}

/** The evaluation set: 17 clips over every stretch and fault kind. */
export function set1(): ClipDesign[] {
  return VARIANTS.map((variant, k) => {
    const person = PEOPLE[(k * 3) % PEOPLE.length] ?? PEOPLE[0]!;
    // Crop top and leggings for women only; the rest rotate.
    const outfits =
      person.shape.gender < 0.5 ? OUTFITS : OUTFITS.filter((o) => o.id !== 'o1-fitted-sportswear');
    const outfit = outfits[k % outfits.length] ?? OUTFITS[1]!;
    const first: Side = k % 2 === 0 ? 'left' : 'right';
    const passerPerson = PEOPLE[(k * 3 + 5) % PEOPLE.length] ?? PEOPLE[1]!;
    const passerOutfit = OUTFITS[(k + 3) % OUTFITS.length] ?? OUTFITS[2]!;
    return {
      id: `set1-${String(k + 1).padStart(2, '0')}-${variant.stretch}${variant.full ? '-full' : ''}`,
      person,
      outfit,
      passerBy:
        variant.passerBy === undefined ? null : { person: passerPerson, outfit: passerOutfit },
      room: ROOMS[k % ROOMS.length] ?? ROOMS[0]!,
      camera: CAMERAS[(k * 2) % CAMERAS.length] ?? CAMERAS[0]!,
      facing: Math.floor(k / 2) % 2 === 0 ? 'image-right' : 'image-left',
      fps: 15,
      plan: planFor(variant, first),
    };
  });
}

/** The tiny committed sample (tests/fixtures/studio): a few frames of one clip. */
export function sample(): ClipDesign[] {
  const base = set1()[0];
  if (base === undefined) throw new Error('set1 is empty');
  return [{ ...base, id: 'sample-standing-hamstring' }];
}

export const SETS: Readonly<Record<string, () => ClipDesign[]>> = { set1, sample };
