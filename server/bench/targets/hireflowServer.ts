/**
 * Target: the real Hireflow server (`startServer`) over a fresh SQLite file (WAL, synchronous=FULL),
 * with the scheduler, outbox and maintenance running, a recruiter's API token, and `BENCH_INSTANCES`
 * requisitions already started. argv[2] is `group` (group commit on) or `direct` (one transaction per
 * event).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretToken } from '../../src/auth/secretToken.ts';
import { insertApiToken } from '../../src/db/apiTokens.ts';
import { insertUser } from '../../src/db/users.ts';
import { startServer } from '../../src/startServer.ts';
import { BENCH_UNIT, seedRequisitions } from '../seedRequisitions.ts';
import { serveUntilStopped } from '../spawnTarget.ts';

const dir = mkdtempSync(join(tmpdir(), 'hireflow-bench-'));
const server = await startServer({
  dbFile: join(dir, 'hireflow.db'),
  port: 0,
  // As in production, the scheduler, outbox and WAL checkpoints run alongside (BENCH_WORKERS=0: not).
  workers: process.env.BENCH_WORKERS !== '0',
  groupCommit: process.argv[2] === 'group',
});
const recruiter = insertUser(server.store, {
  email: 'bench-recruiter@bench.io',
  name: 'Bench Recruiter',
  // Nobody signs in with it: the load authenticates with the API token.
  passwordHash: 'not-a-password-hash',
  roles: ['recruiter'],
  businessUnits: [BENCH_UNIT],
  now: Date.now(),
});
const token = createSecretToken('hf_');
insertApiToken(server.store, { userId: recruiter.id, name: 'bench', token, now: Date.now() });
const instanceIds = seedRequisitions(server.engine, Number(process.env.BENCH_INSTANCES ?? 1000));

serveUntilStopped({ port: server.port, token, instanceIds }, async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
