import type { ModelFileReader } from '../modelArtifacts';

/** Reads files of `models/` over HTTP, reporting bytes as the body streams in. */
export function fetchModelReader(baseUrl: string): ModelFileReader {
  return async (fileName, onBytes) => {
    const response = await fetch(new URL(fileName, new URL(baseUrl, self.location.href)));
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    if (response.body === null) {
      const bytes = await response.arrayBuffer();
      onBytes(bytes.byteLength);
      return bytes;
    }
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onBytes(loaded);
    }
    const out = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out.buffer;
  };
}
