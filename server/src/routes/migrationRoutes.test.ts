import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChange, publishedHiring, renameState } from '../testing/hiringWorkflow.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
let workflowId = '';

interface Item {
  instanceId: string;
  from: string[];
  to?: string[];
  timers?: { delayName: string; dueAt: string }[];
  problem?: string;
  applied?: boolean;
}

/** A v1 instance moved forward by `advances` ADVANCE events. */
async function candidate(advances: number): Promise<string> {
  const started = await t.admin.post<{ instance: { id: string } }>('/api/instances', {
    workflowId,
    subjectId: `CAND-${Math.random()}`,
  });
  const id = started.body.instance.id;
  for (let n = 0; n < advances; n += 1)
    await t.admin.post(`/api/instances/${id}/events`, { type: 'ADVANCE' });
  return id;
}

const versionOf = async (id: string) =>
  (await t.admin.get<{ instance: { version: number; state: string[] } }>(`/api/instances/${id}`)).body
    .instance;
const replayOk = async (id: string) =>
  (await t.admin.post<{ ok: boolean }>(`/api/audit/instances/${id}/replay`)).body.ok;
const withoutApplied = (items: Item[]) => items.map(({ applied: _, ...item }) => item);
const map = { recruiter_screen: 'phone_screen' };
const migrations = () => `/api/workflows/${workflowId}/migrations`;

beforeAll(async () => {
  t = await startTestServer({ workers: false });
  workflowId = await publishedHiring(t.admin, 'emea');
}, 30_000);
afterAll(() => t.close());

describe('migrating running instances over HTTP', () => {
  it('dry run equals apply, a migrated instance replays across the version change, and the inverse mapping reverts', async () => {
    const applied = await candidate(0);
    const screening = await candidate(1);
    const reviewing = await candidate(2);
    // v2 renames recruiter_screen: the other states map by id, that one needs the mapping.
    expect(
      await publishChange(t.admin, workflowId, (s) => renameState(s, 'recruiter_screen', 'phone_screen')),
    ).toBe(2);

    const unmapped = await t.admin.post<{ items: Item[] }>(`${migrations()}/dry-run`, { from: 1, to: 2 });
    expect(unmapped.body.items.find((i) => i.instanceId === screening)?.problem).toMatch(/recruiter_screen/);

    const body = { from: 1, to: 2, stateMap: map };
    const plan = await t.admin.post<{ items: Item[] }>(`${migrations()}/dry-run`, body);
    expect(plan.body.items.map((i) => [i.instanceId, i.to])).toEqual(
      expect.arrayContaining([
        [applied, ['applied']],
        [screening, ['phone_screen']],
        [reviewing, ['hiring_manager_review']],
      ]),
    );
    expect(plan.body.items.every((i) => (i.timers ?? []).length > 0)).toBe(true);
    const done = await t.admin.post<{ items: Item[]; applied: number }>(`${migrations()}/apply`, body);
    expect(done.body.applied).toBe(3);
    expect(withoutApplied(done.body.items)).toEqual(plan.body.items);

    expect(await versionOf(screening)).toMatchObject({ version: 2, state: ['phone_screen'] });
    for (const id of [applied, screening, reviewing]) expect(await replayOk(id)).toBe(true);
    const entries = await t.admin.get<{ items: { kind: string }[] }>(
      `/api/audit/instances/${screening}/entries`,
    );
    expect(entries.body.items.map((e) => e.kind)).toEqual(['start', 'transition', 'migration']);

    // The migrated instance runs on v2 and still replays.
    const moved = await t.admin.post(`/api/instances/${screening}/events`, { type: 'ADVANCE' });
    expect(moved.status).toBe(200);
    expect(await replayOk(screening)).toBe(true);

    const inverse = { from: 2, to: 1, stateMap: { phone_screen: 'recruiter_screen' } };
    const back = await t.admin.post<{ items: Item[] }>(`${migrations()}/dry-run`, inverse);
    const reverted = await t.admin.post<{ items: Item[]; applied: number }>(`${migrations()}/apply`, inverse);
    expect(withoutApplied(reverted.body.items)).toEqual(back.body.items);
    expect(reverted.body.applied).toBe(3);
    expect(await versionOf(applied)).toMatchObject({ version: 1, state: ['applied'] });
    for (const id of [applied, screening, reviewing]) expect(await replayOk(id)).toBe(true);
  });

  it('reports instances it cannot map and leaves them where they are', async () => {
    const stuck = await candidate(1);
    const result = await t.admin.post<{ items: Item[]; applied: number }>(`${migrations()}/apply`, {
      from: 1,
      to: 2,
      instanceIds: [stuck],
    });
    expect(result.body.items).toEqual([
      expect.objectContaining({
        instanceId: stuck,
        applied: false,
        problem: expect.stringMatching(/recruiter_screen/),
      }),
    ]);
    expect(await versionOf(stuck)).toMatchObject({ version: 1, state: ['recruiter_screen'] });
  });

  it('moves only what the caller may see, and names wrong fields', async () => {
    const outsider = await t.signIn(['designer'], ['apac']);
    expect((await outsider.post(`${migrations()}/dry-run`, { from: 1, to: 2 })).status).toBe(404);
    const auditor = await t.signIn(['auditor'], []);
    expect((await auditor.post(`${migrations()}/apply`, { from: 1, to: 2 })).status).toBe(403);
    const missing = await t.admin.post<{ errors: { path: string }[] }>(`${migrations()}/dry-run`, {
      from: 1,
      to: 7,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e) => e.path)).toEqual(['to']);
  });
});
