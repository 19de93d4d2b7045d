import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ModelFileReader } from '../modelArtifacts';

/** Where `models/` lives, relative to this file (src/pose/node/ -> repo root). */
export const MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));

/** Node-only reader for tests, bench and eval: reads `models/` from disk. */
export function diskModelReader(modelsDir: string = MODELS_DIR): ModelFileReader {
  return async (fileName, onBytes) => {
    const bytes = await readFile(modelsDir + fileName);
    onBytes(bytes.byteLength);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  };
}
