import type {
  ImageRegion,
  ImageSize,
  Keypoint,
  KeypointName,
  Pose,
} from '../../src/geometry/types';
import type { PixelFrame } from '../../src/pose/types';

/**
 * A margin around a still image for a body that fills it. BlazePose crops the body at 1.25 times
 * its alignment box (pose-detection's BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG) and fills
 * what falls outside the picture with black; a photo cropped tight to the body (a fold whose hips
 * touch the top edge, a sitter whose feet touch the side) puts an eighth of the box on each side
 * into that black, and the model loses the person or the legs. A margin of an eighth of the
 * picture's longer side, in the picture's own background colour, gives the crop room.
 */
export const DETECTION_MARGIN = 0.125;

export interface PaddedFrame {
  readonly frame: PixelFrame;
  /** Where the original picture's top-left corner lies in the padded one. */
  readonly offsetXPx: number;
  readonly offsetYPx: number;
}

/** The mean colour of the picture's outermost rows and columns: its background, usually. */
function borderColour(frame: PixelFrame): number[] {
  const { widthPx: w, heightPx: h, channels: c, data } = frame;
  const sum = new Array<number>(c).fill(0);
  let count = 0;
  const add = (x: number, y: number): void => {
    for (let k = 0; k < c; k++) sum[k] = (sum[k] ?? 0) + (data[(y * w + x) * c + k] ?? 0);
    count++;
  };
  for (let x = 0; x < w; x++) {
    add(x, 0);
    if (h > 1) add(x, h - 1);
  }
  for (let y = 1; y < h - 1; y++) {
    add(0, y);
    if (w > 1) add(w - 1, y);
  }
  return sum.map((s) => Math.round(s / Math.max(1, count)));
}

/** `frame` with a margin of `fraction` of its longer side on every side. */
export function padWithBackground(frame: PixelFrame, fraction = DETECTION_MARGIN): PaddedFrame {
  const { widthPx: w, heightPx: h, channels: c, data } = frame;
  const margin = Math.round(Math.max(w, h) * fraction);
  const width = w + 2 * margin;
  const height = h + 2 * margin;
  const out = new Uint8Array(width * height * c);
  const colour = borderColour(frame);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < c; k++) out[i * c + k] = colour[k] ?? 0;
  }
  for (let y = 0; y < h; y++) {
    out.set(data.subarray(y * w * c, (y + 1) * w * c), ((y + margin) * width + margin) * c);
  }
  return {
    frame: { widthPx: width, heightPx: height, channels: c, data: out },
    offsetXPx: margin,
    offsetYPx: margin,
  };
}

/**
 * A pose found in the padded frame, in the original picture: keypoints and the mask's region
 * moved back, the image size the original's (keypoints found in the margin lie outside it, and
 * geometry treats them as out of frame).
 */
export function unpadPose(pose: Pose, padded: PaddedFrame, size: ImageSize): Pose {
  const dx = padded.offsetXPx;
  const dy = padded.offsetYPx;
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, k] of Object.entries(pose.keypoints) as [KeypointName, Keypoint][]) {
    keypoints[name] = { ...k, x: k.x - dx, y: k.y - dy };
  }
  const mask = pose.segmentation;
  if (mask === undefined) return { ...pose, keypoints, imageSize: size };
  const region: ImageRegion = mask.region ?? {
    leftPx: 0,
    topPx: 0,
    widthPx: padded.frame.widthPx,
    heightPx: padded.frame.heightPx,
  };
  return {
    ...pose,
    keypoints,
    imageSize: size,
    segmentation: {
      ...mask,
      region: { ...region, leftPx: region.leftPx - dx, topPx: region.topPx - dy },
    },
  };
}
