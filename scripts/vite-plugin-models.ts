import { createReadStream, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import manifest from '../models/manifest.json' with { type: 'json' };

const MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));
const SERVED = new Set(manifest.files.map((file) => file.name));

function contentType(name: string): string {
  return name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}

/** Serves only files listed in the manifest, so nothing else in the repo is reachable. */
function serveModelFile(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const match = /^\/models\/([^/]+)$/.exec(path);
  const name = match?.[1];
  if (name === undefined || !SERVED.has(name)) {
    next();
    return;
  }
  res.setHeader('Content-Type', contentType(name));
  res.setHeader('Cache-Control', 'no-cache');
  createReadStream(MODELS_DIR + name).pipe(res);
}

/**
 * `models/` sits at the top of the repo (not in `public/`): the dev and preview servers serve it
 * at /models/, and a build copies it into dist/models/.
 */
export function modelsPlugin(): Plugin {
  return {
    name: 'stretchcheck-models',
    configureServer(server) {
      server.middlewares.use(serveModelFile);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveModelFile);
    },
    generateBundle() {
      for (const name of SERVED) {
        this.emitFile({
          type: 'asset',
          fileName: `models/${name}`,
          source: readFileSync(MODELS_DIR + name),
        });
      }
    },
  };
}
