import { describe, expect, it } from 'vitest';
import { toRecord, type RecordContext } from '../../../scripts/eval/record';
import { initialGeometryState, measureFrame, type BodyMeasures } from '../../../src/geometry';
import { rotatePose, sideViewPose } from '../../helpers/syntheticPose';

const CONTEXT: RecordContext = {
  file: 'strap.jpg',
  timestampMs: null,
  model: 'blazepose-full',
  rotated90: false,
  inferenceRotationDeg: 0,
  nearChain: true,
  rawNearChain: true,
  label: null,
  trunkChordShortening: null,
};

/** Geometry over one second of the same pose, so the latched outputs (orientation, leg) settle. */
function measuresOf(pose: ReturnType<typeof sideViewPose>): BodyMeasures {
  let state = initialGeometryState();
  let measures: BodyMeasures | null = null;
  for (let t = 0; t <= 1000; t += 100) {
    [state, measures] = measureFrame(state, { ...pose, timestampMs: t }, t);
  }
  if (measures === null) throw new Error('no frame measured');
  return measures;
}

describe('eval records', () => {
  it('give the raised leg of a body lying on its back as legRaiseDeg, beside the near hip', () => {
    // Lying on the floor, the far leg raised 70° by the strap, the near one flat. Drawn standing
    // facing right, then turned anticlockwise so the front faces up.
    const lying = rotatePose(
      sideViewPose({
        model: 'blazepose-full',
        facing: 'right',
        near: { hipFlexionDeg: 0 },
        far: { hipFlexionDeg: 70 },
        imageSize: { widthPx: 800, heightPx: 800 },
        hip: { x: 400, y: 400 },
        scalePx: 150,
      }),
      -90,
    );
    const record = toRecord(measuresOf(lying), CONTEXT);
    expect(record.orientation).toBe('lying');
    expect(record.legRaiseDeg ?? NaN).toBeCloseTo(70, 0);
    expect(Math.abs(record.hipFlexionDeg ?? NaN)).toBeLessThan(2);
  });

  it('leave legRaiseDeg out for a body that is not lying', () => {
    const standing = sideViewPose({ model: 'blazepose-full', near: { hipFlexionDeg: 90 } });
    expect(toRecord(measuresOf(standing), CONTEXT).legRaiseDeg).toBeNull();
  });
});
