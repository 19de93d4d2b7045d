import { fileURLToPath } from 'node:url';

/** Apache-2.0 media from tensorflow/tfjs-models (see tests/fixtures/tfjs-models/ORIGIN.md). */
export const TFJS_FIXTURES = fileURLToPath(new URL('../fixtures/tfjs-models/', import.meta.url));

export function tfjsFixture(name: string): string {
  return TFJS_FIXTURES + name;
}
