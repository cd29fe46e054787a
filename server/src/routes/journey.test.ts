import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface Forked {
  workflow: { id: string; businessUnit: string; forkedFrom: { source: string; id: string } };
  draft: { revision: number; spec: { name: string; states: { id: string; locked?: boolean }[] } };
}

describe('designer journey over HTTP', () => {
  it('signs in, forks a template, edits the draft, publishes and reads the version back', async () => {
    const designer = await t.signIn(['designer'], ['emea']);
    const templates = await designer.get<{ items: { id: string }[] }>('/api/templates');
    expect(templates.status).toBe(200);
    expect(templates.body.items.map((x) => x.id)).toContain('offer-approval');

    const fork = await designer.post<Forked>('/api/templates/offer-approval/fork', { name: 'EMEA offers' });
    expect(fork.status).toBe(201);
    expect(fork.body.workflow.businessUnit).toBe('emea');
    expect(fork.body.workflow.forkedFrom).toMatchObject({ source: 'template', id: 'offer-approval' });
    const id = fork.body.workflow.id;

    const spec = { ...fork.body.draft.spec, name: 'EMEA offers v2' };
    const saved = await designer.put<{ draft: { revision: number } }>(`/api/workflows/${id}/draft`, {
      spec,
      baseRevision: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.revision).toBe(1);

    const stale = await designer.put<{ code: string; current: { revision: number } }>(
      `/api/workflows/${id}/draft`,
      { spec, baseRevision: 0 },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'REVISION_CONFLICT', current: { revision: 1 } });

    const published = await designer.post<{ version: { number: number } }>(`/api/workflows/${id}/publish`, {
      changelog: 'First',
      baseRevision: 1,
    });
    expect(published.status).toBe(201);
    expect(published.body.version.number).toBe(1);

    const again = await designer.post<{ unchanged: boolean }>(`/api/workflows/${id}/publish`, {
      changelog: 'Same',
      baseRevision: 1,
    });
    expect(again.status).toBe(200);
    expect(again.body.unchanged).toBe(true);

    const version = await designer.get<{ version: { spec: { name: string }; definition: { id: string } } }>(
      `/api/workflows/${id}/versions/1`,
    );
    expect(version.body.version.spec.name).toBe('EMEA offers v2');
    expect(version.body.version.definition).toBeTypeOf('object');

    const summary = await designer.get<{ workflow: { latestVersion: number; defaultVersion: number } }>(
      `/api/workflows/${id}`,
    );
    expect(summary.body.workflow).toMatchObject({ latestVersion: 1, defaultVersion: 1 });
  });

  it('refuses to drop a locked state of the template it forked', async () => {
    const designer = await t.signIn(['designer'], ['emea']);
    const fork = await designer.post<Forked>('/api/templates/offer-approval/fork', {});
    const locked = fork.body.draft.spec.states.find((s) => s.locked);
    if (!locked) return expect.fail('offer-approval should lock a compliance state');
    const spec = {
      ...fork.body.draft.spec,
      states: fork.body.draft.spec.states.filter((s) => s.id !== locked.id),
    };
    const answer = await designer.put<{ code: string }>(`/api/workflows/${fork.body.workflow.id}/draft`, {
      spec,
      baseRevision: 0,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('LOCKED_STATE');
  });

  it("answers 404 for another unit's workflow, exactly like a missing one", async () => {
    const emea = await t.signIn(['designer'], ['emea']);
    const apac = await t.signIn(['designer'], ['apac']);
    const fork = await emea.post<Forked>('/api/templates/offer-approval/fork', {});
    const other = await apac.get<{ code: string }>(`/api/workflows/${fork.body.workflow.id}`);
    const missing = await apac.get<{ code: string }>('/api/workflows/no-such-workflow');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
  });
});
