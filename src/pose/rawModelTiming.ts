import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import type { PoseModelId } from '../geometry/types';
import { verifiedGraphModelHandler, type ModelFileReader } from './modelArtifacts';
import { POSE_MODELS } from './modelRegistry';

export interface RawModelTiming {
  readonly model: PoseModelId;
  /** The graph timed: the one that runs on every frame (BlazePose's landmark graph). */
  readonly graph: string;
  readonly msPerFrame: number;
  readonly frames: number;
}

/**
 * Times the bare graph: `execute` on a ready-made input tensor plus reading the outputs back,
 * nothing else. The estimator's own ms/frame divided by this is the cost of everything around
 * the model (pixel upload, crop, filters, conversion). BlazePose's detector graph is left out:
 * once a person is tracked it does not run on every frame.
 */
export async function timeRawModel(
  model: PoseModelId,
  reader: ModelFileReader,
  frames: number,
): Promise<RawModelTiming> {
  const spec = POSE_MODELS[model];
  const graph = spec.graphs[spec.graphs.length - 1];
  if (graph === undefined) throw new Error(`${model}: no graph`);
  const graphModel = await loadGraphModel(verifiedGraphModelHandler(graph, reader, () => {}));
  const size = spec.inputSizePx;
  const input =
    spec.family === 'movenet'
      ? tf.randomUniform([1, size, size, 3], 0, 255, 'int32')
      : tf.randomUniform([1, size, size, 3], 0, 1, 'float32');
  const runOnce = async (): Promise<void> => {
    const output = graphModel.execute(input);
    const outputs = Array.isArray(output) ? output : [output];
    await Promise.all(outputs.map((t) => t.data()));
    tf.dispose(outputs);
  };
  try {
    await runOnce(); // warm-up, not timed
    const start = performance.now();
    for (let i = 0; i < frames; i++) await runOnce();
    return { model, graph, msPerFrame: (performance.now() - start) / frames, frames };
  } finally {
    input.dispose();
    graphModel.dispose();
  }
}
