import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Paths that are never the designer's: the API and operations endpoints answer 404 JSON, not HTML. */
const NOT_DESIGNER = /^\/(api|healthz|readyz|livez|health|metrics)(\/|$)/;

/** Is `path` one the SPA fallback must leave alone (an unknown API or probe path must not look healthy)? */
export const isReservedPath = (path: string): boolean => NOT_DESIGNER.test(path);

/**
 * Serves the built designer (`designer/dist`) for every non-API path, falling back to `index.html`
 * so the SPA's client-side routes load on refresh. Returns false (serving nothing) when the folder
 * has not been built.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono environment can serve static files.
export function serveDesigner(app: Hono<any>, distDir: string): boolean {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const root = relative(process.cwd(), distDir) || '.';
  const index = readFileSync(indexFile, 'utf8');
  app.use('*', async (c, next) => {
    if (isReservedPath(c.req.path)) return next();
    return serveStatic({ root })(c, next);
  });
  app.get('*', (c) => (isReservedPath(c.req.path) ? c.notFound() : c.html(index)));
  return true;
}
