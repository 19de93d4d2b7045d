/// <reference lib="webworker" />
/**
 * The pose worker: runs TF.js off the page's main thread so the video and overlay stay smooth
 * while the model runs at its own rate. One estimator per worker.
 */
import {
  configureWasmPaths,
  configureWasmThreads,
  tensorDiagnostics,
  wasmThreadsFor,
} from '../backends';
import { ModelIntegrityError } from '../modelArtifacts';
import { timeRawModel } from '../rawModelTiming';
import { createTfjsPoseEstimator, type RegionMaskEstimator } from '../tfjsPoseEstimator';
import { fetchModelReader } from './fetchModelReader';
import type { FromWorker, ToWorker } from './messages';
import { evictCachedFile } from './evictCachedFile';
import { serializeError } from './serializeError';
import { WASM_FILE_URLS } from './wasmAssets';

declare const self: DedicatedWorkerGlobalScope;

configureWasmPaths(WASM_FILE_URLS);
configureWasmThreads(wasmThreadsFor(navigator.hardwareConcurrency || 1));

let estimator: RegionMaskEstimator | null = null;
let modelsBaseUrl = '/models/';

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'load': {
      try {
        const { options } = message;
        modelsBaseUrl = options.modelsBaseUrl;
        estimator?.dispose();
        estimator = await createTfjsPoseEstimator({
          model: options.model,
          backend: options.backend,
          enableSegmentation: options.enableSegmentation,
          enableSmoothing: options.enableSmoothing,
          reader: fetchModelReader(options.modelsBaseUrl),
          onProgress: (progress) => post({ type: 'progress', progress }),
        });
        post({ type: 'loaded', backend: estimator.backend });
      } catch (error) {
        if (error instanceof ModelIntegrityError)
          await evictCachedFile(
            new URL(error.fileName, new URL(modelsBaseUrl, self.location.href)).href,
          );
        post({ type: 'load-failed', error: serializeError(error) });
      }
      return;
    }
    case 'estimate': {
      const { id, frame, timestampMs, rotationDeg } = message;
      try {
        if (estimator === null) throw new Error('The pose model is not loaded yet.');
        const start = performance.now();
        const found = await estimator.estimateWithRegionMask(frame, timestampMs, { rotationDeg });
        const inferenceMs = performance.now() - start;
        const regionMask = found?.regionMask ?? null;
        post(
          {
            type: 'pose',
            id,
            pose: found?.pose ?? null,
            regionMask,
            newTrack: found?.newTrack ?? false,
            inferenceMs,
          },
          regionMask === null ? [] : [regionMask.probability.buffer],
        );
      } catch (error) {
        post({ type: 'estimate-failed', id, error: serializeError(error) });
      } finally {
        if (frame instanceof ImageBitmap || frame instanceof VideoFrame) frame.close();
      }
      return;
    }
    case 'reset':
      estimator?.reset();
      return;
    case 'diagnostics': {
      const tensors = estimator !== null ? await estimator.diagnostics() : tensorDiagnostics();
      post({ type: 'diagnostics', id: message.id, tensors });
      return;
    }
    case 'time-raw-model': {
      const { id } = message;
      try {
        const model = message.model ?? estimator?.model;
        if (model === undefined) throw new Error('No pose model to time.');
        const timing = await timeRawModel(model, fetchModelReader(modelsBaseUrl), message.frames);
        post({ type: 'raw-model-timing', id, timing });
      } catch (error) {
        post({ type: 'raw-model-timing-failed', id, error: serializeError(error) });
      }
      return;
    }
    case 'dispose':
      estimator?.dispose();
      estimator = null;
      self.close();
      return;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  void handle(event.data);
};
