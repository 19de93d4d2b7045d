import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, held to their word: each small snippet breaks one rule
 * and must be reported by it (and a snippet that keeps the rules must pass). The files do not
 * exist; only their paths matter, so type information is switched off to lint them as text.
 */

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  });
});

/** The rule ids ESLint reports for `code` as the file `filePath`. */
async function firedRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const BREAKS: readonly (readonly [string, string, string, string])[] = [
  // [what, file, code, rule]
  [
    'a pure layer reads the clock',
    'src/protocol/probe.ts',
    'export const t = Date.now();',
    'no-restricted-syntax',
  ],
  [
    'a pure layer reads performance.now',
    'src/geometry/probe.ts',
    'export const t = performance.now();',
    'no-restricted-syntax',
  ],
  [
    'a pure layer reads globalThis.performance.now',
    'src/coach/probe.ts',
    'export const t = globalThis.performance.now();',
    'no-restricted-syntax',
  ],
  [
    'the recorder makes a Date of now',
    'src/session/recorder.ts',
    'export const d = new Date();',
    'no-restricted-syntax',
  ],
  [
    'the cue policy draws a random number',
    'src/feedback/cuePolicy.ts',
    'export const r = Math.random();',
    'no-restricted-syntax',
  ],
  [
    'the stall cues read the clock',
    'src/feedback/stallCues.ts',
    'export const t = Date.now();',
    'no-restricted-syntax',
  ],
  [
    'the demo draws a random id',
    'src/demo/probe.ts',
    'export const id = crypto.randomUUID();',
    'no-restricted-syntax',
  ],
  [
    'the coaching step sets a timer',
    'src/coach/probe.ts',
    'setTimeout(() => undefined, 10);',
    'no-restricted-globals',
  ],
  [
    'a pure layer opens the camera (the media rule holds beside the clock rule)',
    'src/protocol/probe.ts',
    'export const m = navigator.mediaDevices;',
    'no-restricted-properties',
  ],
  [
    'the engine opens the camera',
    'src/engine/probe.ts',
    'export const m = navigator.mediaDevices;',
    'no-restricted-properties',
  ],
  [
    'the engine records media',
    'src/engine/probe.ts',
    'export const r = new MediaRecorder(new MediaStream());',
    'no-restricted-syntax',
  ],
  [
    'the engine speaks',
    'src/engine/probe.ts',
    'speechSynthesis.cancel();',
    'no-restricted-globals',
  ],
  [
    'the engine passes a session module through to the screens',
    'src/engine/probe.ts',
    "export { formatDuration } from '../session/reportFormat';",
    'no-restricted-syntax',
  ],
  [
    'the engine passes a whole module through to the screens',
    'src/engine/probe.ts',
    "export * from '../review/storageBudget';",
    'no-restricted-syntax',
  ],
  [
    'geometry imports the protocol',
    'src/geometry/probe.ts',
    "export { transition } from '../protocol/transition';",
    'no-restricted-imports',
  ],
  [
    'pose imports geometry beyond its types',
    'src/pose/probe.ts',
    "export { measureFrame } from '../geometry/measureFrame';",
    'no-restricted-imports',
  ],
  [
    'the protocol imports TF.js',
    'src/protocol/probe.ts',
    "import '@tensorflow/tfjs-core';",
    'no-restricted-imports',
  ],
  [
    'the protocol imports React',
    'src/protocol/probe.ts',
    "export { useState } from 'react';",
    'no-restricted-imports',
  ],
  [
    'the session layer imports the demo',
    'src/session/probe.ts',
    "export { demoPose } from '../demo/demoActor';",
    'no-restricted-imports',
  ],
  [
    'the demo imports the engine',
    'src/demo/probe.ts',
    "export { createStore } from '../engine/store';",
    'no-restricted-imports',
  ],
  [
    'the coaching step imports the engine',
    'src/coach/probe.ts',
    "export { createStore } from '../engine/store';",
    'no-restricted-imports',
  ],
  [
    'the screens reach storage without the engine',
    'src/ui/probe.tsx',
    "export { DexieSessionStore } from '../session/dexieSessionStore';",
    'no-restricted-imports',
  ],
  [
    'the screens reach the camera without the engine',
    'src/ui/probe.tsx',
    "export { listCameras } from '../camera/webcamSource';",
    'no-restricted-imports',
  ],
  [
    'the screens reach a review module with effects',
    'src/ui/probe.tsx',
    "export { ClipRecorder } from '../review/clipRecorder';",
    'no-restricted-imports',
  ],
];

const KEEPS: readonly (readonly [string, string, string])[] = [
  ['the engine reads the clock', 'src/engine/probe.ts', 'export const t = performance.now();'],
  [
    'a pure layer formats a given time',
    'src/session/reportFormat.ts',
    'export const d = new Date(0).toISOString();',
  ],
  [
    'the screens call a pure formatter directly',
    'src/ui/probe.tsx',
    "export { formatDuration } from '../session/reportFormat';",
  ],
  [
    'the screens import a storage type',
    'src/ui/probe.tsx',
    "export type { SessionStore } from '../session/sessionStore';",
  ],
  [
    'pose imports geometry types',
    'src/pose/probe.ts',
    "export type { Pose } from '../geometry/types';",
  ],
  [
    'review calls the coaching step',
    'src/review/probe.ts',
    "export { coachStep } from '../coach/coachStep';",
  ],
];

describe('the layer rules fire when broken', () => {
  it.each(BREAKS)('reports it when %s', async (_what, file, code, rule) => {
    expect(await firedRules(file, code)).toContain(rule);
  });

  it.each(KEEPS)('lets it pass when %s', async (_what, file, code) => {
    expect(await firedRules(file, code)).toEqual([]);
  });
});
