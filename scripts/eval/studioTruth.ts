import { z } from 'zod';

/**
 * The studio's ground truth: the JSON sidecar written beside every rendered clip
 * (`<clip>.truth.json`, see studio/README.md), and its reader. Lives here, in the app's tree, so
 * the eval and the Node tests read sidecars without the studio's own packages.
 *
 * Image coordinates are pixels of the clip's frames (x right, y down, origin at the top-left
 * corner of the image). Angles in degrees. Times in milliseconds from the clip's start.
 */

export const STUDIO_TRUTH_FORMAT = 'stretchcheck-studio-truth';
export const STUDIO_TRUTH_VERSION = 1;

export const STUDIO_STRETCHES = [
  'standing-hamstring',
  'seated-long-sit',
  'supine-strap',
  'sciatic-nerve-glide',
] as const;
export type StudioStretchId = (typeof STUDIO_STRETCHES)[number];

export const STUDIO_PHASE_KINDS = [
  'walk-in',
  'get-down',
  'setup',
  'countdown',
  'ease-in',
  'hold',
  'release',
  'rest',
  'switch-leg',
  'glide',
  'leave-frame',
  'away',
  'return',
] as const;
export type StudioPhaseKind = (typeof STUDIO_PHASE_KINDS)[number];

/**
 * Scripted faults: the protocol's check ids where one exists (src/protocol/stretches/*.ts),
 * `bouncing` (the protocol's built-in fault), and two the scene makes: `left-frame` (the person
 * walks out of the picture) and `second-person` (someone walks through).
 */
export const STUDIO_FAULT_IDS = [
  'back-rounded',
  'working-knee-bent',
  'working-knee-locked',
  'standing-knee-locked',
  'head-forced-down',
  'knees-bent',
  'feet-not-flexed',
  'raised-knee-bent',
  'raised-knee-locked',
  'trunk-slumped',
  'glide-knee-bent',
  'bouncing',
  'left-frame',
  'second-person',
] as const;
export type StudioFaultId = (typeof STUDIO_FAULT_IDS)[number];

const side = z.enum(['left', 'right']);
const leg = z.enum(['left', 'right', 'both']).nullable();
const num = z.number();
const nullableNum = num.nullable();
const perSide = z.object({ left: nullableNum, right: nullableNum });

/**
 * One landmark: [x, y, flags]. Flags: bit 0 = inside the image, bit 1 = occluded (the surface in
 * front of it in the id pass is not its own body part: another limb, the other side of the head,
 * a prop, the passer-by). Occlusion is only judged inside the image.
 */
const landmark = z.tuple([num, num, z.number().int()]);
export const LANDMARK_INSIDE = 1;
export const LANDMARK_OCCLUDED = 2;

const anglesSchema = z.object({
  hipFlexionDeg: perSide,
  legRaiseDeg: perSide,
  kneeAngleDeg: perSide,
  ankleFlexionDeg: perSide,
  neckFlexionDeg: nullableNum,
  trunkInclinationDeg: nullableNum,
});

const frameSchema = z.object({
  index: z.number().int(),
  timestampMs: num,
  /** BlazePose's 33 landmarks in its output order (src/geometry/types.ts KEYPOINT_NAMES). */
  blazepose: z.array(landmark).length(33),
  /** MoveNet's 17, in its order (COCO_KEYPOINT_NAMES): the same points as BlazePose's. */
  movenet: z.array(landmark).length(17),
  /**
   * The app's own geometry (src/geometry) on the exact keypoints above, every score 1: what a
   * perfect detector would make the app read. Null where the app would not measure (a point
   * outside the image; leg raise only matters lying). Neck flexion with MoveNet's bias (0).
   */
  angles2d: anglesSchema,
  /**
   * The same definitions on the rig's 3-D points (no projection): what the body really does.
   * Knee angles signed by the rig (above 180 = pushed back past straight).
   */
  angles3d: anglesSchema.extend({ spineFlexionDeg: num }),
  /** The side nearer the camera (from the hip joints' depths). */
  nearSide: side,
  /** The scripted working leg; null when both work (long-sit) or none (walking). */
  workingLeg: side.nullable(),
  orientation: z.enum(['upright', 'seated', 'lying']),
  /** From the body's yaw to the camera: side within 30°, oblique to 60°, frontal beyond. */
  view: z.enum(['side', 'oblique', 'frontal']),
  /** Degrees the body's side is turned from facing the camera square (0 = side-on). */
  yawOffSideDeg: num,
  /** Every landmark inside the image. */
  wholeBodyInFrame: z.boolean(),
  /** The main person covers any pixel at all. */
  personVisible: z.boolean(),
  /**
   * The app's back-outline curl (src/geometry/backContour.ts) on the exact silhouette, from the
   * near side's exact hip and shoulder; null where the app would not measure it.
   */
  backCurlDeg: nullableNum,
  /** The scripted phase at this instant. */
  phase: z.enum(STUDIO_PHASE_KINDS),
  /** Faults fully present at this instant (ids). */
  faults: z.array(z.enum(STUDIO_FAULT_IDS)),
});

