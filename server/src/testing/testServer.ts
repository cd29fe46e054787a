import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../db/schema.ts';
import { insertUser } from '../db/users.ts';
import { type RunningServer, type StartServerOptions, startServer } from '../startServer.ts';
import { HttpClient } from './httpClient.ts';

/** The password every test user gets. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A real server on a free port over a real SQLite file in a fresh temp dir. */
export interface TestServer {
  server: RunningServer;
  /** A signed-in admin. */
  admin: HttpClient;
  /** A client with no session. */
  anonymous(): HttpClient;
  /** Creates a user directly in the store and returns a signed-in client. */
  signIn(roles: Role[], businessUnits: string[], name?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

let counter = 0;

/** Starts a {@link TestServer}; `close()` stops it and deletes the temp dir. */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-server-'));
  const server = await startServer({
    port: 0,
    ...options,
    dbFile: join(dir, 'hireflow.db'),
    env: { HIREFLOW_ADMIN_EMAIL: 'admin@test.io', HIREFLOW_ADMIN_PASSWORD: TEST_PASSWORD },
  });
  const admin = new HttpClient(server.url);
  await admin.login('admin@test.io', TEST_PASSWORD);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return {
    server,
    admin,
    anonymous: () => new HttpClient(server.url),
    async signIn(roles, businessUnits, name) {
      counter += 1;
      const email = `${name ?? roles.join('-')}-${counter}@test.io`;
      insertUser(server.store, {
        email,
        name: name ?? email,
        passwordHash,
        roles,
        businessUnits,
        now: Date.now(),
      });
      const client = new HttpClient(server.url);
      await client.login(email, TEST_PASSWORD);
      return client;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
