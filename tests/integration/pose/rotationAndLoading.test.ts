import { describe, expect, it } from 'vitest';
import type { FrameRotationDeg } from '../../../src/geometry/types';
import { backendOrder, NoUsableBackendError } from '../../../src/pose/backends';
import { ModelIntegrityError, ModelLoadError } from '../../../src/pose/modelArtifacts';
import { diskModelReader } from '../../../src/pose/node/readModelFileFromDisk';
import type { LoadProgress } from '../../../src/pose/types';
import { tfjsFixture } from '../../helpers/fixtures';
import { readImageFile, rotatePixels } from '../../helpers/images';
import { loadEstimator, MAJOR_JOINTS } from './estimatorHelpers';

const upright = readImageFile(tfjsFixture('pose.jpg'));

describe('inference on a rotated frame', () => {
  // The photo turned on its side stands in for a lying body: rotating it back before inference
  // must give the upright result, mapped into the turned photo's coordinates.
  it.each([
    [90, 270],
    [270, 90],
  ] as const)(
    'a photo turned %i° and rotated back by %i° gives the upright keypoints',
    async (turnDeg, undoDeg: FrameRotationDeg) => {
      const estimator = await loadEstimator('movenet-lightning');
      const expected = await estimator.estimate(upright, 0);
      estimator.reset();
      const turned = rotatePixels(upright, turnDeg);
      const pose = await estimator.estimate(turned, 0, { rotationDeg: undoDeg });
      estimator.dispose();
      expect(pose?.imageSize).toEqual({ widthPx: upright.heightPx, heightPx: upright.widthPx });
      expect(pose?.inferenceRotationDeg).toBe(undoDeg);
      for (const name of MAJOR_JOINTS) {
        const u = expected?.keypoints[name];
        const k = pose?.keypoints[name];
        if (u === undefined || k === undefined) throw new Error(`${name} missing`);
        // Where the upright point lands when the photo is turned clockwise by turnDeg.
        const target =
          turnDeg === 90
            ? { x: upright.heightPx - u.y, y: u.x }
            : { x: u.y, y: upright.widthPx - u.x };
        expect(k.x).toBeCloseTo(target.x, 0);
        expect(k.y).toBeCloseTo(target.y, 0);
      }
    },
  );
});

describe('model loading', () => {
  it('reports progress through every stage, ending ready at 1', async () => {
    const events: LoadProgress[] = [];
    const estimator = await loadEstimator('blazepose-lite', { onProgress: (p) => events.push(p) });
    estimator.dispose();
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual(['backend', 'download', 'warmup', 'ready']);
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ stage: 'ready', fraction: 1 });
    expect(events.at(-1)?.loadedBytes).toBe(events.at(-1)?.totalBytes);
  });

  it('runs on the wasm backend by default', async () => {
    const estimator = await loadEstimator('movenet-lightning');
    estimator.dispose();
    expect(estimator.backend.name).toBe('wasm');
    expect(estimator.backend.simd).toBe(true);
  });

  it('refuses a model file whose bytes do not match the manifest, naming the file', async () => {
    const disk = diskModelReader();
    const tampered = async (name: string, onBytes: (n: number) => void): Promise<ArrayBuffer> => {
      const bytes = await disk(name, onBytes);
      if (name !== 'movenet-lightning.bin') return bytes;
      const copy = new Uint8Array(bytes.slice(0));
      copy[1000] = (copy[1000] ?? 0) ^ 0xff;
      return copy.buffer;
    };
    const loading = loadEstimator('movenet-lightning', { reader: tampered });
    await expect(loading).rejects.toBeInstanceOf(ModelIntegrityError);
    await expect(loading).rejects.toThrow(/movenet-lightning\.bin/);
  });

  it('names the file it could not read', async () => {
    const missing = (name: string): Promise<ArrayBuffer> =>
      Promise.reject(new Error(`HTTP 404 for ${name}`));
    await expect(loadEstimator('movenet-thunder', { reader: missing })).rejects.toThrow(
      ModelLoadError,
    );
    await expect(loadEstimator('movenet-thunder', { reader: missing })).rejects.toThrow(
      /movenet-thunder\.json/,
    );
  });
});

describe('backend choice', () => {
  it('tries the preferred backend first, then the fallback order', () => {
    expect(backendOrder('auto')).toEqual(['wasm', 'webgl', 'webgpu']);
    expect(backendOrder('webgpu')).toEqual(['webgpu', 'wasm', 'webgl']);
  });

  it('explains every failed attempt when nothing works', () => {
    const error = new NoUsableBackendError([
      { name: 'wasm', error: 'no WebAssembly' },
      { name: 'webgl', error: 'could not start' },
    ]);
    expect(error.message).toMatch(/wasm \(no WebAssembly\).*webgl \(could not start\)/);
  });
});
