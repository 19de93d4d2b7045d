import type { Pose, PoseModelId } from '../../geometry/types';
import type { BackendInfo, TensorDiagnostics } from '../../pose/backends';
import type { PoseEstimator, PoseFrame } from '../../pose/types';

/**
 * The demo's estimator: instead of looking at the picture it reports the simulated person's
 * pose at the frame's time, exactly as a model would hand it on.
 */
export class ScriptedPoseEstimator implements PoseEstimator {
  readonly model: PoseModelId = 'movenet-lightning';
  readonly backend: BackendInfo = { name: 'wasm', simd: null, threads: null, failedAttempts: [] };

  constructor(private readonly poseAt: (timestampMs: number) => Pose | null) {}

  estimate(frame: PoseFrame, timestampMs: number): Promise<Pose | null> {
    if (
      frame instanceof ImageBitmap ||
      (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame)
    )
      frame.close();
    return Promise.resolve(this.poseAt(timestampMs));
  }

  reset(): void {}

  diagnostics(): Promise<TensorDiagnostics> {
    return Promise.resolve({ numTensors: 0, numBytes: 0 });
  }

  dispose(): void {}
}
