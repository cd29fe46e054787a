import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

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
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic({ root })(c, next);
  });
  app.get('*', (c) => (c.req.path.startsWith('/api') ? c.notFound() : c.html(index)));
  return true;
}
