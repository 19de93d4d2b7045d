import type { io } from '@tensorflow/tfjs-core';
import { modelFileEntry } from './modelRegistry';

/**
 * Reads one file of `models/` by name, reporting bytes as they arrive. The browser reads over
 * fetch, Node tests read from disk; both go through the same checksum check below.
 */
export type ModelFileReader = (
  fileName: string,
  onBytes: (loadedBytes: number) => void,
) => Promise<ArrayBuffer>;

/** A model file whose bytes differ from `models/manifest.json`: corrupted or tampered. */
export class ModelIntegrityError extends Error {
  override readonly name = 'ModelIntegrityError';
  constructor(
    readonly fileName: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(
      `Model file ${fileName} is damaged: its checksum does not match (expected sha256 ` +
        `${expectedSha256.slice(0, 12)}…, got ${actualSha256.slice(0, 12)}…).`,
    );
  }
}

/** A model file that could not be read at all. */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
  constructor(
    readonly fileName: string,
    cause: unknown,
  ) {
    super(`Could not load model file ${fileName}: ${errorMessage(cause)}`, { cause });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readVerified(
  reader: ModelFileReader,
  fileName: string,
  onBytes: (loadedBytes: number) => void,
): Promise<ArrayBuffer> {
  let bytes: ArrayBuffer;
  try {
    bytes = await reader(fileName, onBytes);
  } catch (error) {
    throw new ModelLoadError(fileName, error);
  }
  const expected = modelFileEntry(fileName).sha256;
  const actual = await sha256Hex(bytes);
  if (actual !== expected) throw new ModelIntegrityError(fileName, expected, actual);
  return bytes;
}

/** The parts of a TF.js `model.json` this loader reads. */
interface GraphModelJson {
  readonly modelTopology: object;
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly signature?: object;
  readonly weightsManifest: readonly { paths: string[]; weights: io.WeightsManifestEntry[] }[];
}

function concatenate(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}

/**
 * A TF.js IOHandler for `models/<graph>.json` and its shards. Every byte is checked against the
 * manifest before TF.js sees it, and progress is reported over all of the graph's files.
 */
export function verifiedGraphModelHandler(
  graph: string,
  reader: ModelFileReader,
  onBytes: (loadedBytes: number) => void,
): io.IOHandler {
  return {
    load: async (): Promise<io.ModelArtifacts> => {
      const jsonName = `${graph}.json`;
      let doneBytes = 0;
      const jsonBytes = await readVerified(reader, jsonName, (n) => onBytes(doneBytes + n));
      doneBytes += jsonBytes.byteLength;
      const json = JSON.parse(new TextDecoder().decode(jsonBytes)) as GraphModelJson;
      const shards: ArrayBuffer[] = [];
      for (const path of json.weightsManifest.flatMap((group) => group.paths)) {
        const shard = await readVerified(reader, path, (n) => onBytes(doneBytes + n));
        doneBytes += shard.byteLength;
        shards.push(shard);
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: concatenate(shards),
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy ?? undefined,
        signature: json.signature,
      };
    },
  };
}
