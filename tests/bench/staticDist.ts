import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** An empty page with the same origin and server as the designer: the baseline of every figure. */
export const BLANK_PATH = '/__blank.html';
const BLANK_PAGE =
  '<!doctype html><html lang="en"><title>blank</title><body><div id="root"></div></body></html>';

/** A running static file server. */
export interface StaticDist {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves designer/dist over HTTP for the bench: the playground route needs no API, so the bench does
 * not start the real server (its database and workers would only add noise to the figures).
 */
export async function serveDist(distDir: string): Promise<StaticDist> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === BLANK_PATH) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(BLANK_PAGE);
      return;
    }
    const file = normalize(join(distDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(distDir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
