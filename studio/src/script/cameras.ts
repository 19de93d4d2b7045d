import type { CameraSpec } from '../scene/clipSpec';

/**
 * Camera set-ups. The person works side-on to a camera on +z (facing image right when they face
 * +x, heading 90). A set-up says how far, how high, how far round (yaw, up to ±25° off side-on,
 * positive towards the person's front) and in which orientation; the camera looks at the
 * stretch's centre of action.
 */
export interface CameraSetup {
  readonly id: string;
  readonly orientation: 'landscape' | 'portrait';
  readonly distanceM: number;
  readonly heightM: number;
  readonly yawDeg: number;
  readonly rollDeg: number;
  /** Vertical field of view: a laptop webcam is about 60° across, a phone 65-70°. */
  readonly fovDeg: number;
  /** Sensor noise (ffmpeg's noise strength) and H.264 quality (crf). */
  readonly noise: number;
  readonly crf: number;
}

export const CAMERAS: readonly CameraSetup[] = [
  {
    id: 'c1-laptop-level',
    orientation: 'landscape',
    distanceM: 3.1,
    heightM: 0.9,
    yawDeg: 0,
    rollDeg: 0,
    fovDeg: 47,
    noise: 4,
    crf: 23,
  },
  {
    id: 'c2-low-front-yaw',
    orientation: 'landscape',
    distanceM: 3.5,
    heightM: 0.55,
    yawDeg: 22,
    rollDeg: -1.2,
    fovDeg: 45,
    noise: 6,
    crf: 26,
  },
  {
    id: 'c3-high-back-yaw',
    orientation: 'landscape',
    distanceM: 3.3,
    heightM: 1.45,
    yawDeg: -20,
    rollDeg: 0.8,
    fovDeg: 49,
    noise: 5,
    crf: 25,
  },
  {
    id: 'c4-phone-portrait',
    orientation: 'portrait',
    distanceM: 3.0,
    heightM: 1.05,
    yawDeg: 10,
    rollDeg: 1.5,
    fovDeg: 62,
    noise: 7,
    crf: 28,
  },
  {
    id: 'c5-far-wide',
    orientation: 'landscape',
    distanceM: 4.2,
    heightM: 1.1,
    yawDeg: -8,
    rollDeg: 0,
    fovDeg: 42,
    noise: 8,
    crf: 27,
  },
];

/**
 * The camera for a set-up looking at `target` (world metres), for a person facing `headingDeg`
 * (90 or -90). Yaw turns the camera round the target towards the person's front.
 */
export function cameraSpec(
  setup: CameraSetup,
  target: readonly [number, number, number],
  headingDeg: number,
): CameraSpec {
  const facingSign = Math.sign(Math.sin((headingDeg * Math.PI) / 180)) || 1;
  const yaw = (setup.yawDeg * facingSign * Math.PI) / 180;
  const [tx, ty, tz] = target;
  return {
    widthPx: setup.orientation === 'landscape' ? 640 : 480,
    heightPx: setup.orientation === 'landscape' ? 480 : 640,
    fovDeg: setup.fovDeg,
    position: [
      tx + Math.sin(yaw) * setup.distanceM,
      setup.heightM,
      tz + Math.cos(yaw) * setup.distanceM,
    ],
    lookAt: [tx, ty, tz],
    rollDeg: setup.rollDeg,
  };
}