const faultSchema = z.object({
  id: z.enum(STUDIO_FAULT_IDS),
  onsetMs: num,
  startMs: num,
  endMs: num,
  offsetMs: num,
  leg,
  amountDeg: num,
  bounce: z.object({ frequencyHz: num, peakToPeakDeg: num }).optional(),
});

const phaseSchema = z.object({
  kind: z.enum(STUDIO_PHASE_KINDS),
  startMs: num,
  endMs: num,
  leg,
  rep: z.number().int().nullable(),
  set: z.number().int().nullable(),
});

const repSchema = z.object({
  leg,
  rep: z.number().int(),
  set: z.number().int(),
  /** Holds: from the end of the ease-in to the start of the release. Glide: the set's reps. */
  startMs: num,
  endMs: num,
  /** Glide sets: chin-and-toes cycles in the set. */
  glideReps: z.number().int().nullable(),
});

export const studioTruthSchema = z.object({
  format: z.literal(STUDIO_TRUTH_FORMAT),
  version: z.literal(STUDIO_TRUTH_VERSION),
  clip: z.object({
    id: z.string(),
    stretch: z.enum(STUDIO_STRETCHES),
    video: z.string(),
    /**
     * Side file with one run-length-coded silhouette per sidecar frame, in the order of `frames`
     * (see decodeSilhouettes).
     */
    silhouettes: z.string(),
    fps: num,
    /** Frames in this sidecar (and video). */
    frameCount: z.number().int(),
    /** The script's length. */
    durationMs: num,
    /**
     * True when every frame of the script was rendered; false for a preview or sample rendered
     * at chosen instants (`npm run studio -- render --at ...`): its video jumps between them.
     */
    complete: z.boolean(),
    widthPx: z.number().int(),
    heightPx: z.number().int(),
    seed: z.number().int(),
  }),
  person: z.object({
    id: z.string(),
    sex: z.enum(['female', 'male']),
    ageYears: num,
    heightM: num,
    /** MakeHuman's macro values (0..1) and the skin, hair and eyebrow assets. */
    shape: z.record(z.string(), num),
    skin: z.string(),
    hair: z.string().nullable(),
  }),
  outfit: z.object({ id: z.string(), description: z.string(), garments: z.array(z.string()) }),
  passerBy: z.object({ person: z.string(), outfit: z.string() }).nullable(),
  room: z.object({
    id: z.string(),
    kind: z.enum(['plain-wall', 'living-room', 'evening']),
    exposure: num,
  }),
  camera: z.object({
    id: z.string(),
    orientation: z.enum(['landscape', 'portrait']),
    distanceM: num,
    heightM: num,
    /** Camera yaw off the person's side-on line, degrees (positive = towards their front). */
    yawDeg: num,
    /** Which way the person faces in the picture. */
    facing: z.enum(['image-left', 'image-right']),
    fovDeg: num,
    rollDeg: num,
    position: z.tuple([num, num, num]),
    lookAt: z.tuple([num, num, num]),
  }),
  render: z.object({
    renderer: z.string(),
    codec: z.string(),
    crf: num,
    noiseStrength: num,
    studioVersion: z.string(),
  }),
  script: z.object({
    legs: z.array(z.enum(['left', 'right', 'both'])),
    repsPerLeg: z.number().int(),
    sets: z.number().int(),
    holdMs: num,
    legSwitches: z.number().int(),
    phases: z.array(phaseSchema),
    reps: z.array(repSchema),
    faults: z.array(faultSchema),
  }),
  frames: z.array(frameSchema),
});

