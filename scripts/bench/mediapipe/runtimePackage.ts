import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The MediaPipe runtime the bench measures: the npm package `@mediapipe/pose` (Apache-2.0, by
 * Google), pinned to its last release with the registry's own integrity hash. It is not a
 * dependency of the app (the app ships the stub in stubs/mediapipe-pose); the bench `npm pack`s it
 * once into artifacts/ and serves it from the app's own origin.
 */
export const MEDIAPIPE_POSE = {
  spec: '@mediapipe/pose@0.5.1675469404',
  integrity:
    'sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ==',
} as const;

const FOLDER = fileURLToPath(new URL('../../../artifacts/mediapipe-pose/', import.meta.url));

/** The unpacked package's folder (pose.js, its wasm, packed assets and .tflite models). */
export function mediapipePoseFolder(): string {
  const unpacked = join(FOLDER, 'package');
  if (existsSync(join(unpacked, 'pose.js'))) return unpacked;
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  const tarball = execFileSync('npm', ['pack', MEDIAPIPE_POSE.spec, '--silent'], {
    cwd: FOLDER,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  if (tarball === undefined) throw new Error(`npm pack ${MEDIAPIPE_POSE.spec} gave no file`);
  const integrity = `sha512-${createHash('sha512')
    .update(readFileSync(join(FOLDER, tarball)))
    .digest('base64')}`;
  if (integrity !== MEDIAPIPE_POSE.integrity) {
    throw new Error(`${tarball}: integrity ${integrity}, expected ${MEDIAPIPE_POSE.integrity}`);
  }
  execFileSync('tar', ['xzf', tarball], { cwd: FOLDER });
  return unpacked;
}
