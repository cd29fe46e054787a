/**
 * Target: the real Hireflow server with (argv[2] = `observed`) or without (`bare`) its structured
 * access log and Prometheus metrics. The log goes to a real file, as a container's stdout would.
 * Workers off: the figure is the request path's overhead, not the scheduler's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { destination } from 'pino';
import { createSecretToken } from '../../src/auth/secretToken.ts';
import { insertApiToken } from '../../src/db/apiTokens.ts';
import { insertUser } from '../../src/db/users.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { startServer } from '../../src/startServer.ts';
import { serveUntilStopped } from '../spawnTarget.ts';

const observed = process.argv[2] === 'observed';
const dir = mkdtempSync(join(tmpdir(), 'hireflow-bench-observe-'));
const server = await startServer({
  dbFile: join(dir, 'hireflow.db'),
  port: 0,
  workers: false,
  metrics: observed,
  ...(observed
    ? { logger: createLogger('info', destination({ dest: join(dir, 'access.log'), sync: false })) }
    : {}),
});
const user = insertUser(server.store, {
  email: 'bench-designer@bench.io',
  name: 'Bench Designer',
  passwordHash: 'not-a-password-hash',
  roles: ['designer'],
  businessUnits: ['bench'],
  now: Date.now(),
});
const token = createSecretToken('hf_');
insertApiToken(server.store, { userId: user.id, name: 'bench', token, now: Date.now() });

serveUntilStopped({ port: server.port, token }, async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
