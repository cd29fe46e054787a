import { ConfigError, readConfig } from './config.ts';
import { createLogger } from './ops/logger.ts';
import { startServer } from './startServer.ts';

/** `pnpm start`: the API and the built designer on http://localhost:$PORT. */
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // Before a logger exists: one plain line per bad variable, then exit 1 so the orchestrator sees it.
  console.error(`[hireflow] ${error.message}`);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const server = await startServer({
  dbFile: config.dbFile,
  port: config.port,
  hostname: config.host,
  designerDist: config.designerDist,
  groupCommit: config.groupCommit,
  env: config.admin,
  deliveryEnv: process.env,
  logger,
  trustProxyHops: config.trustProxyHops,
  secureCookies: config.publicUrl?.startsWith('https:') ?? false,
  metricsToken: config.metricsToken,
  shutdownTimeoutMs: config.shutdownTimeoutMs,
});

if (server.firstAdmin.created) {
  logger.warn({ email: server.firstAdmin.email }, 'created the first admin');
  if (server.firstAdmin.generatedPassword) {
    // Printed once: it is not stored anywhere in plain text.
    logger.warn({ password: server.firstAdmin.generatedPassword }, 'first admin password (shown only now)');
  }
}
if (!server.designerServed) {
  logger.warn('designer/dist is missing: build it with `pnpm --filter @hireflow/designer build`');
}
for (const channel of server.delivery.channels().filter((c) => !c.configured)) {
  // Effects for these channels stay `undeliverable` (see GET /api/system/delivery) until configured.
  logger.warn({ channel: channel.channel, detail: channel.detail }, 'delivery channel not configured');
}
logger.info({ port: server.port, dataDir: config.dataDir }, `listening on http://localhost:${server.port}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down');
    // Belt and braces: `close` cuts connections at the deadline; if even that hangs, exit anyway.
    setTimeout(() => {
      logger.error('shutdown deadline passed, exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2000).unref();
    server.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
