import type { ClipSpec, FramePoses, OutfitSpec, PersonSpec, RoomSpec } from '../scene/clipSpec';
import type { BodyPose, Side } from '../scene/pose';
import type {
  StudioFaultId,
  StudioPhaseKind,
  StudioStretchId,
} from '../../../scripts/eval/studioTruth';
import { STUDIO_PHASE_KINDS } from '../../../scripts/eval/studioTruth';
import { seedOf } from '../scene/random';
import { cameraSpec, type CameraSetup } from './cameras';
import { alive, applyFaults } from './faults';
import type { ClipPlan, Choreography } from './plan';
import { faultLevel, type ScriptedFault } from './timeline';
import { standingHamstring } from './stretches/standingHamstring';
import { seatedLongSit } from './stretches/seatedLongSit';
import { supineStrap } from './stretches/supineStrap';
import { sciaticNerveGlide } from './stretches/sciaticNerveGlide';

/** One clip of a set: who, wearing what, where, seen how, doing what. */
export interface ClipDesign {
  readonly id: string;
  readonly person: PersonSpec;
  readonly outfit: OutfitSpec;
  readonly passerBy: { readonly person: PersonSpec; readonly outfit: OutfitSpec } | null;
  readonly room: RoomSpec;
  readonly camera: CameraSetup;
  /** The person faces image right (heading 90) or image left (-90). */
  readonly facing: 'image-left' | 'image-right';
  readonly fps: number;
  readonly plan: Omit<ClipPlan, 'place'>;
}

/** Everything the renderer and the truth writer need for one clip. */
export interface Clip {
  readonly design: ClipDesign;
  readonly spec: ClipSpec;
  readonly choreography: Choreography;
  readonly seed: number;
  readonly frameCount: number;
  readonly durationMs: number;
  frame(index: number): FramePoses;
  meta(index: number): FrameMeta;
}

export interface FrameMeta {
  readonly timestampMs: number;
  readonly phase: StudioPhaseKind;
  readonly workingLeg: Side | null;
  readonly orientation: 'upright' | 'seated' | 'lying';
  readonly faults: readonly StudioFaultId[];
}

const CHOREOGRAPHERS: Readonly<Record<StudioStretchId, (plan: ClipPlan) => Choreography>> = {
  'standing-hamstring': standingHamstring,
  'seated-long-sit': seatedLongSit,
  'supine-strap': supineStrap,
  'sciatic-nerve-glide': sciaticNerveGlide,
};

/** Where the camera looks for each stretch: the middle of the body as it works (metres). */
const ACTION_CENTRE: Readonly<Record<StudioStretchId, { forward: number; height: number }>> = {
  'standing-hamstring': { forward: 0.2, height: 0.85 },
  'seated-long-sit': { forward: 0.35, height: 0.45 },
  'supine-strap': { forward: 0.1, height: 0.4 },
  'sciatic-nerve-glide': { forward: 0.25, height: 0.72 },
};

/** Phases where the body breathes and drifts (not walking, which has its own motion). */
const MOVING_ON: ReadonlySet<StudioPhaseKind> = new Set([
  'walk-in',
  'leave-frame',
  'away',
  'return',
]);
const ALIVE: ReadonlySet<StudioPhaseKind> = new Set(
  STUDIO_PHASE_KINDS.filter((kind) => !MOVING_ON.has(kind)),
);

/**
 * The person's own lower-back shape on top of every pose (PersonSpec.lumbarFlexDeg): a flatter
 * lower back is the pelvis tipped back with the lumbar spine flexed by as much, so the trunk above
 * keeps its line.
 */
function withPosture(pose: BodyPose, lumbarFlexDeg: number): BodyPose {
  const share = lumbarFlexDeg / 3;
  return {
    ...pose,
    pelvisPitchDeg: pose.pelvisPitchDeg - lumbarFlexDeg,
    spineFlexDeg: pose.spineFlexDeg.map((v, i) =>
      i < 3 ? v + share : v,
    ) as unknown as BodyPose['spineFlexDeg'],
  };
}

export function buildClip(design: ClipDesign): Clip {
  const headingDeg = design.facing === 'image-right' ? 90 : -90;
  const place = { x: 0, z: 0, headingDeg };
  const plan: ClipPlan = { ...design.plan, place };
  const choreography = CHOREOGRAPHERS[plan.stretch](plan);
  const seed = seedOf(design.id);
  const breathPhase = ((seed % 1000) / 1000) * 2 * Math.PI;
  const centre = ACTION_CENTRE[plan.stretch];
  const dir = Math.sin((headingDeg * Math.PI) / 180);
  const spec: ClipSpec = {
    id: design.id,
    fps: design.fps,
    person: design.person,
    outfit: design.outfit,
    passerBy: design.passerBy,
    room: design.room,
    props: choreography.props,
    camera: cameraSpec(design.camera, [dir * centre.forward, centre.height, 0], headingDeg),
  };
  const { timeline } = choreography;
  const durationMs = timeline.durationMs;
  const frameCount = Math.floor((durationMs / 1000) * design.fps);
  const timeOf = (index: number): number => (index * 1000) / design.fps;
  const posed: ScriptedFault[] = [...timeline.faults];
  return {
    design,
    spec,
    choreography,
    seed,
    frameCount,
    durationMs,
    frame(index) {
      const tMs = timeOf(index);
      const scripted = timeline.poseAt(tMs);
      const phase = timeline.segmentAt(tMs).kind;
      const living = withPosture(
        ALIVE.has(phase) ? alive(scripted, tMs, breathPhase, 1) : scripted,
        design.person.lumbarFlexDeg,
      );
      return {
        main: applyFaults(living, posed, tMs, choreography.faultContext(tMs)),
        passerBy: choreography.passerBy(tMs),
        strapSide: choreography.strapSide(tMs),
      };
    },
    meta(index) {
      const tMs = timeOf(index);
      return {
        timestampMs: tMs,
        phase: timeline.segmentAt(tMs).kind,
        workingLeg: choreography.workingLeg(tMs),
        orientation: choreography.orientation(tMs),
        faults: posed.filter((f) => faultLevel(f, tMs) >= 1).map((f) => f.id),
      };
    },
  };
}
