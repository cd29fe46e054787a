import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../startServer.ts';
import { publishChange, publishedHiring } from '../testing/hiringWorkflow.ts';
import { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';

const describeV2 = (spec: Record<string, unknown>) => ({ ...spec, description: 'pilot: faster screens' });
const subjects = Array.from({ length: 40 }, (_, n) => `CAND-${n}`);

/** The version each subject's new instance starts on. */
async function sides(client: HttpClient, workflowId: string): Promise<number[]> {
  const versions: number[] = [];
  for (const subjectId of subjects) {
    const started = await client.post<{ instance: { version: number } }>('/api/instances', {
      workflowId,
      subjectId,
    });
    versions.push(started.body.instance.version);
  }
  return versions;
}

describe('a percentage pilot over HTTP', () => {
  it('sends the same candidate to the same side every time, across a server restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hireflow-routing-'));
    const boot = async () => {
      const server = await startServer({
        port: 0,
        workers: false,
        dbFile: join(dir, 'hireflow.db'),
        env: { HIREFLOW_ADMIN_EMAIL: 'admin@test.io', HIREFLOW_ADMIN_PASSWORD: TEST_PASSWORD },
      });
      const admin = new HttpClient(server.url);
      await admin.login('admin@test.io', TEST_PASSWORD);
      return { server, admin };
    };
    try {
      const first = await boot();
      const workflowId = await publishedHiring(first.admin, 'emea');
      expect(await publishChange(first.admin, workflowId, describeV2)).toBe(2);
      const put = await first.admin.put(`/api/workflows/${workflowId}/routing`, {
        defaultVersion: 1,
        pilot: { version: 2, percentage: 30 },
      });
      expect(put.status).toBe(200);
      const before = await sides(first.admin, workflowId);
      expect(await sides(first.admin, workflowId)).toEqual(before);
      await first.server.close();

      const second = await boot();
      expect(await sides(second.admin, workflowId)).toEqual(before);
      await second.server.close();
      // Both sides are populated, and the pilot side is roughly the share asked for.
      const pilot = before.filter((v) => v === 2).length;
      expect(pilot).toBeGreaterThan(4);
      expect(pilot).toBeLessThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('promote and roll back', () => {
  let t: TestServer;
  let workflowId = '';
  beforeAll(async () => {
    t = await startTestServer({ workers: false });
    workflowId = await publishedHiring(t.admin, 'emea');
    await publishChange(t.admin, workflowId, describeV2);
  }, 30_000);
  afterAll(() => t.close());

  const start = async (department: string) =>
    (
      await t.admin.post<{ instance: { id: string; version: number } }>('/api/instances', {
        workflowId,
        subjectId: `CAND-${department}-${Math.random()}`,
        context: { department },
      })
    ).body.instance;
  const url = (suffix = '') => `/api/workflows/${workflowId}/routing${suffix}`;

  it('routes a department to the pilot, rolls back in one call, promotes in one call; running instances stay pinned', async () => {
    const designer = await t.signIn(['designer'], ['emea']);
    const set = await designer.put(url(), {
      defaultVersion: 1,
      pilot: { version: 2, departments: ['Engineering'] },
    });
    expect(set.body).toEqual({
      routing: { defaultVersion: 1, pilot: { version: 2, departments: ['Engineering'] } },
      previous: { defaultVersion: 1, pilot: null },
    });
    const piloted = await start('Engineering');
    expect(piloted.version).toBe(2);
    expect((await start('Sales')).version).toBe(1);

    const rolledBack = await designer.post(url('/rollback'));
    expect(rolledBack.body).toMatchObject({ routing: { defaultVersion: 1, pilot: null } });
    expect((await start('Engineering')).version).toBe(1);
    const still = await t.admin.get<{ instance: { version: number } }>(`/api/instances/${piloted.id}`);
    expect(still.body.instance.version).toBe(2);

    await designer.put(url(), { defaultVersion: 1, pilot: { version: 2, businessUnits: ['emea'] } });
    const promoted = await designer.post(url('/promote'));
    expect(promoted.body).toMatchObject({ routing: { defaultVersion: 2, pilot: null } });
    expect((await start('Sales')).version).toBe(2);
    expect((await designer.post(url('/promote'))).status).toBe(409);

    const log = await t.admin.get<{ items: { action: string; target: string }[] }>('/api/access-log');
    expect(log.body.items.filter((e) => e.target === `workflow:${workflowId}`).map((e) => e.action)).toEqual([
      'routing.promote:v2',
      'routing.update',
      'routing.rollback:v2',
      'routing.update',
    ]);
  });

  it('lets auditors read the routing and the comparison, and write nothing', async () => {
    const auditor = await t.signIn(['auditor'], []);
    expect((await auditor.get(url())).status).toBe(200);
    const comparison = await auditor.get<Record<string, { version: number; instances: number } | null>>(
      `/api/workflows/${workflowId}/pilot-comparison`,
    );
    expect(comparison.status).toBe(200);
    expect(comparison.body.default).toMatchObject({ version: 2 });
    expect(comparison.body.pilot).toBeNull();
    expect((await auditor.post(url('/rollback'))).status).toBe(403);
  });

  it('refuses unknown versions and a pilot without audience, naming the field', async () => {
    const unknown = await t.admin.put<{ errors: { path: string }[] }>(url(), {
      defaultVersion: 1,
      pilot: { version: 9, percentage: 10 },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e) => e.path)).toEqual(['pilot.version']);
    const nobody = await t.admin.put<{ errors: { path: string }[] }>(url(), {
      defaultVersion: 1,
      pilot: { version: 2 },
    });
    expect(nobody.body.errors.map((e) => e.path)).toEqual(['pilot']);
    const share = await t.admin.put<{ errors: { path: string }[] }>(url(), {
      defaultVersion: 1,
      pilot: { version: 2, percentage: 101 },
    });
    expect(share.body.errors.map((e) => e.path)).toEqual(['pilot.percentage']);
  });
});
