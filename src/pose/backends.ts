import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// pose-detection imports the webgpu backend itself, so it is always bundled and registered.
import '@tensorflow/tfjs-backend-webgpu';

export const BACKEND_NAMES = ['wasm', 'webgl', 'webgpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type BackendPreference = BackendName | 'auto';

/**
 * wasm first: StretchCheck targets ordinary laptops, often without a usable GPU, where the
 * SIMD + threads wasm build is the fastest and most predictable. webgl and webgpu follow as
 * fallbacks, and can be picked explicitly where a real GPU makes them faster.
 */
export const BACKEND_FALLBACK_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'webgpu'];

export interface BackendInfo {
  readonly name: BackendName;
  /** Backends tried before this one that failed to start, with why. */
  readonly failedAttempts: readonly BackendAttempt[];
  /** wasm only: SIMD instructions available. */
  readonly simd: boolean | null;
  /** wasm only: threads available (needs a cross-origin isolated page). */
  readonly threads: boolean | null;
  /** wasm only: threads the model actually runs on. */
  readonly threadCount?: number;
}

export interface BackendAttempt {
  readonly name: BackendName;
  readonly error: string;
}

export class NoUsableBackendError extends Error {
  override readonly name = 'NoUsableBackendError';
  constructor(readonly attempts: readonly BackendAttempt[]) {
    super(
      'No way to run the pose model works in this browser. Tried: ' +
        attempts.map((a) => `${a.name} (${a.error})`).join('; ') +
        '. Try an up-to-date Chrome, Edge or Firefox.',
    );
  }
}

/** Order to try backends in: the preferred one, then the rest of the fallback order. */
export function backendOrder(preference: BackendPreference): readonly BackendName[] {
  if (preference === 'auto') return BACKEND_FALLBACK_ORDER;
  return [preference, ...BACKEND_FALLBACK_ORDER.filter((name) => name !== preference)];
}

/** webgl registers itself on import, which happens only if it is tried. */
async function registerBackend(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name) !== null) return;
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
}

/**
 * Threads for the wasm backend, leaving two cores to the page (its main thread, the compositor,
 * video decoding). XNNPACK's thread pool spin-waits between operations, so a pool thread that
 * loses its core stalls the others. Measured on a 2-core machine in one run (npm run bench,
 * live session section): two threads gave 0.61 of the standalone rate and ten main-thread tasks
 * over 50 ms a minute; one thread 0.93 and none, with the bare model only 5% slower. Beyond four
 * threads these small models gain little.
 */
export function wasmThreadsFor(logicalCores: number): number {
  return Math.max(1, Math.min(4, Math.floor(logicalCores) - 2));
}

let wasmThreadsSet = false;

/** Sets the wasm thread count; must run before the wasm backend first starts. */
export function configureWasmThreads(threads: number): void {
  if (wasmThreadsSet) return;
  setThreadsCount(threads);
  wasmThreadsSet = true;
}

let wasmPathsSet = false;

/**
 * Points the wasm backend at its binaries. Browsers need this (Vite serves the files under hashed
 * names); Node finds them next to the package. Must run before the wasm backend first starts.
 */
export function configureWasmPaths(fileUrls: Readonly<Record<string, string>>): void {
  if (wasmPathsSet) return;
  setWasmPaths(fileUrls);
  wasmPathsSet = true;
}

async function wasmFeatures(): Promise<Pick<BackendInfo, 'simd' | 'threads' | 'threadCount'>> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return { simd: simd === true, threads: threads === true, threadCount: getThreadsCount() };
}

/** Activates the first backend in `backendOrder(preference)` that initialises. */
export async function activateBackend(preference: BackendPreference): Promise<BackendInfo> {
  const attempts: BackendAttempt[] = [];
  for (const name of backendOrder(preference)) {
    try {
      await registerBackend(name);
      // setBackend resolves false (rather than throwing) when initialisation fails.
      if (await tf.setBackend(name)) {
        await tf.ready();
        const features = name === 'wasm' ? await wasmFeatures() : { simd: null, threads: null };
        return { name, failedAttempts: attempts, ...features };
      }
      attempts.push({ name, error: 'could not start' });
    } catch (error) {
      attempts.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new NoUsableBackendError(attempts);
}

export interface TensorDiagnostics {
  readonly numTensors: number;
  readonly numBytes: number;
}

/** For leak checks and the soak test: what TF.js currently holds. */
export function tensorDiagnostics(): TensorDiagnostics {
  const memory = tf.memory();
  return { numTensors: memory.numTensors, numBytes: memory.numBytes };
}
