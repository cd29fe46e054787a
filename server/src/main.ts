import { readConfig } from './config.ts';
import { startServer } from './startServer.ts';

/** `pnpm start`: the API and the built designer on http://localhost:$PORT. */
const config = readConfig(process.env);
const server = await startServer({
  dbFile: config.dbFile,
  port: config.port,
  hostname: '0.0.0.0',
  designerDist: config.designerDist,
  groupCommit: config.groupCommit,
  env: process.env,
  deliveryEnv: process.env,
});

if (server.firstAdmin.created) {
  console.log(`[hireflow] created the first admin: ${server.firstAdmin.email}`);
  if (server.firstAdmin.generatedPassword) {
    // Printed once: it is not stored anywhere in plain text.
    console.log(`[hireflow] its password (shown only now): ${server.firstAdmin.generatedPassword}`);
  }
}
if (!server.designerServed) {
  console.log('[hireflow] designer/dist is missing: build it with `pnpm --filter @hireflow/designer build`.');
}
for (const channel of server.delivery.channels().filter((c) => !c.configured)) {
  // Effects for these channels stay `undeliverable` (see GET /api/system/delivery) until configured.
  console.log(`[hireflow] delivery: ${channel.channel} not configured: ${channel.detail}`);
}
console.log(`[hireflow] listening on http://localhost:${server.port} (data in ${config.dataDir})`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[hireflow] ${signal}: finishing in-flight requests`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[hireflow] shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
