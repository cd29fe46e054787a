import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ensureFirstAdmin, type FirstAdminOutcome } from './auth/ensureFirstAdmin.ts';
import { openServerStore, type ServerStore } from './db/openServerStore.ts';
import type { AppDeps } from './http/appEnv.ts';
import { type HireflowDb, openDatabase } from './runtime.ts';
import { serveDesigner } from './static/serveDesigner.ts';

/** Options of {@link startServer}. */
export interface StartServerOptions extends Omit<AppDeps, 'db' | 'store'> {
  dbFile: string;
  /** 0 picks a free port (tests). */
  port: number;
  hostname?: string;
  designerDist?: string;
  env?: { HIREFLOW_ADMIN_EMAIL?: string; HIREFLOW_ADMIN_PASSWORD?: string };
}

/** A running server: its URL, database, first-admin outcome, and a graceful `close`. */
export interface RunningServer {
  url: string;
  port: number;
  db: HireflowDb;
  store: ServerStore;
  firstAdmin: FirstAdminOutcome;
  designerServed: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database, creates the first admin if needed, and listens. `close` stops accepting
 * connections, lets in-flight requests finish (each write is one synchronous transaction, so none is
 * ever half-done), then closes the database.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const db = openDatabase(options.dbFile);
  const store = openServerStore(db);
  const now = options.now ?? Date.now;
  const firstAdmin = await ensureFirstAdmin(store, options.env ?? {}, now());
  const app = createApp({ ...options, db, store });
  const designerServed = options.designerDist ? serveDesigner(app, options.designerDist) : false;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    store,
    firstAdmin,
    designerServed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          db.close();
          error ? reject(error) : resolve();
        });
        // Idle keep-alive sockets would hold `close` open forever.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
