import type { BodyMeasures } from '../../../src/geometry';
import { initialGeometryState, measureFrame } from '../../../src/geometry';
import type { Pose } from '../../../src/geometry/types';
import type { BodySpec } from '../../../src/demo/bodyModel';
import { bodyTrack } from '../../../src/demo/bodyModel';

/**
 * A generated "video": the parametric body doing what `spec` says, sampled at `fps` over
 * `durationMs` as an offline analysis would, with the geometry run over it in video time.
 */
export interface GeneratedVideo {
  readonly frames: readonly { readonly tMs: number; readonly pose: Pose | null }[];
  readonly measures: readonly BodyMeasures[];
  readonly durationMs: number;
}

export function generatedVideo(spec: BodySpec, durationMs: number, fps = 10): GeneratedVideo {
  const frames = bodyTrack(spec).frames(fps, durationMs);
  let geometry = initialGeometryState();
  const measures = frames.map(({ tMs, pose }) => {
    const [next, m] = measureFrame(geometry, pose, tMs);
    geometry = next;
    return m;
  });
  return { frames, measures, durationMs };
}