export type StudioTruth = z.infer<typeof studioTruthSchema>;
export type StudioTruthFrame = z.infer<typeof frameSchema>;
export type StudioTruthFault = z.infer<typeof faultSchema>;
export type StudioTruthPhase = z.infer<typeof phaseSchema>;
export type StudioTruthRep = z.infer<typeof repSchema>;
export type StudioAngles = z.infer<typeof anglesSchema>;

/** Parses a sidecar; throws with the first problems listed when it does not match. */
export function readStudioTruth(json: unknown): StudioTruth {
  const result = studioTruthSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`not a studio truth sidecar: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * Silhouettes side file: the magic "SCSIL1", width and height as uint16 LE, the frame count as
 * uint32 LE, then per frame its byte length (uint32 LE) and the run lengths of the row-major mask
 * as unsigned LEB128 varints, alternating background and person and starting with background
 * (a run may be 0).
 */
export const SILHOUETTE_MAGIC = 'SCSIL1';

export interface Silhouettes {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly frameCount: number;
  /**
   * The mask of the sidecar's `position`-th frame (its place in `frames`, not its clip index): one
   * byte per pixel, row-major from the top, 255 = the main person, 0 = anything else.
   */
  mask(position: number): Uint8Array;
}

export function encodeSilhouette(mask: Uint8Array): Uint8Array {
  const bytes: number[] = [];
  const push = (run: number): void => {
    let value = run;
    while (value >= 0x80) {
      bytes.push((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes.push(value);
  };
  let current = 0;
  let run = 0;
  for (const value of mask) {
    const bit = value > 0 ? 1 : 0;
    if (bit === current) {
      run++;
    } else {
      push(run);
      current = bit;
      run = 1;
    }
  }
  push(run);
  return Uint8Array.from(bytes);
}

export function decodeSilhouettes(file: Uint8Array): Silhouettes {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = new TextDecoder().decode(file.subarray(0, 6));
  if (magic !== SILHOUETTE_MAGIC) throw new Error('not a studio silhouettes file');
  const widthPx = view.getUint16(6, true);
  const heightPx = view.getUint16(8, true);
  const frameCount = view.getUint32(10, true);
  const offsets: number[] = [];
  let at = 14;
  for (let i = 0; i < frameCount; i++) {
    offsets.push(at);
    at += 4 + view.getUint32(at, true);
  }
  return {
    widthPx,
    heightPx,
    frameCount,
    mask(position) {
      const start = offsets[position];
      if (start === undefined) throw new Error(`no silhouette at position ${position}`);
      const end = start + 4 + view.getUint32(start, true);
      const mask = new Uint8Array(widthPx * heightPx);
      let pixel = 0;
      let person = false;
      let i = start + 4;
      while (i < end) {
        let run = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = file[i++] ?? 0;
          run += (byte & 0x7f) * 2 ** shift;
          shift += 7;
        } while (byte & 0x80);
        if (person) mask.fill(255, pixel, pixel + run);
        pixel += run;
        person = !person;
      }
      return mask;
    },
  };
}

/** The side file for a list of encoded frames. */
export function packSilhouettes(
  widthPx: number,
  heightPx: number,
  frames: readonly Uint8Array[],
): Uint8Array {
  const total = 14 + frames.reduce((n, f) => n + 4 + f.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(SILHOUETTE_MAGIC), 0);
  view.setUint16(6, widthPx, true);
  view.setUint16(8, heightPx, true);
  view.setUint32(10, frames.length, true);
  let at = 14;
  for (const frame of frames) {
    view.setUint32(at, frame.length, true);
    out.set(frame, at + 4);
    at += 4 + frame.length;
  }
  return out;
}
