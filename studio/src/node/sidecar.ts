import type {
  StudioFaultId,
  StudioTruth,
  StudioTruthFault,
  StudioTruthFrame,
} from '../../../scripts/eval/studioTruth';
import { STUDIO_TRUTH_FORMAT, STUDIO_TRUTH_VERSION } from '../../../scripts/eval/studioTruth';
import type { Clip } from '../script/clip';

/** Bumped whenever what the studio renders or writes changes meaning. */
export const STUDIO_VERSION = '1.0.0';

/**
 * Spans of consecutive frames where `present` holds, as faults: `left-frame` (the person not
 * wholly in the picture while walking away and back) and `second-person` (the passer-by on
 * screen) are read off the rendered frames, so their spans are exact to the frame.
 */
export function spansOf(
  frames: readonly StudioTruthFrame[],
  fps: number,
  id: StudioFaultId,
  present: (frame: StudioTruthFrame) => boolean,
): StudioTruthFault[] {
  const spans: StudioTruthFault[] = [];
  let start: number | null = null;
  const close = (end: number): void => {
    if (start === null) return;
    const startMs = frames[start]?.timestampMs ?? 0;
    const endMs = (frames[end]?.timestampMs ?? 0) + 1000 / fps;
    spans.push({ id, onsetMs: startMs, startMs, endMs, offsetMs: endMs, leg: null, amountDeg: 0 });
    start = null;
  };
  frames.forEach((frame, i) => {
    if (present(frame)) start ??= i;
    else close(i - 1);
  });
  close(frames.length - 1);
  return spans;
}

export interface SidecarInputs {
  readonly clip: Clip;
  readonly frames: StudioTruthFrame[];
  readonly passerByVisible: readonly boolean[];
  readonly personHeightM: number;
  readonly files: { readonly video: string; readonly silhouettes: string };
}

export function buildSidecar({
  clip,
  frames,
  passerByVisible,
  personHeightM,
  files,
}: SidecarInputs): StudioTruth {
  const { design, spec, choreography } = clip;
  const fps = design.fps;
  const awayPhases = new Set(['leave-frame', 'away', 'return']);
  const leftFrame = spansOf(
    frames,
    fps,
    'left-frame',
    (f) => awayPhases.has(f.phase) && !f.wholeBodyInFrame,
  );
  const secondPerson = spansOf(
    frames,
    fps,
    'second-person',
    (f) => passerByVisible[f.index] === true,
  );
  for (const span of [...leftFrame, ...secondPerson]) {
    for (const f of frames)
      if (f.timestampMs >= span.startMs && f.timestampMs < span.endMs) f.faults.push(span.id);
  }
  const scripted: StudioTruthFault[] = choreography.timeline.faults.map((f) => ({
    id: f.id,
    onsetMs: f.onsetMs,
    startMs: f.startMs,
    endMs: f.endMs,
    offsetMs: f.offsetMs,
    leg: f.leg,
    amountDeg: f.amountDeg,
    ...(f.bounce === undefined ? {} : { bounce: f.bounce }),
  }));
  const camera = design.camera;
  const shape = spec.person.shape;
  return {
    format: STUDIO_TRUTH_FORMAT,
    version: STUDIO_TRUTH_VERSION,
    clip: {
      id: spec.id,
      stretch: design.plan.stretch,
      video: files.video,
      silhouettes: files.silhouettes,
      fps,
      frameCount: frames.length,
      durationMs: choreography.timeline.durationMs,
      complete: frames.length === clip.frameCount,
      widthPx: spec.camera.widthPx,
      heightPx: spec.camera.heightPx,
      seed: clip.seed,
    },
    person: {
      id: spec.person.id,
      sex: shape.gender >= 0.5 ? 'male' : 'female',
      ageYears: Math.round(25 + (shape.age - 0.5) * 130),
      heightM: Math.round(personHeightM * 1000) / 1000,
      shape: { ...shape },
      skin: spec.person.skin,
      hair: spec.person.hair,
    },
    outfit: {
      id: spec.outfit.id,
      description: spec.outfit.description,
      garments: spec.outfit.garments.map((g) => g.proxy),
    },
    passerBy:
      spec.passerBy === null
        ? null
        : { person: spec.passerBy.person.id, outfit: spec.passerBy.outfit.id },
    room: { id: spec.room.id, kind: spec.room.kind, exposure: spec.room.exposure },
    camera: {
      id: camera.id,
      orientation: camera.orientation,
      distanceM: camera.distanceM,
      heightM: camera.heightM,
      yawDeg: camera.yawDeg,
      facing: design.facing,
      fovDeg: camera.fovDeg,
      rollDeg: camera.rollDeg,
      position: [...spec.camera.position],
      lookAt: [...spec.camera.lookAt],
    },
    render: {
      renderer: 'three.js WebGL2, headless Chromium on SwiftShader',
      codec: 'H.264 (libx264 veryfast, yuv420p)',
      crf: camera.crf,
      noiseStrength: camera.noise,
      studioVersion: STUDIO_VERSION,
    },
    script: {
      legs: [...design.plan.legs],
      repsPerLeg: design.plan.repsPerLeg,
      sets: design.plan.sets,
      holdMs: design.plan.holdMs,
      legSwitches: choreography.legSwitches,
      phases: choreography.timeline.phases(),
      reps: choreography.reps.map((r) => ({ ...r })),
      faults: [...scripted, ...leftFrame, ...secondPerson].sort((a, b) => a.onsetMs - b.onsetMs),
    },
    frames,
  };
}
