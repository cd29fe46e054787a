/** Target: a bare Hono JSON POST route on @hono/node-server, the same echo as `rawEcho.ts`. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { serveUntilStopped } from '../spawnTarget.ts';

const app = new Hono();
app.post('/echo', async (c) => c.json(await c.req.json()));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  serveUntilStopped({ port: info.port }, async () => {
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close();
  });
});
